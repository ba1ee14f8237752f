import { count } from 'drizzle-orm';
import { experiments } from '../schema';
import type { Queryable } from '../types';
import { buildExperimentWhere } from './experiment-filters';
import { getConcentration } from './insights-concentration';
import { getShift } from './insights-shift';
import type { ConcentrationLevel } from '@/lib/metrics/concentration';

/**
 * Everything the dashboard's insights section shows, scoped to the dashboard's team filter.
 * Contract: the dashboard calls getInsightsSummary(db, { teamIds }) and passes the result to
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
  needEvidence: number;
  /** The team scope the counts are for, so drill-down links reproduce the same set. */
  teamIds: number[];
};

/** How many experiments match one flag of the shared filter contract (exactly what the list's drill-down shows). */
async function countFlag(db: Queryable, flag: 'retest' | 'privacy', opts: { teamIds?: number[]; today?: string }) {
  const where = buildExperimentWhere({ [flag]: true, ...(opts.teamIds?.length ? { team: opts.teamIds } : {}) }, { today: opts.today });
  const [row] = await db.select({ n: count() }).from(experiments).where(where);
  return row?.n ?? 0;
}

export async function getInsightsSummary(db: Queryable, opts: { teamIds?: number[]; today?: string } = {}): Promise<InsightsSummary> {
  // Separate filtered counts, not one scan with CASE: the planner then checks the cheap column tests first.
  const [retestCandidates, privacyFlags, concentration, shift] = await Promise.all([
    countFlag(db, 'retest', opts),
    countFlag(db, 'privacy', opts),
    getConcentration(db, opts),
    getShift(db, opts),
  ]);
  const largest = concentration.byVendor.largest;
  return {
    retestCandidates,
    privacyFlags,
    vendorHhi: concentration.byVendor.hhi,
    concentration: concentration.byVendor.level,
    largestVendor: largest ? { name: largest.key, share: largest.share } : null,
    portability: concentration.portability,
    shiftSentence: shift.sentence,
    needEvidence: shift.needEvidence.length,
    teamIds: opts.teamIds ?? [],
  };
}
