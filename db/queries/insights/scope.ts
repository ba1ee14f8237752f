import { sql, type SQL } from 'drizzle-orm';
import { todayIn } from '@/lib/metrics/today';

/** Options every insights query takes: an optional team scope and a pinned "today" (tests). */
export type InsightsScope = { teamIds?: number[]; today?: string };

export const todayOf = (scope: InsightsScope) => scope.today ?? todayIn();
export const todaySql = (scope: InsightsScope): SQL => sql`${todayOf(scope)}::date`;
export const teamFilter = (scope: InsightsScope) => (scope.teamIds?.length ? { team: scope.teamIds } : {});
