import { and, inArray, ne, sql } from 'drizzle-orm';
import { insightsRollup } from '../../schema';
import type { Queryable } from '../../types';
import { rawRows } from '../../sql';
import { buildExperimentWhere } from '../experiments/filters';
import { teamFilter, todayOf, type InsightsScope } from './scope';
import { needsEvidenceSql } from '@/lib/metrics/capability-evidence';
import type { MindsetKey } from '@/lib/metrics/shift';

/**
 * The dashboard's insights summary needs counts, not rows: these read summaries the database keeps
 * (the insights_rollup table and experiments.outcome_count, kept by db/derived/, and partial indexes), so the
 * summary stays fast at 10^5 experiments. The Insights page (getConcentration, getShift) still loads
 * rows for its per-team and per-quarter detail; tests hold both to the same answers.
 */

/** Live experiments of the scope's teams, as insights_rollup counts them. */
const rollupScope = (scope: InsightsScope) => (scope.teamIds?.length ? inArray(insightsRollup.teamId, scope.teamIds) : undefined);

export type VendorCount = { vendor: string; experiments: number; completed: number; completedMultiModel: number };

/**
 * Experiments per vendor of their primary model (else their first model by name, as getConcentration
 * attributes them), with the completed ones and those of them tried on two or more models.
 */
export async function vendorCounts(db: Queryable, scope: InsightsScope): Promise<VendorCount[]> {
  const rows = await db
    .select({
      vendor: insightsRollup.vendor,
      experiments: sql<number>`sum(${insightsRollup.experiments})::int`,
      completed: sql<number>`sum(${insightsRollup.completed})::int`,
      completedMultiModel: sql<number>`sum(${insightsRollup.completedMultiModel})::int`,
    })
    .from(insightsRollup)
    .where(and(rollupScope(scope), ne(insightsRollup.vendor, '')))
    .groupBy(insightsRollup.vendor);
  return rows.map((r) => ({ vendor: r.vendor, experiments: Number(r.experiments), completed: Number(r.completed), completedMultiModel: Number(r.completedMultiModel) }));
}

/** `not_set`: the rollup's key for experiments whose mindset nobody chose yet (db/derived/insights-rollup.sql). */
export type MindsetCount = { quarter: string; mindset: MindsetKey; n: number };

/** New experiments per quarter of their start (or creation) and mindset — the input of the shift sentence. */
export async function mindsetCounts(db: Queryable, scope: InsightsScope): Promise<MindsetCount[]> {
  const quarter = sql<string>`to_char(${insightsRollup.quarter}, 'YYYY-"Q"Q')`;
  const rows = await db
    .select({ quarter, mindset: sql<MindsetKey>`${insightsRollup.mindset}`, n: sql<number>`sum(${insightsRollup.experiments})::int` })
    .from(insightsRollup)
    .where(rollupScope(scope))
    .groupBy(insightsRollup.quarter, insightsRollup.mindset);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** How many experiments need capability evidence (lib/metrics/capability-evidence.ts). */
export async function needEvidenceCount(db: Queryable, scope: InsightsScope): Promise<number> {
  const where = buildExperimentWhere(teamFilter(scope), { today: todayOf(scope) });
  const [row] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from experiments
    where ${where ?? sql`true`} and ${sql.raw(needsEvidenceSql(todayOf(scope)))}`);
  return Number(row?.n ?? 0);
}
