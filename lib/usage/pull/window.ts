/**
 * Which days a pull asks for. A day is complete once it has ended in UTC (every vendor reports UTC days), so a
 * pull covers the day after the last complete day imported up to yesterday. The first pull of a connection
 * reaches back `firstDays` days (what the vendor keeps, or a month). Pure.
 */

export type DayWindow = { from: string; to: string };

const DAY_MS = 86_400_000;

export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
/** Start of a day as a Date (UTC midnight). */
export const startOf = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The days to pull, or null when every complete day is in already. `lastImported` is the connection's
 * last_imported_date; `now` decides which days are complete.
 */
export function pullWindow(lastImported: string | null, now: Date, firstDays: number): DayWindow | null {
  const yesterday = addDays(dayOf(now), -1);
  const earliest = addDays(yesterday, -(firstDays - 1));
  const from = lastImported ? addDays(lastImported, 1) : earliest;
  if (from > yesterday) return null;
  return { from, to: yesterday };
}
