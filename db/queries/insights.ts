import { and, count, sql } from 'drizzle-orm';
import { experiments } from '../schema';
import type { Queryable } from '../types';
import { buildExperimentWhere, privacyFlagSql, retestCandidateSql } from './experiment-filters';
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

export async function getInsightsSummary(db: Queryable, opts: { teamIds?: number[]; today?: string } = {}): Promise<InsightsSummary> {
  const scope = buildExperimentWhere(opts.teamIds?.length ? { team: opts.teamIds } : {}, { today: opts.today });
  const today = opts.today ? sql`${opts.today}::date` : undefined;
  const [[row], concentration, shift] = await Promise.all([
    db
      .select({
        retestCandidates: count(sql`case when ${retestCandidateSql(today)} then 1 end`),
        privacyFlags: count(sql`case when ${privacyFlagSql} then 1 end`),
      })
      .from(experiments)
      .where(and(scope)),
    getConcentration(db, opts),
    getShift(db, opts),
  ]);
  const largest = concentration.byVendor.largest;
  return {
    retestCandidates: row?.retestCandidates ?? 0,
    privacyFlags: row?.privacyFlags ?? 0,
    vendorHhi: concentration.byVendor.hhi,
    concentration: concentration.byVendor.level,
    largestVendor: largest ? { name: largest.key, share: largest.share } : null,
    portability: concentration.portability,
    shiftSentence: shift.sentence,
    needEvidence: shift.needEvidence.length,
    teamIds: opts.teamIds ?? [],
  };
}
