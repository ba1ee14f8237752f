import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { getOrgCalendar } from '@/db/queries/admin/org-calendar';
import type { SessionUser } from '@/lib/auth/permissions';
import { parseDashboardParams, resolveDashboardFilters } from '@/lib/validation/dashboard-filters';

/**
 * The dashboard's filters for this user from the URL's parameters: the page and the actions that send a table's
 * other rows resolve them the same way, so "Show all" lists exactly the rows the page counted.
 */
export async function dashboardRequest(user: Pick<SessionUser, 'teamIds'>, input: Record<string, string | string[] | undefined> | URLSearchParams) {
  const params = parseDashboardParams(input);
  const db = await getDb();
  const [earliest, org] = await Promise.all([dashboard.earliestStart(db), getOrgCalendar(db)]);
  const filters = resolveDashboardFilters(params, { today: org.today, earliest, myTeamIds: user.teamIds, fyStart: org.fyStart });
  return { db, params, org, filters };
}
