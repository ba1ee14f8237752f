import { sql } from 'drizzle-orm';
import { capabilityOutcomes, experiments } from '../../schema';
import type { Queryable } from '../../types';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import type { HeadlineKpis } from '@/lib/metrics/headline';
import type { Period } from '@/lib/metrics/period';
import { activeIn, between, completedIn, effectiveHoursSql, effectiveSpendSql, outcomeSliceWhere, sliceWhere } from './scope';

/** The headline figures of one period (definitions: lib/metrics/definitions.ts), and what the cards add. */
export type PeriodKpis = HeadlineKpis & {
  outcomeExperiments: number;
  avgImpact: number | null;
};

export type DashboardKpis = { current: PeriodKpis; previous: PeriodKpis | null; teamsInScope: number };

// Kept by triggers on capability_outcomes (db/derived/outcome-count.sql).
const hasOutcome = sql`("experiments"."outcome_count" > 0)`;

/**
 * Experiment figures of one or two periods in a single scan (conditional aggregation). Each row's
 * period conditions are worked out once in an inner query (`offset 0` keeps the planner from inlining
 * them back into every aggregate); "has an outcome" counts only for completed rows.
 */
async function experimentFigures(db: Queryable, f: DashboardFilters, periods: Period[]) {
  const flags = periods.map(
    (p, i) => sql`${activeIn(p, f.today)} as a${sql.raw(String(i))}, ${completedIn(p)} as c${sql.raw(String(i))},
      ${between(sql`"experiments"."spend_one_off_date"`, p)} as s${sql.raw(String(i))}`,
  );
  const touches = periods.map(
    (p) => sql`(${activeIn(p, f.today)} or ${completedIn(p)} or ${between(sql`"experiments"."spend_one_off_date"`, p)})`,
  );
  const completedAny = sql.join(periods.map((p) => completedIn(p)), sql` or `);
  const rows = sql`(select "experiments"."team_id" as team_id, "experiments"."mindset" as mindset, "experiments"."exploration" as exploration,
      ${effectiveHoursSql} as hours, ${effectiveSpendSql} as spend, "experiments"."spend_one_off_cents" as one_off,
      ${sql.join(flags, sql`, `)}, case when ${completedAny} then ${hasOutcome} else false end as has_outcome
    from experiments
    where ${sliceWhere(f)} and (${sql.join(touches, sql` or `)})
    offset 0) x`;
  const cols = (i: number) => {
    const [a, c, o] = ['a', 'c', 's'].map((k) => sql.raw(`x.${k}${i}`));
    return {
      active: sql<number>`count(*) filter (where ${a})::int`,
      teamsActive: sql<number>`count(distinct x.team_id) filter (where ${a})::int`,
      completed: sql<number>`count(*) filter (where ${c})::int`,
      completedWithOutcome: sql<number>`count(*) filter (where ${c} and x.has_outcome)::int`,
      activeNewCapability: sql<number>`count(*) filter (where ${a} and x.mindset = 'new_capability')::int`,
      activeExploring: sql<number>`count(*) filter (where ${a} and x.exploration)::int`,
      hoursSavedPerMonth: sql<number>`coalesce(sum(x.hours) filter (where ${a}), 0)::float8`,
      spendMonthlyCents: sql<number>`coalesce(sum(x.spend) filter (where ${a}), 0)::float8`,
      spendOneOffCents: sql<number>`coalesce(sum(x.one_off) filter (where ${o}), 0)::float8`,
    };
  };
  const [row] = await db.select({ c: cols(0), ...(periods[1] ? { p: cols(1) } : {}) }).from(rows);
  return periods.map((_, i) => (i === 0 ? row.c : (row as { p: typeof row.c }).p));
}

/** Capability outcomes recorded in one or two periods, for experiments in the slice. */
async function outcomeFigures(db: Queryable, f: DashboardFilters, periods: Period[]) {
  const cols = (p: Period) => {
    const inP = between(sql`${capabilityOutcomes.recordedOn}`, p);
    return {
      outcomes: sql<number>`count(*) filter (where ${inP})::int`,
      outcomeExperiments: sql<number>`count(distinct ${capabilityOutcomes.experimentId}) filter (where ${inP})::int`,
      avgImpact: sql<number | null>`(avg(${capabilityOutcomes.impact}) filter (where ${inP}))::float8`,
    };
  };
  const [row] = await db
    .select({ c: cols(periods[0]), ...(periods[1] ? { p: cols(periods[1]) } : {}) })
    .from(capabilityOutcomes)
    .where(sql`${outcomeSliceWhere(f)} and (${sql.join(periods.map((p) => between(sql`${capabilityOutcomes.recordedOn}`, p)), sql` or `)})`);
  return periods.map((_, i) => (i === 0 ? row.c : (row as { p: typeof row.c }).p));
}

/** Teams in the current selection (all teams, or the filtered ones): the "of N teams" of the teams card. */
async function teamsInScope(db: Queryable, f: DashboardFilters) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`teams`)
    .where(f.team ? sql`teams.id in (${sql.join(f.team.map((t) => sql`${t}`), sql`, `)})` : undefined);
  return row.n;
}

/** The headline cards: each figure for the period and for the previous period of the same length. */
export async function getDashboardKpis(db: Queryable, f: DashboardFilters): Promise<DashboardKpis> {
  const periods = f.previous ? [f.period, f.previous] : [f.period];
  const [exp, out, teams] = await Promise.all([experimentFigures(db, f, periods), outcomeFigures(db, f, periods), teamsInScope(db, f)]);
  const merge = (i: number): PeriodKpis => ({ ...exp[i], ...out[i], avgImpact: out[i].avgImpact == null ? null : Number(out[i].avgImpact) });
  return { current: merge(0), previous: f.previous ? merge(1) : null, teamsInScope: teams };
}

/** The first experiment's start: where "all time" begins. */
export async function getEarliestStart(db: Queryable): Promise<string | undefined> {
  const [row] = await db
    .select({ d: sql<string | null>`min(${experiments.startDate})::text` })
    .from(experiments)
    .where(sql`${experiments.archivedAt} is null`);
  return row?.d ?? undefined;
}
