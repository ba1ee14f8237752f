import { sql, type SQL } from 'drizzle-orm';
import { dateTimeFormat } from '@/lib/intl/formatters';

/**
 * Calendar dates in a time zone. "Today", every period and every quarter start from these, never from
 * the database session's time zone (current_date, timestamptz::date), so the server, the exports and the
 * tests agree on which day it is. Called with UTC until the organisation has a setting.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  // en-CA writes dates as YYYY-MM-DD.
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** An instant as the organisation reads it on a page: "2026-12-06 14:05" in its time zone (24-hour clock). */
export function dateTimeIn(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = Object.fromEntries(
    dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): string {
  return dateIn(now, timeZone);
}

/** The same as dateIn for a timestamptz column, in SQL: the session's time zone plays no part. */
export const dateInSql = (timestamp: SQL, timeZone: string = DEFAULT_TIME_ZONE): SQL => sql`(${timestamp} at time zone ${timeZone})::date`;
