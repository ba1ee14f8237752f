import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { headlineFilters, type DashboardFilters } from '@/lib/validation/dashboard-filters';
import type { Queryable } from '../../types';
import { getDashboardKpis, getEarliestStart, type DashboardKpis } from './kpis';
import { getOrgCalendar } from '../admin/org-calendar';

export type HeadlineResult = DashboardKpis & { filters: DashboardFilters };

/**
 * The headline figures for a set of experiment filters, already scoped to the caller (teamScope(user).scopeFilters):
 * the dashboard's own function for the same slice, over the filters' from/to or else the dashboard's
 * default period, and the previous period of the same length. The report, the workbook and the Reports
 * page call this, so they cannot disagree with the dashboard.
 */
export async function getHeadlineFigures(db: Queryable, filters: Partial<ExperimentFilters>, ctx: HeadlineContext = {}): Promise<HeadlineResult> {
  const f = await resolveHeadlineFilters(db, filters, ctx);
  return { ...(await getDashboardKpis(db, f)), filters: f };
}

/** `today` and `fyStart` default to the organisation's (its time zone's today, its fiscal year start). */
type HeadlineContext = { today?: string; fyStart?: number; userTeamIds?: number[] };

/** The dashboard's filters (slice, period, previous period, today) for a set of experiment filters. */
export async function resolveHeadlineFilters(db: Queryable, filters: Partial<ExperimentFilters>, ctx: HeadlineContext = {}): Promise<DashboardFilters> {
  const org = ctx.today && ctx.fyStart ? null : await getOrgCalendar(db);
  const today = ctx.today ?? org!.today;
  const fyStart = ctx.fyStart ?? org!.fyStart;
  // Only a custom period open at the start needs the first experiment's start (as on the dashboard).
  const earliest = filters.to && !filters.from ? await getEarliestStart(db) : undefined;
  return headlineFilters(filters, { today, earliest, userTeamIds: ctx.userTeamIds, fyStart });
}
