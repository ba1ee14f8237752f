import type { Queryable } from '../../types';
import { getSettings } from './settings';
import { todayIn } from '@/lib/metrics/today';

/**
 * The organisation's settings as every page, export and job applies them: "today" in its time zone
 * (lib/metrics/today.ts), its fiscal year start for quarters and periods (lib/metrics/quarter.ts) and its
 * currency for every amount it records (lib/format.ts). One read of the settings row.
 */
export type OrgCalendar = { today: string; timeZone: string; fyStart: number; currency: string };

export async function getOrgCalendar(db: Queryable, now: Date = new Date()): Promise<OrgCalendar> {
  const s = await getSettings(db);
  return { today: todayIn(s.timeZone, now), timeZone: s.timeZone, fyStart: s.fiscalYearStartMonth, currency: s.currency };
}
