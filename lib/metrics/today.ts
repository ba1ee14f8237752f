/**
 * "Today" as an ISO date in a time zone. Every period, quarter and "still running" comparison starts from
 * this one function, never from the database session's time zone (current_date), so the server, the
 * exports and the tests agree on which day it is. Called with UTC until the organisation has a setting.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
