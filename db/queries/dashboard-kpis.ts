import { sql } from 'drizzle-orm';
import { capabilityOutcomes, experiments } from '../schema';
import type { Queryable } from '../types';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import type { Period } from '@/lib/metrics/period';
import { activeIn, between, completedIn, effectiveHoursSql, effectiveSpendSql, outcomeSliceWhere, sliceWhere } from './dashboard-scope';

/** The headline figures of one period (definitions: lib/metrics/definitions.ts). */
export type PeriodKpis = {
  active: number;
  teamsActive: number;
  completed: number;
  /** completed in the period with at least one capability outcome */
  completedWithOutcome: number;
  /** active with mindset "create a new capability" */
  activeNewCapability: number;
  hoursSavedPerMonth: number;
  spendMonthlyCents: number;
  spendOneOffCents: number;
  outcomes: number;
  outcomeExperiments: number;
  avgImpact: number | null;
};

export type DashboardKpis = { current: PeriodKpis; previous: PeriodKpis | null; teamsInScope: number };

const hasOutcome = sql`exists (select 1 from capability_outcomes ko where ko.experiment_id = "experiments"."id")`;

/** Experiment figures of one or two periods in a single scan (conditional aggregation). */
async function experimentFigures(db: Queryable, f: DashboardFilters, periods: Period[]) {
  const cols = (p: Period) => {
    const active = activeIn(p, f.today);
    const completed = completedIn(p);
    return {
      active: sql<number>`count(*) filter (where ${active})::int`,
      teamsActive: sql<number>`count(distinct ${experiments.teamId}) filter (where ${active})::int`,
      completed: sql<number>`count(*) filter (where ${completed})::int`,
      completedWithOutcome: sql<number>`count(*) filter (where ${completed} and ${hasOutcome})::int`,
      activeNewCapability: sql<number>`count(*) filter (where ${active} and "experiments"."mindset" = 'new_capability')::int`,
      hoursSavedPerMonth: sql<number>`coalesce(sum(${effectiveHoursSql}) filter (where ${active}), 0)::float8`,
      spendMonthlyCents: sql<number>`coalesce(sum(${effectiveSpendSql}) filter (where ${active}), 0)::float8`,
      spendOneOffCents: sql<number>`coalesce(sum("experiments"."spend_one_off_cents") filter (where ${between(sql`"experiments"."spend_one_off_date"`, p)}), 0)::float8`,
    };
  };
  const touches = periods.map(
    (p) => sql`(${activeIn(p, f.today)} or ${completedIn(p)} or ${between(sql`"experiments"."spend_one_off_date"`, p)})`,
  );
  const [row] = await db
    .select({ c: cols(periods[0]), ...(periods[1] ? { p: cols(periods[1]) } : {}) })
    .from(experiments)
    .where(sql`${sliceWhere(f)} and (${sql.join(touches, sql` or `)})`);
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
