import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { capabilityOutcomes, experiments, teams } from '../schema';
import type { Queryable } from '../types';
import { effectiveHoursSql, effectiveSpendSql } from './dashboard-scope';
import { buildExperimentWhere, type FilterContext } from './experiment-filters';

/** The executive report's period: [from, to] and the period of the same length just before it. */
export type ReportPeriod = { from: string; to: string; previousFrom: string; previousTo: string };

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The filters' active period, or the 90 days up to today. */
export function reportPeriod(filters: Partial<Pick<ExperimentFilters, 'from' | 'to'>>, today = iso(Date.now())): ReportPeriod {
  const to = filters.to ?? today;
  const from = filters.from ?? iso(Date.parse(to) - 89 * DAY);
  const length = Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1);
  const previousTo = iso(Date.parse(from) - DAY);
  return { from, to, previousFrom: iso(Date.parse(previousTo) - (length - 1) * DAY), previousTo };
}

const E = (col: string) => sql.raw(`"experiments"."${col}"`);

export type Headline = { experiments: number; teams: number; hoursSavedPerMonth: number; spendMonthlyCents: number; outcomes: number; highImpactOutcomes: number };

/** The headline figures of one period: experiments active in it, their monthly savings and spend, outcomes recorded in it. */
async function headline(db: Queryable, base: ExperimentFilters, from: string, to: string, ctx: FilterContext): Promise<Headline> {
  const inPeriod = buildExperimentWhere({ ...base, from, to }, ctx);
  const [row] = await db
    .select({
      experiments: sql<number>`count(*)::int`,
      teams: sql<number>`count(distinct ${E('team_id')})::int`,
      hours: sql<string>`coalesce(sum(${effectiveHoursSql}), 0)`,
      spend: sql<string>`coalesce(sum(${effectiveSpendSql}), 0)`,
    })
    .from(experiments)
    .where(inPeriod);
  const [outcomes] = await db
    .select({
      all: sql<number>`count(*)::int`,
      high: sql<number>`count(*) filter (where ${capabilityOutcomes.impact} >= 4)::int`,
    })
    .from(capabilityOutcomes)
    .innerJoin(experiments, eq(experiments.id, capabilityOutcomes.experimentId))
    .where(and(buildExperimentWhere({ ...base, from: undefined, to: undefined }, ctx), sql`${capabilityOutcomes.recordedOn} between ${from}::date and ${to}::date`));
  return {
    experiments: row.experiments,
    teams: row.teams,
    hoursSavedPerMonth: Number(row.hours),
    spendMonthlyCents: Number(row.spend),
    outcomes: outcomes.all,
    highImpactOutcomes: outcomes.high,
  };
}

/** Everything the executive report shows, from the same filter contract as the list and the dashboard. */
export async function executiveReportData(db: Queryable, filters: ExperimentFilters, ctx: FilterContext & { today?: string } = {}) {
  const period = reportPeriod(filters, ctx.today);
  const base: ExperimentFilters = { ...filters, from: undefined, to: undefined };
  const baseWhere = buildExperimentWhere(base, ctx);
  const periodWhere = buildExperimentWhere({ ...base, from: period.from, to: period.to }, ctx);
  const outcomeInPeriod = sql`${capabilityOutcomes.recordedOn} between ${period.from}::date and ${period.to}::date`;

  const [current, previous] = [await headline(db, base, period.from, period.to, ctx), await headline(db, base, period.previousFrom, period.previousTo, ctx)];

  const capabilityLedger = await db
    .select({
      type: capabilityOutcomes.type,
      outcomes: sql<number>`count(*)::int`,
      averageImpact: sql<string>`round(avg(${capabilityOutcomes.impact}), 1)`,
      experiments: sql<number>`count(distinct ${capabilityOutcomes.experimentId})::int`,
    })
    .from(capabilityOutcomes)
    .innerJoin(experiments, eq(experiments.id, capabilityOutcomes.experimentId))
    .where(and(baseWhere, outcomeInPeriod))
    .groupBy(capabilityOutcomes.type)
    .orderBy(desc(sql`count(*)`));

  const efficiencyLedger = await db
    .select({
      team: teams.name,
      experiments: sql<number>`count(*)::int`,
      hoursSavedPerMonth: sql<string>`coalesce(sum(${effectiveHoursSql}), 0)`,
      spendMonthlyCents: sql<string>`coalesce(sum(${effectiveSpendSql}), 0)`,
    })
    .from(experiments)
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(periodWhere)
    .groupBy(teams.name)
    .orderBy(desc(sql`3`), teams.name);

  // Twelve months up to the period's end: experiments started per month, by mindset (adoption and mindset shift).
  const monthly = await db
    .select({
      month: sql<string>`to_char(date_trunc('month', ${experiments.startDate}), 'YYYY-MM')`,
      mindset: experiments.mindset,
      started: sql<number>`count(*)::int`,
      teams: sql<number>`count(distinct ${experiments.teamId})::int`,
    })
    .from(experiments)
    .where(
      and(
        baseWhere,
        sql`${experiments.startDate} > (date_trunc('month', ${period.to}::date) - interval '12 months')`,
        sql`${experiments.startDate} <= ${period.to}::date`,
      ),
    )
    .groupBy(sql`1`, experiments.mindset)
    .orderBy(sql`1`);

  const stories = await db
    .select({
      type: capabilityOutcomes.type,
      impact: capabilityOutcomes.impact,
      description: capabilityOutcomes.description,
      recordedOn: capabilityOutcomes.recordedOn,
      experiment: experiments.title,
      team: teams.name,
    })
    .from(capabilityOutcomes)
    .innerJoin(experiments, eq(experiments.id, capabilityOutcomes.experimentId))
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(and(baseWhere, outcomeInPeriod))
    .orderBy(desc(capabilityOutcomes.impact), desc(capabilityOutcomes.recordedOn), desc(capabilityOutcomes.id))
    .limit(5);

  const flagged = (extra: Partial<ExperimentFilters>) =>
    db
      .select({ title: experiments.title, team: teams.name, endDate: experiments.endDate, detail: sql<string>`${experiments.blockerMissing}` })
      .from(experiments)
      .innerJoin(teams, eq(teams.id, experiments.teamId))
      .where(buildExperimentWhere({ ...base, ...extra }, ctx) as SQL)
      .orderBy(desc(experiments.endDate), experiments.title)
      .limit(12);
  const retest = await flagged({ retest: true });
  const privacy = await flagged({ privacy: true });

  const vendors = await db
    .select({ vendor: sql<string>`m.vendor`, experiments: sql<number>`count(distinct ${E('id')})::int` })
    .from(experiments)
    .innerJoin(sql`experiment_models em`, sql`em.experiment_id = ${E('id')} and em.is_primary`)
    .innerJoin(sql`ai_models m`, sql`m.id = em.model_id`)
    .where(periodWhere)
    .groupBy(sql`m.vendor`)
    .orderBy(desc(sql`2`));

  return {
    period,
    current,
    previous,
    capabilityLedger: capabilityLedger.map((r) => ({ ...r, averageImpact: Number(r.averageImpact) })),
    efficiencyLedger: efficiencyLedger.map((r) => ({ ...r, hoursSavedPerMonth: Number(r.hoursSavedPerMonth), spendMonthlyCents: Number(r.spendMonthlyCents) })),
    monthly,
    stories,
    retest,
    privacy,
    vendors,
  };
}
export type ExecutiveReportData = Awaited<ReturnType<typeof executiveReportData>>;
