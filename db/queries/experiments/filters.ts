import { and, sql, type SQL } from 'drizzle-orm';
import { privacyFlagSql } from '@/lib/metrics/privacy';
import { todayIn } from '@/lib/metrics/today';
import { NOT_SET } from '@/lib/metrics/not-set';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { experimentCol as E } from '../../sql';
import { retestCandidateSql } from '../insights/radar-scores';
import { searchIdsSql } from './search';

/**
 * The WHERE clause for a set of experiment filters (lib/validation/experiment-filters.ts), shared by
 * the list, the dashboard's drill-downs and the exports so they always agree.
 * Columns are spelled out as "experiments"."col": drizzle renders columns in sql`` unqualified,
 * which correlated subqueries cannot use.
 */
export type FilterContext = {
  /** Teams of the signed-in user, for `mine`. */
  userTeamIds?: number[];
  /** ISO date used as "today" for running experiments (tests pin it). */
  today?: string;
};

const inList = (col: string, values: readonly (string | number)[]) => sql`${E(col)} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

/** `col in (…)`, where the value `not_set` stands for null (a choice nobody made yet). Shared with the outcome slice. */
export function inListOrNotSet(column: SQL, values: readonly string[]): SQL {
  const set = values.filter((v) => v !== NOT_SET);
  const parts: SQL[] = [];
  if (set.length) parts.push(sql`${column} in (${sql.join(set.map((v) => sql`${v}`), sql`, `)})`);
  if (set.length < values.length) parts.push(sql`${column} is null`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The experiment `experimentId` was tried on a model whose slug (or vendor) is one of `values`. */
export function usesModelSql(experimentId: SQL, by: 'slug' | 'vendor', values: readonly string[]): SQL {
  return sql`exists (select 1 from experiment_models fem join ai_models fm on fm.id = fem.model_id
    where fem.experiment_id = ${experimentId} and ${sql.raw(`fm.${by}`)} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)}))`;
}

export function buildExperimentWhere(f: Partial<ExperimentFilters>, ctx: FilterContext = {}): SQL | undefined {
  // "Today" from lib/metrics/today.ts, never the session's current_date (its time zone may differ).
  const todayIso = ctx.today ?? todayIn();
  const today = sql`${todayIso}::date`;
  const c: (SQL | undefined)[] = [];
  if (f.archived === 'only') c.push(sql`${E('archived_at')} is not null`);
  else if (f.archived !== 'include') c.push(sql`${E('archived_at')} is null`);
  // Its own text, its outcomes' and its techniques' (./search.ts), each read through its trigram index.
  if (f.q) c.push(sql`${E('id')} in ${searchIdsSql(f.q)}`);
  if (f.team) c.push(inList('team_id', f.team));
  if (f.mine) c.push(ctx.userTeamIds?.length ? inList('team_id', ctx.userTeamIds) : sql`false`);
  if (f.status) c.push(inList('status', f.status));
  if (f.mindset) c.push(inListOrNotSet(E('mindset'), f.mindset));
  if (f.workType) c.push(inListOrNotSet(E('work_type'), f.workType));
  if (f.sensitivity) c.push(inListOrNotSet(E('data_sensitivity'), f.sensitivity));
  if (f.model) c.push(usesModelSql(E('id'), 'slug', f.model));
  if (f.vendor) c.push(usesModelSql(E('id'), 'vendor', f.vendor));
  if (f.from || f.to) {
    c.push(sql`(${E('status')} <> 'proposed' and ${E('start_date')} is not null)`);
    if (f.to) c.push(sql`${E('start_date')} <= ${f.to}::date`);
    // "coalesce(end_date, today) >= from", split so an index on end_date serves it (null = still running).
    if (f.from) {
      const stillRunningCounts = sql.raw(todayIso >= f.from ? 'true' : 'false');
      c.push(sql`(${E('end_date')} >= ${f.from}::date or (${E('end_date')} is null and ${stillRunningCounts}))`);
    }
  }
  if (f.completedFrom || f.completedTo) {
    c.push(sql`${E('status')} = 'completed'`);
    if (f.completedFrom) c.push(sql`${E('end_date')} >= ${f.completedFrom}::date`);
    if (f.completedTo) c.push(sql`${E('end_date')} <= ${f.completedTo}::date`);
  }
  // outcome_count is kept by triggers on capability_outcomes (db/derived/outcome-count.sql).
  if (f.hasOutcomes === 'yes') c.push(sql`${E('outcome_count')} > 0`);
  if (f.hasOutcomes === 'no') c.push(sql`${E('outcome_count')} = 0`);
  if (f.exploration) c.push(f.exploration === 'yes' ? sql`${E('exploration')}` : sql`not ${E('exploration')}`);
  if (f.outcomeFrom || f.outcomeTo || f.impact) {
    // One outcome must meet every outcome condition at once (a drill-down from "insights recorded in March").
    const o: SQL[] = [];
    if (f.outcomeFrom) o.push(sql`fo.recorded_on >= ${f.outcomeFrom}::date`);
    if (f.outcomeTo) o.push(sql`fo.recorded_on <= ${f.outcomeTo}::date`);
    if (f.impact) o.push(sql`fo.impact in (${sql.join(f.impact.map((n) => sql`${n}`), sql`, `)})`);
    if (f.outcomeType) o.push(sql`fo.type in (${sql.join(f.outcomeType.map((s) => sql`${s}`), sql`, `)})`);
    if (f.minImpact) o.push(sql`fo.impact >= ${f.minImpact}`);
    c.push(sql`exists (select 1 from capability_outcomes fo where fo.experiment_id = ${E('id')} and ${sql.join(o, sql` and `)})`);
  } else {
    if (f.outcomeType)
      c.push(sql`exists (select 1 from capability_outcomes fo where fo.experiment_id = ${E('id')}
      and fo.type in (${sql.join(f.outcomeType.map((s) => sql`${s}`), sql`, `)}))`);
    if (f.minImpact) c.push(sql`exists (select 1 from capability_outcomes fo where fo.experiment_id = ${E('id')} and fo.impact >= ${f.minImpact})`);
  }
  if (f.blocked) c.push(sql`${E('blocked_by_model')}`);
  if (f.privacy) c.push(sql.raw(privacyFlagSql()));
  if (f.retest) c.push(retestCandidateSql(today));
  return and(...c);
}
