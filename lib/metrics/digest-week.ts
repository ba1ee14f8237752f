/**
 * The week a digest covers (issue 20 §4): the seven days ending on `today`, and the ISO week it is sent in (the
 * slot that keeps it to one digest per person and week). Pure.
 */
import { isoWeek } from './iso-week';

export const DIGEST_DAYS = 7;

export type DigestWeek = { from: string; to: string; slot: string };

export function digestWeek(today: string): DigestWeek {
  const end = new Date(`${today}T00:00:00Z`);
  const start = new Date(end.getTime() - (DIGEST_DAYS - 1) * 86_400_000);
  return { from: start.toISOString().slice(0, 10), to: today, slot: isoWeek(end) };
}
