import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { previousPeriod } from '@/lib/metrics/period';
import { sliceOf } from '@/lib/validation/dashboard-filters';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { capabilityOutcomes, experiments, teams } from '../../schema';
import { getMarketContext } from '../dashboard/market-context';
import type { Queryable } from '../../types';
import { activeIn, effectiveHoursSql, effectiveSpendSql, sliceWhere } from '../dashboard/scope';
import { buildExperimentWhere, type FilterContext } from '../experiments/filters';
import { withExperimentAndTeam } from '../experiments/child-rows';
import { getHeadlineFigures } from '../dashboard/headline';
import { experimentCol as E } from '../../sql';
import { getRetestRadar } from '../insights/radar';
import { getUsageTelemetry } from '../usage/telemetry';
import { getBilledVsReported } from '../usage/billed-vs-reported';

/** The executive report's period: [from, to] and the period of the same length just before it. */
export type ReportPeriod = { from: string; to: string; previousFrom: string; previousTo: string };


/** Everything the executive report shows, from the same filter contract as the list and the dashboard. */
export async function executiveReportData(db: Queryable, filters: ExperimentFilters, ctx: FilterContext & { today?: string } = {}) {
  // The headline figures are the dashboard's (getDashboardKpis) for the same slice and period; every
  // section below selects through the same slice, so the ledgers add up to the headlines.
  const { current, previous: before, filters: hf } = await getHeadlineFigures(db, filters, ctx);
  // A report's period is the filters' from/to or the last 90 days, never "all time": it always has a previous period.
  const prior = hf.previous ?? previousPeriod(hf.period);
  const period: ReportPeriod = { from: hf.period.from, to: hf.period.to, previousFrom: prior.from, previousTo: prior.to };
  const previous = before!;
  const slice = sliceOf(hf);
  const fctx = { today: hf.today };
  const baseWhere = sliceWhere(hf);
  const periodWhere = and(baseWhere, activeIn(hf.period, hf.today));
  const outcomeInPeriod = sql`${capabilityOutcomes.recordedOn} between ${period.from}::date and ${period.to}::date`;

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

  const storyFields = {
    type: capabilityOutcomes.type,
    impact: capabilityOutcomes.impact,
    description: capabilityOutcomes.description,
    recordedOn: capabilityOutcomes.recordedOn,
    experiment: experiments.title,
    team: teams.name,
  };
  const stories = await withExperimentAndTeam(db.select(storyFields).from(capabilityOutcomes).$dynamic(), capabilityOutcomes)
    .where(and(baseWhere, outcomeInPeriod))
    .orderBy(desc(capabilityOutcomes.impact), desc(capabilityOutcomes.recordedOn), desc(capabilityOutcomes.id))
    .limit(5);

  const flagged = (extra: Partial<ExperimentFilters>) =>
    db
      .select({ id: experiments.id, title: experiments.title, team: teams.name, endDate: experiments.endDate, detail: sql<string>`${experiments.blockerMissing}` })
      .from(experiments)
      .innerJoin(teams, eq(teams.id, experiments.teamId))
      .where(buildExperimentWhere({ ...slice, ...extra }, fctx) as SQL)
      .orderBy(desc(experiments.endDate), experiments.title)
      .limit(12);
  // The lists show 12 rows at most; the cover's summary says how many there are in all.
  const flaggedCount = async (extra: Partial<ExperimentFilters>) =>
    (await db.select({ n: count() }).from(experiments).where(buildExperimentWhere({ ...slice, ...extra }, fctx) as SQL))[0].n;
  const retestRows = await flagged({ retest: true });
  // Each re-test row names the model that would unblock it: the radar's best candidate (Insights page).
  const radar = await getRetestRadar(db, { today: hf.today }, retestRows.map((r) => r.id));
  const retest = retestRows.map((r) => {
    const best = radar.find((item) => item.id === r.id)?.candidates[0];
    return { ...r, unblockedBy: best ? { name: best.name, vendor: best.vendor, effort: best.effort } : null };
  });
  const privacy = await flagged({ privacy: true });
  const retestCount = await flaggedCount({ retest: true });
  const privacyCount = await flaggedCount({ privacy: true });

  const vendors = await db
    .select({ vendor: sql<string>`m.vendor`, experiments: sql<number>`count(distinct ${E('id')})::int` })
    .from(experiments)
    .innerJoin(sql`experiment_models em`, sql`em.experiment_id = ${E('id')} and em.is_primary`)
    .innerJoin(sql`ai_models m`, sql`m.id = em.model_id`)
    .where(periodWhere)
    .groupBy(sql`m.vendor`)
    .orderBy(desc(sql`2`));

  // Imported usage for the same period and team, vendor and model filters (a lead's filters hold their teams only).
  const [telemetry, billedVsReported] = await Promise.all([getUsageTelemetry(db, hf, null), getBilledVsReported(db, hf, null)]);
  const usage = telemetry.anyUsage ? { currency: telemetry.reportingCurrency, total: telemetry.total, billedVsReported } : null;
  // The dashboard's market context for the same teams (lib/metrics/market-context.ts).
  const market = await getMarketContext(db, { teamIds: hf.team?.length ? hf.team : null, today: hf.today });

  return {
    period,
    /** The dashboard's figures for the period and the previous one (db/queries/dashboard/kpis.ts). */
    current,
    previous,
    capabilityLedger: capabilityLedger.map((r) => ({ ...r, averageImpact: Number(r.averageImpact) })),
    efficiencyLedger: efficiencyLedger.map((r) => ({ ...r, hoursSavedPerMonth: Number(r.hoursSavedPerMonth), spendMonthlyCents: Number(r.spendMonthlyCents) })),
    monthly,
    stories,
    retest,
    privacy,
    retestCount,
    privacyCount,
    vendors,
    /** The imported usage of the period (null when none was ever imported). */
    usage,
    market,
  };
}
export type ExecutiveReportData = Awaited<ReturnType<typeof executiveReportData>>;
