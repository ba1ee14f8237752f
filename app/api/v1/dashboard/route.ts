import { getDb } from '@/db';
import type { PeriodKpis } from '@/db/queries/dashboard/kpis';
import { getHeadlineFigures } from '@/db/queries/dashboard/headline';
import { getOrgCalendar } from '@/db/queries/admin/org-calendar';
import { authorizeApi, ownTeams } from '@/lib/api/principal';
import { apiJson } from '@/lib/api/respond';
import { dashboardFigures } from '@/lib/api/schemas';
import { scopeFilters } from '@/lib/api/scope';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/dashboard: the dashboard's headline figures (db/queries/dashboard/headline.ts, the same function as
 * the page, the report and the exports) for the list's filters; from/to set the period, else the
 * dashboard's default; with the previous period of the same length.
 */
export async function GET(request: Request) {
  const auth = await authorizeApi(request, 'dashboard.read');
  if (auth.response) return auth.response;
  const filters = scopeFilters(parseExperimentFilters(new URL(request.url).searchParams), auth.principal);
  const db = await getDb();
  const org = await getOrgCalendar(db);
  const h = await getHeadlineFigures(db, filters, { userTeamIds: ownTeams(auth.principal), today: org.today, fyStart: org.fyStart });
  const money = (cents: number) => ({ amountMinor: Math.round(cents), currency: org.currency });
  const figures = (k: PeriodKpis) => ({ ...k, spendMonthly: money(k.spendMonthlyCents), spendOneOff: money(k.spendOneOffCents) });
  return apiJson(
    dashboardFigures.parse({
      period: h.filters.period,
      previousPeriod: h.filters.previous,
      teamsInScope: h.teamsInScope,
      current: figures(h.current),
      previous: h.previous ? figures(h.previous) : null,
    }),
  );
}
