import { and, inArray, ne, sql } from 'drizzle-orm';
import { insightsRollup } from '../../schema';
import type { Queryable } from '../../types';
import { rawRows } from '../../sql';
import { buildExperimentWhere } from '../experiments/filters';
import { slicedBeyondTeams, teamFilter, todayOf, type InsightsScope } from './scope';
import { needsEvidenceSql } from '@/lib/metrics/capability-evidence';
import type { MindsetKey } from '@/lib/metrics/shift';
import { experimentDaySql, quarterOf, quarterStartSql } from '@/lib/metrics/quarter';
import { PORTABLE_MODEL_COUNT } from '@/lib/metrics/concentration';

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
  if (slicedBeyondTeams(scope)) return slicedVendorCounts(db, scope);
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

/**
 * New experiments per quarter of their start (or creation) and mindset — the input of the shift sentence. The
 * rollup keys fiscal quarters by their first day (org settings); quarterOf names them.
 */
export async function mindsetCounts(db: Queryable, scope: InsightsScope): Promise<MindsetCount[]> {
  if (slicedBeyondTeams(scope)) return slicedMindsetCounts(db, scope);
  const quarter = sql<string>`${insightsRollup.quarter}::text`;
  const rows = await db
    .select({ quarter, mindset: sql<MindsetKey>`${insightsRollup.mindset}`, n: sql<number>`sum(${insightsRollup.experiments})::int` })
    .from(insightsRollup)
    .where(rollupScope(scope))
    .groupBy(insightsRollup.quarter, insightsRollup.mindset);
  return rows.map((r) => ({ ...r, quarter: quarterOf(r.quarter, scope.fyStart), n: Number(r.n) }));
}

/** How many experiments need capability evidence (lib/metrics/capability-evidence.ts). */
export async function needEvidenceCount(db: Queryable, scope: InsightsScope): Promise<number> {
  const where = buildExperimentWhere(teamFilter(scope), { today: todayOf(scope) });
  const [row] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from experiments
    where ${where ?? sql`true`} and ${sql.raw(needsEvidenceSql(todayOf(scope)))}`);
  return Number(row?.n ?? 0);
}

/*
 * A dashboard slice beyond teams (a model, a mindset, the period…): the rollup cannot answer it, so the same
 * counts come from the experiments the slice selects, grouped as the rollup groups them (insights-rollup.sql).
 */
const slicedWhere = (scope: InsightsScope) => buildExperimentWhere(teamFilter(scope), { today: todayOf(scope) }) ?? sql`true`;

async function slicedVendorCounts(db: Queryable, scope: InsightsScope): Promise<VendorCount[]> {
  const rows = await rawRows<{ vendor: string; experiments: number; completed: number; multi: number }>(
    db,
    sql`select primary_vendor as vendor, count(*)::int as experiments, (count(*) filter (where status = 'completed'))::int as completed,
      (count(*) filter (where status = 'completed' and model_count >= ${PORTABLE_MODEL_COUNT}))::int as multi
    from experiments where ${slicedWhere(scope)} and archived_at is null and primary_vendor is not null and primary_vendor <> '' group by 1`,
  );
  return rows.map((r) => ({ vendor: r.vendor, experiments: Number(r.experiments), completed: Number(r.completed), completedMultiModel: Number(r.multi) }));
}

async function slicedMindsetCounts(db: Queryable, scope: InsightsScope): Promise<MindsetCount[]> {
  const quarter = quarterStartSql(experimentDaySql('experiments', scope.timeZone), scope.fyStart ?? 1);
  const rows = await rawRows<{ quarter: string; mindset: MindsetKey; n: number }>(
    db,
    sql`select ${sql.raw(quarter)}::text as quarter, coalesce(mindset, 'not_set') as mindset, count(*)::int as n
    from experiments where ${slicedWhere(scope)} and archived_at is null group by 1, 2`,
  );
  return rows.map((r) => ({ quarter: quarterOf(r.quarter, scope.fyStart), mindset: r.mindset, n: Number(r.n) }));
}
