import { sql, type SQL } from 'drizzle-orm';
import { SLICE_KEYS, sliceOf, type DashboardFilters } from '@/lib/validation/dashboard-filters';
import type { MonthBucket, Period } from '@/lib/metrics/period';
import { buildExperimentWhere, inListOrNotSet, usesModelSql } from '../experiments/filters';
import { experimentCol as E } from '../../sql';

/**
 * SQL pieces every dashboard aggregation shares. They come from the experiment filter contract
 * (db/queries/experiments/filters.ts), so a figure and its /experiments drill-down select the same rows.
 * Columns are spelled "experiments"."col" because drizzle leaves them unqualified inside sql``.
 */

/** The dashboard's slice: not archived (unless the filters say otherwise), and every slice filter. */
export const sliceWhere = (f: DashboardFilters): SQL => buildExperimentWhere(sliceOf(f), { today: f.today }) ?? sql`true`;

/** Slice filters that outcome rows carry no copy of: they are checked on the experiment itself. */
const BEYOND_OUTCOME_COPIES = SLICE_KEYS.filter((k) => !['team', 'workType', 'model', 'vendor'].includes(k));

const O = (col: string) => sql.raw(`"capability_outcomes"."${col}"`);
const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * The same slice as sliceWhere, for capability_outcomes rows without joining experiments: an outcome
 * carries its experiment's team, work type and archived flag (copies kept by the database: db/derived/outcome-slice.sql).
 * Vendor and model still look at the experiment's models.
 */
export const outcomeSliceWhere = (f: DashboardFilters): SQL => {
  const c: SQL[] = f.archived ? [] : [sql`not ${O('experiment_archived')}`];
  if (f.team) c.push(sql`${O('team_id')} in (${list(f.team)})`);
  if (f.workType) c.push(inListOrNotSet(O('work_type'), f.workType));
  if (f.model) c.push(usesModelSql(O('experiment_id'), 'slug', f.model));
  if (f.vendor) c.push(usesModelSql(O('experiment_id'), 'vendor', f.vendor));
  if (BEYOND_OUTCOME_COPIES.some((k) => f[k] !== undefined))
    c.push(sql`exists (select 1 from experiments where "experiments"."id" = ${O('experiment_id')} and ${sliceWhere(f)})`);
  return c.length ? sql.join(c, sql` and `) : sql`true`;
};

/** Active in the period (definition: lib/metrics/definitions.ts), exactly as the list's from/to filter. */
export const activeIn = (p: Period, today: string): SQL => buildExperimentWhere({ from: p.from, to: p.to }, { today })!;

/** Completed in the period, exactly as the list's completedFrom/completedTo filter. */
export const completedIn = (p: Period): SQL => buildExperimentWhere({ completedFrom: p.from, completedTo: p.to })!;

/**
 * Active within a month bucket joined as `m` (see monthsTable) — the same condition as activeIn,
 * written against the bucket's columns so one query covers every month.
 */
export const activeInMonth = (today: string): SQL =>
  sql`(${E('status')} <> 'proposed' and ${E('start_date')} is not null and ${E('start_date')} <= m.m_to
    and (${E('end_date')} >= m.m_from or (${E('end_date')} is null and ${today}::date >= m.m_from)))`;

/** The month buckets as an inline table m(month, m_from, m_to). */
export const monthsTable = (buckets: MonthBucket[]): SQL =>
  sql`(values ${sql.join(
    buckets.map((b) => sql`(${b.month}::text, ${b.from}::date, ${b.to}::date)`),
    sql`, `,
  )}) as m(month, m_from, m_to)`;

/**
 * Hours saved per month of one experiment now: its latest check-in that has the figure, else its own,
 * else 0. Stored by the database (experiments.current_*, kept by triggers on checkins: db/derived/checkin-summary.sql).
 */
export const effectiveHoursSql = E('current_hours_saved_per_month');

/** Monthly AI spend (cents) of one experiment now: latest check-in's, else its own, else 0 (stored). */
export const effectiveSpendSql = E('current_spend_monthly_cents');

/** Quality with AI of one experiment now: latest check-in's, else its own (stored; null when neither). */
export const effectiveQualitySql = E('current_quality_after');

export const between = (col: SQL, p: Period): SQL => sql`${col} between ${p.from}::date and ${p.to}::date`;
