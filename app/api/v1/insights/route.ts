import { getDb } from '@/db';
import { getConcentration } from '@/db/queries/insights/concentration';
import { listPrivacyFlags } from '@/db/queries/insights/privacy';
import { getRetestRadar } from '@/db/queries/insights/radar';
import type { InsightsScope } from '@/db/queries/insights/scope';
import { authorizeApi, ownTeams, readableTeams } from '@/lib/api/principal';
import { apiJson } from '@/lib/api/respond';
import { insights } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/insights: the re-test radar, vendor concentration and privacy flags (the Insights page's
 * functions). `scope=mine` narrows to the caller's teams, as the page does; a team token always reads its team.
 */
export async function GET(request: Request) {
  const auth = await authorizeApi(request, 'dashboard.read');
  if (auth.response) return auth.response;
  const mine = new URL(request.url).searchParams.get('scope') === 'mine';
  const teamIds = readableTeams(auth.principal) ?? (mine ? ownTeams(auth.principal) : null);
  // "mine" for someone in no team matches nothing (0 is no team's id), rather than everything.
  const scope: InsightsScope = teamIds ? { teamIds: teamIds.length ? teamIds : [0] } : {};
  const db = await getDb();
  const [radar, concentration, privacy] = await Promise.all([getRetestRadar(db, scope), getConcentration(db, scope), listPrivacyFlags(db, scope)]);
  return apiJson(
    insights.parse({
      radar: radar.map((r) => ({
        ...r,
        candidates: r.candidates.map((c) => ({ name: c.name, vendor: c.vendor, score: c.score, pointsGain: c.pointsGain })),
      })),
      concentration: {
        byVendor: concentration.byVendor,
        byModel: concentration.byModel,
        portability: concentration.portability,
        experiments: concentration.experiments,
        vendorShares: concentration.vendorShares,
      },
      privacyFlags: privacy.map((p) => ({ ...p, models: p.models.map((m) => ({ name: m.name, vendor: m.vendor, channel: m.channel, policy: m.policy })) })),
    }),
  );
}
