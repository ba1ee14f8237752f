import { cachedByDataVersion } from '../data-version';
import { getMindsetByMonth, getStatusByMonth, getTeamsByMonth } from './adoption';
import { getImpactDistribution, getOutcomesByTypeMonth, getTopCapabilityStories } from './capability';
import { getEfficiencyByMonth, getQualityComparison } from './efficiency';
import { getDashboardKpis, getEarliestStart } from './kpis';
import { getDashboardCostPerTask } from './cost-per-task';
import { getUsedModelOptions } from './options';
import { getModelUsage, getVendorUsage } from './models';
import { getTeamBreakdown } from './teams';
import { getInsightsSummary } from '../insights/summary';
import { getUsageTelemetry } from '../usage/telemetry';
import { getBilledVsReported } from '../usage/billed-vs-reported';

/**
 * The dashboard's aggregations as its page reads them: remembered per data version (see data-version.ts),
 * so repeated views at 10^5 experiments cost one primary-key read each. Exports, reports and tests call
 * the uncached functions.
 */
export const dashboard = {
  kpis: cachedByDataVersion('kpis', getDashboardKpis),
  statusByMonth: cachedByDataVersion('statusByMonth', getStatusByMonth),
  teamsByMonth: cachedByDataVersion('teamsByMonth', getTeamsByMonth),
  mindsetByMonth: cachedByDataVersion('mindsetByMonth', getMindsetByMonth),
  outcomesByTypeMonth: cachedByDataVersion('outcomesByTypeMonth', getOutcomesByTypeMonth),
  impactDistribution: cachedByDataVersion('impactDistribution', getImpactDistribution),
  topCapabilityStories: cachedByDataVersion('topCapabilityStories', getTopCapabilityStories),
  efficiencyByMonth: cachedByDataVersion('efficiencyByMonth', getEfficiencyByMonth),
  qualityComparison: cachedByDataVersion('qualityComparison', getQualityComparison),
  teamBreakdown: cachedByDataVersion('teamBreakdown', getTeamBreakdown),
  modelUsage: cachedByDataVersion('modelUsage', getModelUsage),
  vendorUsage: cachedByDataVersion('vendorUsage', getVendorUsage),
  insightsSummary: cachedByDataVersion('insightsSummary', getInsightsSummary),
  earliestStart: cachedByDataVersion('earliestStart', getEarliestStart),
  usedModelOptions: cachedByDataVersion('usedModelOptions', getUsedModelOptions),
  costPerTask: cachedByDataVersion('costPerTask', getDashboardCostPerTask),
  usageTelemetry: cachedByDataVersion('usageTelemetry', getUsageTelemetry),
  billedVsReported: cachedByDataVersion('billedVsReported', getBilledVsReported),
};
