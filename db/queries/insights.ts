import { and, count, sql } from 'drizzle-orm';
import { experiments } from '../schema';
import type { Queryable } from '../types';
import { buildExperimentWhere, privacyFlagSql, retestCandidateSql } from './experiment-filters';

/**
 * Everything the dashboard's insights section shows, scoped to the dashboard's team filter.
 * Contract: the dashboard calls getInsightsSummary(db, { teamIds }) and passes the result to
 * <InsightsSection summary={…} /> unchanged; the insights work extends InsightsSummary freely.
 */
export type InsightsSummary = { retestCandidates: number; privacyFlags: number };

export async function getInsightsSummary(db: Queryable, opts: { teamIds?: number[]; today?: string } = {}): Promise<InsightsSummary> {
  const scope = buildExperimentWhere(opts.teamIds?.length ? { team: opts.teamIds } : {});
  const today = opts.today ? sql`${opts.today}::date` : undefined;
  const [row] = await db
    .select({
      retestCandidates: count(sql`case when ${retestCandidateSql(today)} then 1 end`),
      privacyFlags: count(sql`case when ${privacyFlagSql} then 1 end`),
    })
    .from(experiments)
    .where(and(scope));
  return { retestCandidates: row?.retestCandidates ?? 0, privacyFlags: row?.privacyFlags ?? 0 };
}
