import { sql } from 'drizzle-orm';
import { buildExperimentWhere } from '@/db/queries/experiments/filters';
import { listModels } from '@/db/queries/models/list';
import { getInsightsSummary } from '@/db/queries/insights/summary';
import { getDashboardKpis } from '@/db/queries/dashboard/kpis';
import { getMindsetByMonth, getStatusByMonth, getTeamsByMonth } from '@/db/queries/dashboard/adoption';
import { getImpactDistribution, getOutcomesByTypeMonth, getTopCapabilityStories } from '@/db/queries/dashboard/capability';
import { getEfficiencyByMonth, getQualityComparison } from '@/db/queries/dashboard/efficiency';
import { getTeamBreakdown } from '@/db/queries/dashboard/teams';
import { getModelUsage, getVendorUsage } from '@/db/queries/dashboard/models';
import { getUsageByModel, getUsageByTeam, getUsageByVendor, getUsageOverTime, getUsageTelemetry } from '@/db/queries/usage/telemetry';
import { getBilledVsReported } from '@/db/queries/usage/billed-vs-reported';
import { usageExportRows } from '@/db/queries/usage/export';
import { previousPeriod } from '@/lib/metrics/period';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { experiments } from '@/db/schema';
import type { Queryable } from '@/db/types';

export type BenchScope = { teamId?: number; from: string; to: string };
export type BenchQuery = { name: string; run: (db: Queryable, scope: BenchScope) => Promise<unknown> };

const count = (db: Queryable, where: ReturnType<typeof buildExperimentWhere>) =>
  db.select({ n: sql<number>`count(*)::int` }).from(experiments).where(where);

/** The dashboard's filters for a bench scope: the period, its previous period, one team or all. */
const dashboardFilters = (s: BenchScope): DashboardFilters => {
  const period = { from: s.from, to: s.to };
  return { period, previous: previousPeriod(period), today: new Date().toISOString().slice(0, 10), team: s.teamId ? [s.teamId] : undefined };
};
const dashboard = (name: string, fn: (db: Queryable, f: DashboardFilters) => Promise<unknown>): BenchQuery => ({
  name: `dashboard: ${name}`,
  run: (db, s) => fn(db, dashboardFilters(s)),
});

/** Every aggregation the dashboard runs, as the app runs it (through db/queries). */
export function benchQueries(): BenchQuery[] {
  return [
    dashboard('headline figures (period + previous)', getDashboardKpis),
    dashboard('status by month', getStatusByMonth),
    dashboard('teams by month', getTeamsByMonth),
    dashboard('mindset by month', getMindsetByMonth),
    dashboard('outcomes by type and month', getOutcomesByTypeMonth),
    dashboard('impact distribution', getImpactDistribution),
    dashboard('top capability stories', (db, f) => getTopCapabilityStories(db, f)),
    dashboard('efficiency by month', getEfficiencyByMonth),
    dashboard('quality before vs after', getQualityComparison),
    dashboard('by team', getTeamBreakdown),
    dashboard('by model', (db, f) => getModelUsage(db, f)),
    dashboard('by vendor', getVendorUsage),
    // Adoption telemetry over the usage rows (issue 21 §6), for every team (no lead scope): what the dashboard section
    // runs (the four breakdowns at once), then each breakdown alone.
    dashboard('usage telemetry (section)', (db, f) => getUsageTelemetry(db, f, null)),
    dashboard('usage over time', (db, f) => getUsageOverTime(db, f, null)),
    dashboard('usage by team', (db, f) => getUsageByTeam(db, f, null)),
    dashboard('usage by model', (db, f) => getUsageByModel(db, f, null)),
    dashboard('usage by vendor', (db, f) => getUsageByVendor(db, f, null)),
    dashboard('billed vs reported', (db, f) => getBilledVsReported(db, f, null)),
    dashboard('usage export rows (CSV/XLSX sheet)', (db, f) => usageExportRows(db, f, null)),
    { name: 'active experiments (filter count)', run: (db, s) => count(db, buildExperimentWhere({ from: s.from, to: s.to, team: s.teamId ? [s.teamId] : undefined })) },
    { name: 're-test candidates (filter count)', run: (db, s) => count(db, buildExperimentWhere({ retest: true, team: s.teamId ? [s.teamId] : undefined })) },
    { name: 'privacy flags (filter count)', run: (db, s) => count(db, buildExperimentWhere({ privacy: true, team: s.teamId ? [s.teamId] : undefined })) },
    { name: 'model catalog with usage', run: (db) => listModels(db) },
    { name: 'dashboard: insights summary', run: (db, s) => getInsightsSummary(db, { teamIds: s.teamId ? [s.teamId] : undefined }) },
  ];
}
