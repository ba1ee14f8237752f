import { sql } from 'drizzle-orm';
import { experiments } from '../../schema';
import type { Queryable } from '../../types';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { monthBuckets } from '@/lib/metrics/period';
import { activeIn, effectiveHoursSql, effectiveQualitySql, effectiveSpendSql, monthsTable, sliceWhere } from './scope';

export type EfficiencyMonth = { month: string; hoursSavedPerMonth: number; spendMonthlyCents: number; experiments: number };

/**
 * The efficiency run-rate per month: hours saved and monthly spend summed over the experiments active
 * in that month. Each experiment's figures are worked out once (CTE), then spread over the months.
 */
export async function getEfficiencyByMonth(db: Queryable, f: DashboardFilters): Promise<EfficiencyMonth[]> {
  const buckets = monthBuckets(f.period);
  const eff = db.$with('eff').as(
    db
      .select({
        status: sql`"experiments"."status"`.as('status'),
        start: sql`"experiments"."start_date"`.as('start_date'),
        end: sql`"experiments"."end_date"`.as('end_date'),
        hours: sql<number>`${effectiveHoursSql}`.as('hours'),
        spend: sql<number>`${effectiveSpendSql}`.as('spend'),
      })
      .from(experiments)
      .where(sql`${sliceWhere(f)} and ${activeIn(f.period, f.today)}`),
  );
  return db
    .with(eff)
    .select({
      month: sql<string>`m.month`,
      hoursSavedPerMonth: sql<number>`coalesce(sum(eff.hours), 0)::float8`,
      spendMonthlyCents: sql<number>`coalesce(sum(eff.spend), 0)::float8`,
      experiments: sql<number>`count(eff.start_date)::int`,
    })
    .from(sql`${monthsTable(buckets)} left join eff on eff.start_date <= m.m_to and coalesce(eff.end_date, ${f.today}::date) >= m.m_from`)
    .groupBy(sql`m.month`)
    .orderBy(sql`m.month`);
}

export type QualityComparison = { experiments: number; before: number | null; after: number | null };

/** Average quality before AI vs with AI, over active experiments that scored both. */
export async function getQualityComparison(db: Queryable, f: DashboardFilters): Promise<QualityComparison> {
  const [row] = await db
    .select({
      experiments: sql<number>`count(*)::int`,
      before: sql<number | null>`avg("experiments"."quality_before")::float8`,
      after: sql<number | null>`avg(${effectiveQualitySql})::float8`,
    })
    .from(experiments)
    .where(
      sql`${sliceWhere(f)} and ${activeIn(f.period, f.today)} and "experiments"."quality_before" is not null and ${effectiveQualitySql} is not null`,
    );
  return row;
}
