import { sharedByDataVersion } from '../data-version';
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
export const dashboard = {
  kpis: sharedByDataVersion('kpis', getDashboardKpis),
  statusByMonth: sharedByDataVersion('statusByMonth', getStatusByMonth),
  teamsByMonth: sharedByDataVersion('teamsByMonth', getTeamsByMonth),
  mindsetByMonth: sharedByDataVersion('mindsetByMonth', getMindsetByMonth),
  outcomesByTypeMonth: sharedByDataVersion('outcomesByTypeMonth', getOutcomesByTypeMonth),
  impactDistribution: sharedByDataVersion('impactDistribution', getImpactDistribution),
  topCapabilityStories: sharedByDataVersion('topCapabilityStories', getTopCapabilityStories),
  efficiencyByMonth: sharedByDataVersion('efficiencyByMonth', getEfficiencyByMonth),
  qualityComparison: sharedByDataVersion('qualityComparison', getQualityComparison),
  teamBreakdown: sharedByDataVersion('teamBreakdown', getTeamBreakdown),
  modelUsage: sharedByDataVersion('modelUsage', getModelUsage),
  vendorUsage: sharedByDataVersion('vendorUsage', getVendorUsage),
  insightsSummary: sharedByDataVersion('insightsSummary', getInsightsSummary),
  earliestStart: sharedByDataVersion('earliestStart', getEarliestStart),
  usedModelOptions: sharedByDataVersion('usedModelOptions', getUsedModelOptions),
  costPerTask: sharedByDataVersion('costPerTask', getDashboardCostPerTask),
  usageTelemetry: sharedByDataVersion('usageTelemetry', getUsageTelemetry),
  billedVsReported: sharedByDataVersion('billedVsReported', getBilledVsReported),
  marketContext: sharedByDataVersion('marketContext', getMarketContext),
};
