import { sql, type SQL } from 'drizzle-orm';
import { todayIn } from '@/lib/metrics/today';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';

/**
 * Options every insights query takes: an optional team scope, "today" (the organisation's, else UTC's: pinned
 * in tests) and the organisation's time zone and fiscal year start, which quarters follow.
 */
export type InsightsScope = {
  teamIds?: number[];
  today?: string;
  timeZone?: string;
  fyStart?: number;
  /** The dashboard's other filters (its slice and period as the list's filters): its Insights block follows every one. */
  slice?: Partial<ExperimentFilters>;
};

/** True when the scope narrows by more than teams: the counts then come from the experiments, not the rollup. */
export const slicedBeyondTeams = (scope: InsightsScope) => Object.values(scope.slice ?? {}).some((v) => v !== undefined);

export const todayOf = (scope: InsightsScope) => scope.today ?? todayIn();
export const todaySql = (scope: InsightsScope): SQL => sql`${todayOf(scope)}::date`;
export const teamFilter = (scope: InsightsScope): Partial<ExperimentFilters> => ({ ...scope.slice, ...(scope.teamIds?.length ? { team: scope.teamIds } : {}) });
