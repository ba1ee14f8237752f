import { sql } from 'drizzle-orm';
import { teams } from '../../schema';
import type { Queryable } from '../../types';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { activeIn, between, effectiveHoursSql, effectiveSpendSql, outcomeSliceWhere, sliceWhere } from './scope';

export type TeamRow = {
  teamId: number;
  team: string;
  /** experiments active in the period */
  experiments: number;
  /** capability outcomes recorded in the period, and the experiments they belong to */
  outcomes: number;
  outcomeExperiments: number;
  hoursSavedPerMonth: number;
  spendMonthlyCents: number;
};

/**
 * One row per team in the selection (teams with nothing in the period included, as zeros):
 * active experiments, capability outcomes, hours saved and spend run-rates. Two grouped subqueries
 * joined to teams, so each team costs one aggregate, not a query.
 */
export async function getTeamBreakdown(db: Queryable, f: DashboardFilters): Promise<TeamRow[]> {
  const act = sql`(select "experiments"."team_id" as team_id, count(*)::int as n,
      sum(${effectiveHoursSql})::float8 as hours, sum(${effectiveSpendSql})::float8 as spend
    from experiments where ${sliceWhere(f)} and ${activeIn(f.period, f.today)} group by "experiments"."team_id") act`;
  const out = sql`(select "capability_outcomes"."team_id" as team_id, count(*)::int as n,
      count(distinct "capability_outcomes"."experiment_id")::int as e
    from capability_outcomes where ${outcomeSliceWhere(f)} and ${between(sql`"capability_outcomes"."recorded_on"`, f.period)}
    group by "capability_outcomes"."team_id") out`;
  return db
    .select({
      teamId: teams.id,
      team: teams.name,
      experiments: sql<number>`coalesce(act.n, 0)`,
      outcomes: sql<number>`coalesce(out.n, 0)`,
      outcomeExperiments: sql<number>`coalesce(out.e, 0)`,
      hoursSavedPerMonth: sql<number>`coalesce(act.hours, 0)`,
      spendMonthlyCents: sql<number>`coalesce(act.spend, 0)`,
    })
    .from(teams)
    .leftJoin(act, sql`act.team_id = ${teams.id}`)
    .leftJoin(out, sql`out.team_id = ${teams.id}`)
    .where(f.team ? sql`${teams.id} in (${sql.join(f.team.map((t) => sql`${t}`), sql`, `)})` : undefined)
    .orderBy(teams.name);
}
