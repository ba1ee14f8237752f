import { sql } from 'drizzle-orm';
import type { Queryable } from '../../types';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { monthBuckets } from '@/lib/metrics/period';
import type { Status } from '../../schema/experiments';
import type { MindsetKey } from '@/lib/metrics/shift';
import { activeIn, activeInMonth, monthsTable, sliceWhere } from './scope';
import { experimentCol } from '../../sql';

/**
 * Adoption over time: per calendar month of the period (clipped to it), the experiments active in
 * that month — by current status, by mindset, and the teams they belong to. Rows are first cut to
 * those active in the period (index on end_date), then joined to the month buckets.
 */
export type MonthCount<K extends string> = { month: string; key: K; experiments: number };
export type MonthTeams = { month: string; teams: number; experiments: number };

async function activeByMonth<K extends string>(db: Queryable, f: DashboardFilters, column: 'status' | 'mindset') {
  const buckets = monthBuckets(f.period);
  // A mindset nobody chose yet is its own group, `not_set` (quick capture records no guess).
  const key = column === 'mindset' ? sql`coalesce(${experimentCol('mindset')}, 'not_set')` : experimentCol(column);
  const rows = await db
    .select({ month: sql<string>`m.month`, key: sql<K>`${key}`, experiments: sql<number>`count(*)::int` })
    .from(sql`experiments join ${monthsTable(buckets)} on ${activeInMonth(f.today)}`)
    .where(sql`${sliceWhere(f)} and ${activeIn(f.period, f.today)}`)
    .groupBy(sql`m.month`, key)
    .orderBy(sql`m.month`);
  return rows as MonthCount<K>[];
}

/** Experiments active per month, stacked by their current status (proposed ones are never active). */
export const getStatusByMonth = (db: Queryable, f: DashboardFilters) => activeByMonth<Status>(db, f, 'status');

/** Experiments active per month by mindset: the shift from automation to augmentation. */
export const getMindsetByMonth = (db: Queryable, f: DashboardFilters) => activeByMonth<MindsetKey>(db, f, 'mindset');

/** Teams with an active experiment per month (and how many experiments that is). */
export async function getTeamsByMonth(db: Queryable, f: DashboardFilters): Promise<MonthTeams[]> {
  const buckets = monthBuckets(f.period);
  return db
    .select({
      month: sql<string>`m.month`,
      teams: sql<number>`count(distinct "experiments"."team_id")::int`,
      experiments: sql<number>`count(*)::int`,
    })
    .from(sql`experiments join ${monthsTable(buckets)} on ${activeInMonth(f.today)}`)
    .where(sql`${sliceWhere(f)} and ${activeIn(f.period, f.today)}`)
    .groupBy(sql`m.month`)
    .orderBy(sql`m.month`);
}
