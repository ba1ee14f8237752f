/**
 * Hours saved per month = (hours before − hours with AI) × tasks per month.
 * The database computes the same figure as a generated column; this copy shows it live in the form.
 * Null when any input is missing: a half-filled experiment has no figure yet, not zero.
 */
export function hoursSavedPerMonth(
  hoursBefore: number | null | undefined,
  hoursWithAi: number | null | undefined,
  tasksPerMonth: number | null | undefined,
): number | null {
  if (hoursBefore == null || hoursWithAi == null || tasksPerMonth == null) return null;
  if (![hoursBefore, hoursWithAi, tasksPerMonth].every(Number.isFinite)) return null;
  return Math.round((hoursBefore - hoursWithAi) * tasksPerMonth * 100) / 100;
}

/** A form's text value as a number, or null when empty or not a number. */
export function numberOrNull(value: string | null | undefined): number | null {
  if (value == null || value.trim() === '') return null;
  const n = Number(value.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}
