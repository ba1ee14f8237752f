import { sql } from 'drizzle-orm';
import type { Queryable } from '../../types';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { activeIn, effectiveSpendSql, sliceWhere } from './scope';

/**
 * Model usage: experiments active in the period that used a model (primary or compared) and their
 * monthly spend run-rate. An experiment using several models counts for each — which is exactly what
 * the drill-down `/experiments?model=<slug>` lists.
 */
export type ModelUsage = { slug: string; model: string; vendor: string; experiments: number; spendMonthlyCents: number };
export type VendorUsage = { vendor: string; experiments: number; spendMonthlyCents: number };

const activeExperiments = (f: DashboardFilters) =>
  sql`(select "experiments"."id" as id, ${effectiveSpendSql} as spend from experiments
    where ${sliceWhere(f)} and ${activeIn(f.period, f.today)}) ae`;

export async function getModelUsage(db: Queryable, f: DashboardFilters, limit = 15): Promise<ModelUsage[]> {
  return db
    .select({
      slug: sql<string>`am.slug`,
      model: sql<string>`am.name`,
      vendor: sql<string>`am.vendor`,
      experiments: sql<number>`count(*)::int`,
      spendMonthlyCents: sql<number>`coalesce(sum(ae.spend), 0)::float8`,
    })
    .from(sql`${activeExperiments(f)} join experiment_models em on em.experiment_id = ae.id join ai_models am on am.id = em.model_id`)
    .groupBy(sql`am.slug, am.name, am.vendor`)
    .orderBy(sql`count(*) desc, am.name`)
    .limit(limit);
}

/** Per vendor, each experiment counted once however many of the vendor's models it used. */
export async function getVendorUsage(db: Queryable, f: DashboardFilters): Promise<VendorUsage[]> {
  return db
    .select({
      vendor: sql<string>`uv.vendor`,
      experiments: sql<number>`count(*)::int`,
      spendMonthlyCents: sql<number>`coalesce(sum(uv.spend), 0)::float8`,
    })
    .from(
      sql`(select distinct ae.id, ae.spend, am.vendor from ${activeExperiments(f)}
        join experiment_models em on em.experiment_id = ae.id join ai_models am on am.id = em.model_id) uv`,
    )
    .groupBy(sql`uv.vendor`)
    .orderBy(sql`count(*) desc, uv.vendor`);
}
