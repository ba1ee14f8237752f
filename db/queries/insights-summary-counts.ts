import { and, sql } from 'drizzle-orm';
import { experiments } from '../schema';
import type { Queryable } from '../types';
import { buildExperimentWhere } from './experiment-filters';
import { teamFilter, todayOf, todaySql, type InsightsScope } from './insights-scope';
import type { Mindset } from '@/db/schema/experiments';

/**
 * The dashboard's insights summary needs counts, not rows: these let the database aggregate, so the
 * summary stays fast at 10^5 experiments. The Insights page (getConcentration, getShift) still loads
 * rows for its per-team and per-quarter detail; tests hold both to the same answers.
 */

const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

export type VendorCount = { vendor: string; experiments: number; completed: number; completedMultiModel: number };

/**
 * Experiments per vendor of their primary model (else their first model by name, as getConcentration
 * attributes them), with the completed ones and those of them tried on two or more models.
 */
export async function vendorCounts(db: Queryable, scope: InsightsScope): Promise<VendorCount[]> {
  // model_count and primary_vendor are kept by triggers on experiment_models and ai_models (migration 0005).
  const rows = await db
    .select({
      vendor: sql<string>`${experiments.primaryVendor}`,
      experiments: sql<number>`count(*)::int`,
      completed: sql<number>`(count(*) filter (where ${experiments.status} = 'completed'))::int`,
      completedMultiModel: sql<number>`(count(*) filter (where ${experiments.status} = 'completed' and ${experiments.modelCount} >= 2))::int`,
    })
    .from(experiments)
    .where(and(buildExperimentWhere(teamFilter(scope), { today: todayOf(scope) }), sql`${experiments.modelCount} > 0`))
    .groupBy(experiments.primaryVendor);
  return rows.map((r) => ({ vendor: r.vendor, experiments: Number(r.experiments), completed: Number(r.completed), completedMultiModel: Number(r.completedMultiModel) }));
}

export type MindsetCount = { quarter: string; mindset: Mindset; n: number };

/** New experiments per quarter of their start (or creation) and mindset — the input of the shift sentence. */
export async function mindsetCounts(db: Queryable, scope: InsightsScope): Promise<MindsetCount[]> {
  const quarter = sql<string>`to_char(coalesce(${experiments.startDate}, ${experiments.createdAt}::date), 'YYYY-"Q"Q')`;
  const rows = await db
    .select({ quarter, mindset: experiments.mindset, n: sql<number>`count(*)::int` })
    .from(experiments)
    .where(buildExperimentWhere(teamFilter(scope), { today: todayOf(scope) }))
    .groupBy(quarter, experiments.mindset);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Completed more than 30 days ago with time/cost results but no capability outcome (the rule of
 * needsCapabilityEvidence in lib/metrics/shift, as SQL).
 */
export async function needEvidenceCount(db: Queryable, scope: InsightsScope): Promise<number> {
  const where = buildExperimentWhere(teamFilter(scope), { today: todayOf(scope) });
  const result = await db.execute(sql`select count(*)::int as n from experiments
    where ${where ?? sql`true`}
      and "experiments"."status" = 'completed'
      and "experiments"."end_date" < ${todaySql(scope)} - 30
      and ("experiments"."hours_saved_per_month" is not null or "experiments"."spend_monthly_cents" is not null or "experiments"."spend_one_off_cents" is not null)
      and not exists (select 1 from capability_outcomes o where o.experiment_id = "experiments"."id")`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}
