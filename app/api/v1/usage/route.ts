import { getDb } from '@/db';
import { getBilledVsReported } from '@/db/queries/usage/billed-vs-reported';
import { loadFxContext } from '@/db/queries/usage/fx-rates';
import { getUsageTelemetry, type UsageFigures } from '@/db/queries/usage/telemetry';
import { authorizeApi, ownTeams, readableTeams, type ApiPrincipal } from '@/lib/api/principal';
import { apiJson } from '@/lib/api/respond';
import { usage } from '@/lib/api/schemas';
import { scopeFilters } from '@/lib/api/scope';
import { teamScope } from '@/lib/auth/permissions';
import { GAP_EXPLANATION } from '@/lib/metrics/billed-vs-reported';
import { microsToMinor, type SpendTotal } from '@/lib/metrics/usage-currency';
import { headlineFilters } from '@/lib/validation/dashboard-filters';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { getOrgCalendar } from '@/db/queries/admin/org-calendar';

export const dynamic = 'force-dynamic';

/** Whose usage the caller reads: a team token its team, a lead their own teams, everyone else every team. */
function usageScope(p: ApiPrincipal): number[] | null {
  const readable = readableTeams(p);
  if (readable) return readable;
  return p.kind === 'personal' ? teamScope(p.user).leadsOwnTeams : null;
}

/**
 * GET /api/v1/usage: the dashboard's adoption telemetry (db/queries/usage/) for the period (from/to, else the
 * dashboard's default) and the team, vendor and model filters, with billed versus reported spend per team.
 */
export async function GET(request: Request) {
  const auth = await authorizeApi(request, 'dashboard.read');
  if (auth.response) return auth.response;
  const scope = usageScope(auth.principal);
  const asked = scopeFilters(parseExperimentFilters(new URL(request.url).searchParams), auth.principal);
  const db = await getDb();
  const org = await getOrgCalendar(db);
  const f = headlineFilters(asked, { today: org.today, fyStart: org.fyStart, userTeamIds: ownTeams(auth.principal) });
  const fx = await loadFxContext(db, f.period);
  const [t, billed] = await Promise.all([getUsageTelemetry(db, f, scope), getBilledVsReported(db, f, scope, fx)]);
  const money = (micros: number, currency = fx.reporting) => ({ amountMinor: microsToMinor(micros, currency), currency });
  const spend = (s: SpendTotal) => ({
    converted: money(s.reportingMicros),
    rates: s.ratesUsed,
    unconverted: s.unconverted.map((u) => ({ month: u.month, amount: money(u.costMicros, u.currency) })),
  });
  const figures = ({ spend: s, ...rest }: UsageFigures) => ({ ...rest, spend: spend(s) });
  return apiJson(
    usage.parse({
      period: f.period,
      reportingCurrency: fx.reporting,
      granularity: t.granularity,
      total: figures(t.total),
      overTime: t.overTime.map((r) => ({ ...figures(r), key: r.key, from: r.from, to: r.to })),
      byTeam: t.byTeam.map((r) => ({ ...figures(r), teamId: r.teamId, team: r.team })),
      byModel: t.byModel.map((r) => ({ ...figures(r), model: r.model, slug: r.slug, vendor: r.vendor })),
      byVendor: t.byVendor.map((r) => ({ ...figures(r), vendor: r.vendor })),
      vendorConcentration: t.vendorConcentration,
      billedVsReported: billed.map((r) => ({
        teamId: r.teamId,
        team: r.team,
        billed: spend(r.billed),
        reported: money(r.reportedMicros),
        gap: money(r.gapMicros),
        reason: r.reason,
        explanation: GAP_EXPLANATION[r.reason],
      })),
    }),
  );
}
