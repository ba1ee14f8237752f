/**
 * Hours saved per month = (hours before − hours with AI) × tasks per month.
 * The database computes it as generated columns of experiments and checkins (HOURS_SAVED_SQL, and
 * CURRENT_HOURS_SAVED_SQL for what the dashboard sums); tests/rule-definitions.test.ts holds the columns
 * db/schema declares to these. The function shows the figure live in the form.
 * Null when any input is missing: a half-filled experiment has no figure yet, not zero.
 */
export const HOURS_SAVED_SQL = '(hours_before_per_task - hours_with_ai_per_task) * tasks_per_month';

/** The latest check-in's figure, else the experiment's own, else 0. */
export const CURRENT_HOURS_SAVED_SQL = `coalesce(checkin_hours_saved_per_month, ${HOURS_SAVED_SQL}, 0)`;

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
