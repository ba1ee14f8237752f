import { sql, type SQL } from 'drizzle-orm';
import { dateTimeFormat } from '@/lib/intl/formatters';
import { addDays, monthBuckets, monthLabel, periodDays, type MonthBucket, type Period } from './period';

/**
 * The time axis of usage telemetry: weeks for a period of up to 92 days (the 90-day and quarter views),
 * calendar months beyond. Weeks start on Monday (ISO), months on the 1st; both are clipped to the period.
 * Pure, with the SQL half that puts a day in its bucket.
 */
export type UsageGranularity = 'week' | 'month';
export type UsageBucket = { key: string; label: string; from: string; to: string };

export const WEEKLY_UP_TO_DAYS = 92;

export const usageGranularity = (p: Period): UsageGranularity => (periodDays(p) <= WEEKLY_UP_TO_DAYS ? 'week' : 'month');

/** Monday of the ISO week of a day. */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((dow + 6) % 7));
}

const shortDate = (iso: string) => dateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

export function usageBuckets(p: Period, g: UsageGranularity = usageGranularity(p)): UsageBucket[] {
  if (g === 'month') return monthBuckets(p).map((b: MonthBucket) => ({ key: b.month, label: monthLabel(b.month), from: b.from, to: b.to }));
  const out: UsageBucket[] = [];
  for (let start = weekStart(p.from); start <= p.to; start = addDays(start, 7)) {
    const end = addDays(start, 6);
    out.push({ key: start, label: `w/c ${shortDate(start)}`, from: start < p.from ? p.from : start, to: end > p.to ? p.to : end });
  }
  return out;
}

/** The bucket key of a day column, in SQL: YYYY-MM, or the Monday of its week as YYYY-MM-DD. */
export const usageBucketSql = (day: SQL, g: UsageGranularity): SQL =>
  g === 'month' ? usageMonthSql(day) : sql`to_char(${day} - (extract(isodow from ${day})::int - 1), 'YYYY-MM-DD')`;

/** The month a bill belongs to (usage-currency.ts monthOfDay), in SQL: the key its rate is looked up by. */
export const usageMonthSql = (day: SQL): SQL => sql`to_char(${day}, 'YYYY-MM')`;
