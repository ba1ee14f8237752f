import { count } from 'drizzle-orm';
import { experiments } from '../../schema';
import type { Queryable } from '../../types';
import { buildExperimentWhere } from '../experiments/filters';
import { mindsetCounts, needEvidenceCount, vendorCounts } from './summary-counts';
import { teamFilter, todayOf, type InsightsScope } from './scope';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { portabilityShare, summarizeConcentration, type ConcentrationLevel } from '@/lib/metrics/concentration';
import { quarterOf } from '@/lib/metrics/quarter';
import { mindsetMixFromCounts, shiftReading, shiftSentence, type ShiftReading } from '@/lib/metrics/shift';

/**
 * Everything the dashboard's insights section shows, scoped to every dashboard filter (teams, slice, period).
 * Contract: the dashboard calls getInsightsSummary(db, { teamIds, slice, … }) and passes the result to
 * <InsightsSection summary={…} /> unchanged.
 */
export type InsightsSummary = {
  retestCandidates: number;
  privacyFlags: number;
  /** Herfindahl–Hirschman index of experiments across vendors (0–1); null without experiments. */
  vendorHhi: number | null;
  concentration: ConcentrationLevel | null;
  largestVendor: { name: string; share: number } | null;
  /** Share of completed experiments tried on two or more models. */
  portability: number | null;
  shiftSentence: string;
  /** What shiftSentence says, as data, for a page in another language. */
  shift: ShiftReading;
  needEvidence: number;
  /** Every filter the counts follow (teams and the dashboard's slice and period), for the drill-down links. */
  filters: Partial<ExperimentFilters>;
};

/** How many experiments match one flag of the shared filter contract (exactly what the list's drill-down shows). */
async function countFlag(db: Queryable, flag: 'retest' | 'privacy', opts: InsightsScope) {
  const where = buildExperimentWhere({ ...teamFilter(opts), [flag]: true }, { today: todayOf(opts) });
  const [row] = await db.select({ n: count() }).from(experiments).where(where);
  return row?.n ?? 0;
}

/**
 * Counts only, aggregated in the database (the Insights page's getConcentration/getShift load rows for
 * their detail; tests/insights-summary.test.ts holds this summary to their answers).
 */
export async function getInsightsSummary(db: Queryable, opts: InsightsScope = {}): Promise<InsightsSummary> {
  // Separate filtered counts, not one scan with CASE: the planner then checks the cheap column tests first.
  const [retestCandidates, privacyFlags, vendors, mindsets, needEvidence] = await Promise.all([
    countFlag(db, 'retest', opts),
    countFlag(db, 'privacy', opts),
    vendorCounts(db, opts),
    mindsetCounts(db, opts),
    needEvidenceCount(db, opts),
  ]);
  const byVendor = summarizeConcentration(new Map(vendors.map((v) => [v.vendor, v.experiments])));
  const completed = vendors.reduce((s, v) => s + v.completed, 0);
  const multiModel = vendors.reduce((s, v) => s + v.completedMultiModel, 0);
  const fy = opts.fyStart ?? 1;
  const quarter = quarterOf(todayOf(opts), fy);
  return {
    retestCandidates,
    privacyFlags,
    vendorHhi: byVendor.hhi,
    concentration: byVendor.level,
    largestVendor: byVendor.largest ? { name: byVendor.largest.key, share: byVendor.largest.share } : null,
    portability: portabilityShare(completed, multiModel),
    shiftSentence: shiftSentence(mindsetMixFromCounts(mindsets, quarter), quarter, fy),
    shift: shiftReading(mindsetMixFromCounts(mindsets, quarter), quarter, fy),
    needEvidence,
    filters: teamFilter(opts),
  };
}
