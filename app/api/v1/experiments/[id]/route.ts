import { getDb } from '@/db';
import { getExperimentDetail } from '@/db/queries/experiments/detail';
import { getSettings } from '@/db/queries/admin/settings';
import { authorizeApi, readableTeams } from '@/lib/api/principal';
import { apiError, apiJson } from '@/lib/api/respond';
import { experimentDetail } from '@/lib/api/schemas';
import { idSchema } from '@/lib/validation/experiment';

export const dynamic = 'force-dynamic';

const NOT_FOUND = 'There is no experiment with this id.';

/** GET /api/v1/experiments/{id}: one experiment with its models, outcomes and check-ins. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi(request, 'experiments.read');
  if (auth.response) return auth.response;
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return apiError(404, NOT_FOUND);
  const db = await getDb();
  const [e, settings] = await Promise.all([getExperimentDetail(db, id.data), getSettings(db)]);
  const scope = readableTeams(auth.principal);
  // Another team's experiment is "not found" for a team-scoped token: its existence is not confirmed.
  if (!e || (scope && !scope.includes(e.teamId))) return apiError(404, NOT_FOUND);
  const money = (cents: number | null) => (cents == null ? null : { amountMinor: cents, currency: settings.currency });
  const num = (v: string | null) => (v == null ? null : Number(v));
  return apiJson(
    experimentDetail.parse({
      id: e.id,
      title: e.title,
      teamId: e.teamId,
      team: e.teamName,
      status: e.status,
      mindset: e.mindset,
      workType: e.workType,
      startDate: e.startDate,
      endDate: e.endDate,
      hoursSavedPerMonth: num(e.currentHoursSavedPerMonth),
      spendMonthly: money(e.currentSpendMonthlyCents),
      blockedByModel: e.blockedByModel,
      archivedAt: e.archivedAt ? e.archivedAt.toISOString() : null,
      updatedAt: e.updatedAt.toISOString(),
      description: e.description,
      hypothesis: e.hypothesis,
      exploration: e.exploration,
      targetMetric: e.targetMetric,
      dataSensitivity: e.dataSensitivity,
      owner: e.ownerName,
      spendOneOff: money(e.spendOneOffCents),
      learnings: e.learnings,
      conclusion: e.conclusion,
      createdAt: e.createdAt.toISOString(),
      models: e.models.map((m) => ({ slug: m.slug, name: m.name, vendor: m.vendor, isPrimary: m.isPrimary, channel: m.channel, channelPolicy: m.channelPolicy })),
      outcomes: e.outcomes.map((o) => ({ id: o.id, type: o.type, description: o.description, impact: o.impact, evidence: o.evidence, recordedOn: o.recordedOn })),
      checkins: e.checkins.map((c) => ({
        id: c.id,
        date: c.date,
        hoursSavedPerMonth: num(c.hoursSavedPerMonth),
        spendMonthly: money(c.spendMonthlyCents),
        qualityAfter: c.qualityAfter,
        note: c.note,
      })),
    }),
  );
}
