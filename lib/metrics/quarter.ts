import { DEFAULT_TIME_ZONE, dateIn } from './today';
import { sqlString } from './sql-text';

/**
 * The quarter of an experiment: the quarter of its start date, or, before it starts, of the day it was
 * created in the organisation's time zone (UTC for now, lib/metrics/today.ts). The Insights page, the
 * dashboard's card and the insights_rollup table (db/derived/insights-rollup.sql, held to
 * quarterStartSql(experimentDaySql('x')) by tests/rule-definitions.test.ts) all count quarters this way.
 */
export type Quarter = string; // "2026-Q3"

export function quarterOf(isoDate: string): Quarter {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The first day (YYYY-MM-DD) of the quarter holding `isoDate`. */
export function quarterStart(isoDate: string): string {
  const month = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${isoDate.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

/** The quarter `n` quarters before `q` (n may be negative). */
export function shiftQuarter(q: Quarter, n: number): Quarter {
  const [y, qq] = q.split('-Q').map(Number);
  const idx = y * 4 + (qq - 1) - n;
  return `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`;
}

/** The day an experiment counts from: its start date, else the day it was created. */
export function experimentDay(e: { startDate: string | null; createdAt: Date }, timeZone: string = DEFAULT_TIME_ZONE): string {
  return e.startDate ?? dateIn(e.createdAt, timeZone);
}

export const experimentQuarter = (e: { startDate: string | null; createdAt: Date }, timeZone: string = DEFAULT_TIME_ZONE): Quarter =>
  quarterOf(experimentDay(e, timeZone));

/** SQL: experimentDay on a row of experiments named `alias`. */
export const experimentDaySql = (alias: string, timeZone: string = DEFAULT_TIME_ZONE) =>
  `coalesce(${alias}.start_date, (${alias}.created_at at time zone ${sqlString(timeZone)})::date)`;

/** SQL: quarterStart of a date expression. */
export const quarterStartSql = (day: string) => `date_trunc('quarter', ${day}::timestamp)::date`;
