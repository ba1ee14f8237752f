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
import { getMarketContext } from './market-context';

/**
 * The dashboard's aggregations as its page reads them: remembered per data version (see data-version.ts),
 * so repeated views at 10^5 experiments cost one primary-key read each. Exports, reports and tests call
 * the uncached functions. Every result is shared, frozen (the sections only read them).
 */
const SHARED = { shared: true };

export const dashboard = {
  kpis: cachedByDataVersion('kpis', getDashboardKpis, SHARED),
  statusByMonth: cachedByDataVersion('statusByMonth', getStatusByMonth, SHARED),
  teamsByMonth: cachedByDataVersion('teamsByMonth', getTeamsByMonth, SHARED),
  mindsetByMonth: cachedByDataVersion('mindsetByMonth', getMindsetByMonth, SHARED),
  outcomesByTypeMonth: cachedByDataVersion('outcomesByTypeMonth', getOutcomesByTypeMonth, SHARED),
  impactDistribution: cachedByDataVersion('impactDistribution', getImpactDistribution, SHARED),
  topCapabilityStories: cachedByDataVersion('topCapabilityStories', getTopCapabilityStories, SHARED),
  efficiencyByMonth: cachedByDataVersion('efficiencyByMonth', getEfficiencyByMonth, SHARED),
  qualityComparison: cachedByDataVersion('qualityComparison', getQualityComparison, SHARED),
  teamBreakdown: cachedByDataVersion('teamBreakdown', getTeamBreakdown, SHARED),
  modelUsage: cachedByDataVersion('modelUsage', getModelUsage, SHARED),
  vendorUsage: cachedByDataVersion('vendorUsage', getVendorUsage, SHARED),
  insightsSummary: cachedByDataVersion('insightsSummary', getInsightsSummary, SHARED),
  earliestStart: cachedByDataVersion('earliestStart', getEarliestStart, SHARED),
  usedModelOptions: cachedByDataVersion('usedModelOptions', getUsedModelOptions, SHARED),
  costPerTask: cachedByDataVersion('costPerTask', getDashboardCostPerTask, SHARED),
  usageTelemetry: cachedByDataVersion('usageTelemetry', getUsageTelemetry, SHARED),
  billedVsReported: cachedByDataVersion('billedVsReported', getBilledVsReported, SHARED),
  marketContext: cachedByDataVersion('marketContext', getMarketContext, SHARED),
};
