import { sql, type SQL } from 'drizzle-orm';

/**
 * Calendar dates in a time zone. "Today", every period and every quarter start from these, never from
 * the database session's time zone (current_date, timestamptz::date), so the server, the exports and the
 * tests agree on which day it is. Called with UTC until the organisation has a setting.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): string {
  return dateIn(now, timeZone);
}

/** The same as dateIn for a timestamptz column, in SQL: the session's time zone plays no part. */
export const dateInSql = (timestamp: SQL, timeZone: string = DEFAULT_TIME_ZONE): SQL => sql`(${timestamp} at time zone ${timeZone})::date`;
