import { DEFAULT_TIME_ZONE, dateIn } from './today';
import { sqlString } from './sql-text';

/**
 * The quarter of an experiment: the quarter of its start date, or, before it starts, of the day it was
 * created in the organisation's time zone (org_settings.time_zone, lib/metrics/today.ts). Quarters are fiscal:
 * the fiscal year starts on the 1st of org_settings.fiscal_year_start_month (1 = January, calendar quarters).
 * The Insights page, the dashboard's card and the insights_rollup table (db/derived/insights-rollup.sql, held to
 * quarterStartSql(experimentDayAt('x', …), …) by tests/rule-definitions.test.ts) all count quarters this way.
 *
 * Key and label convention: a quarter's key is "<Y>-Q<n>", Y the calendar year in which its fiscal year
 * starts, so keys sort and shift as before and are unchanged for a January start. People read the label:
 * "2026-Q1" for a January start; otherwise "Q4 FY2025/26", the fiscal year named by the two calendar years it
 * spans (start April: 2026-03-31 is key "2025-Q4", label "Q4 FY2025/26").
 */
export type Quarter = string; // "2026-Q3"

/** The month (1–12) the fiscal year starts in: 1 unless the organisation set another. */
export type FiscalStart = number;

const monthOf = (isoDate: string) => Number(isoDate.slice(5, 7));
const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

export function quarterOf(isoDate: string, fyStart: FiscalStart = 1): Quarter {
  const m = monthOf(isoDate);
  const year = m >= fyStart ? yearOf(isoDate) : yearOf(isoDate) - 1;
  return `${year}-Q${Math.floor((m - fyStart + 12) % 12 / 3) + 1}`;
}

/** The first day (YYYY-MM-DD) of the fiscal quarter holding `isoDate`. */
export function quarterStart(isoDate: string, fyStart: FiscalStart = 1): string {
  const [fy, q] = quarterOf(isoDate, fyStart).split('-Q').map(Number);
  const month0 = fyStart - 1 + (q - 1) * 3; // months after January of the fiscal year's first calendar year
  return `${fy + Math.floor(month0 / 12)}-${String((month0 % 12) + 1).padStart(2, '0')}-01`;
}

/** The first day of the fiscal year holding `isoDate`. */
export function fiscalYearStart(isoDate: string, fyStart: FiscalStart = 1): string {
  return `${quarterOf(isoDate, fyStart).slice(0, 4)}-${String(fyStart).padStart(2, '0')}-01`;
}

/** What a person reads for a quarter key: "2026-Q3" (January start), "Q4 FY2025/26" (any other start). */
export function quarterLabel(q: Quarter, fyStart: FiscalStart = 1): string {
  if (fyStart === 1) return q;
  const [y, n] = q.split('-Q');
  return `Q${n} FY${y}/${String((Number(y) + 1) % 100).padStart(2, '0')}`;
}

/** What a person reads for the fiscal year holding `isoDate`: "2026" (January start), "FY2026/27" (any other). */
export function fiscalYearLabel(isoDate: string, fyStart: FiscalStart = 1): string {
  const y = quarterOf(isoDate, fyStart).slice(0, 4);
  return fyStart === 1 ? y : `FY${y}/${String((Number(y) + 1) % 100).padStart(2, '0')}`;
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

export const experimentQuarter = (e: { startDate: string | null; createdAt: Date }, timeZone: string = DEFAULT_TIME_ZONE, fyStart: FiscalStart = 1): Quarter =>
  quarterOf(experimentDay(e, timeZone), fyStart);

/** SQL: experimentDay on a row of experiments named `alias`, the time zone an SQL expression (a column, a variable). */
export const experimentDayAt = (alias: string, timeZoneSql: string) => `coalesce(${alias}.start_date, (${alias}.created_at at time zone ${timeZoneSql})::date)`;

/** SQL: experimentDay on a row of experiments named `alias`. */
export const experimentDaySql = (alias: string, timeZone: string = DEFAULT_TIME_ZONE) => experimentDayAt(alias, sqlString(timeZone));

/**
 * SQL: quarterStart of a date expression; `fyStart` a month number or an SQL expression. Shift the day back
 * to a January-start year, take the calendar quarter, shift forward again.
 */
export const quarterStartSql = (day: string, fyStart: FiscalStart | string = 1) =>
  `(date_trunc('quarter', ${day}::timestamp - make_interval(months => ${fyStart} - 1)) + make_interval(months => ${fyStart} - 1))::date`;
