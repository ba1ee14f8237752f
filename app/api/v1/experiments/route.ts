import { getDb } from '@/db';
import { listExperiments } from '@/db/queries/experiments/list';
import { getSettings } from '@/db/queries/admin/settings';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { authorizeApi, ownTeams } from '@/lib/api/principal';
import { scopeFilters } from '@/lib/api/scope';
import { apiError, apiJson } from '@/lib/api/respond';
import { experimentList } from '@/lib/api/schemas';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';

export const dynamic = 'force-dynamic';

const MAX_LIMIT = 200;

/**
 * GET /api/v1/experiments: the experiment list's own URL filters (lib/validation/experiment-filters.ts),
 * newest first, `limit` rows (default 50) per page with cursor paging.
 */
export async function GET(request: Request) {
  const auth = await authorizeApi(request, 'experiments.read');
  if (auth.response) return auth.response;
  const { principal } = auth;
  const params = new URL(request.url).searchParams;
  const cursor = decodeCursor(params.get('cursor'));
  if (cursor === 'invalid') return apiError(400, 'This cursor is not valid: use the nextCursor of the previous page.');
  const limitRaw = params.get('limit');
  const limit = limitRaw === null ? 50 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return apiError(400, `limit must be a whole number from 1 to ${MAX_LIMIT}.`);

  const filters = scopeFilters(parseExperimentFilters(params), principal);

  const db = await getDb();
  const [result, settings] = await Promise.all([listExperiments(db, filters, { userTeamIds: ownTeams(principal) }, limit + 1, cursor), getSettings(db)]);
  const more = result.rows.length > limit;
  const rows = result.rows.slice(0, limit);
  const money = (cents: number | null) => (cents == null ? null : { amountMinor: Math.round(Number(cents)), currency: settings.currency });
  const last = rows[rows.length - 1];
  return apiJson(
    experimentList.parse({
      data: rows.map((r) => ({
        id: r.id,
        title: r.title,
        teamId: r.teamId,
        team: r.team,
        status: r.status,
        mindset: r.mindset,
        workType: r.workType,
        startDate: r.startDate,
        endDate: r.endDate,
        hoursSavedPerMonth: r.hoursSavedPerMonth == null ? null : Number(r.hoursSavedPerMonth),
        spendMonthly: money(r.spendMonthlyCents),
        blockedByModel: r.blockedByModel,
        archivedAt: r.archivedAt ? r.archivedAt.toISOString() : null,
        updatedAt: r.updatedAt.toISOString(),
        outcomes: r.outcomes,
      })),
      total: result.total,
      sums: { hoursSavedPerMonth: result.sums.hoursSavedPerMonth, spendMonthly: money(result.sums.spendMonthlyCents) },
      nextCursor: more && last ? encodeCursor({ createdAt: last.createdAtKey, id: last.id }) : null,
    }),
  );
}
