import { sql, type SQL } from 'drizzle-orm';

/** Options every insights query takes: an optional team scope and a pinned "today" (tests). */
export type InsightsScope = { teamIds?: number[]; today?: string };

export const todayOf = (scope: InsightsScope) => scope.today ?? new Date().toISOString().slice(0, 10);
export const todaySql = (scope: InsightsScope): SQL => (scope.today ? sql`${scope.today}::date` : sql`current_date`);
export const teamFilter = (scope: InsightsScope) => (scope.teamIds?.length ? { team: scope.teamIds } : {});
