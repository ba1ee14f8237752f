import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { aiModels, experimentModels, experiments, SENSITIVITIES, teamMembers, teams, user, type Sensitivity } from '../../schema';
import type { Queryable } from '../../types';
import { buildExperimentWhere } from '../experiments/filters';
import { getRetestRadar, loadRadarCatalog } from '../insights/radar';
import { listPrivacyFlags } from '../insights/privacy';
import { listAllPriceChanges } from '../models/details';
import { blendedPrice } from '@/lib/metrics/prices';
import { isPriceDrop, RETIREMENT_WINDOW_DAYS, STALE_AFTER_DAYS, type AlertCandidate } from '@/lib/metrics/alert-events';
import { alertText, type AlertMessage } from '@/lib/metrics/alert-text';

/**
 * The five event detectors of issue 20 §3. Each one reads the rule the app already shows (the radar, the
 * privacy flags, the price history) and turns what it finds today into alert candidates with a stable key.
 */

/**
 * A candidate's message with its English, stored as the alert's title and body (webhooks send it); readerBody only
 * where another reader's wording differs. Each reader's own language is rendered from the message (alert-text.ts).
 */
function said(message: AlertMessage) {
  const own = alertText(message, 'en', 'recipient');
  const other = alertText(message, 'en', 'reader');
  return { message, title: own.title, body: own.body, ...(other.body === own.body ? {} : { readerBody: other.body }) };
}
const sensitivity = (s: string | null): Sensitivity | null => ((SENSITIVITIES as readonly string[]).includes(s ?? '') ? (s as Sensitivity) : null);
const uniq = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => Boolean(x)))].sort();

async function teamLeads(db: Queryable): Promise<Map<number, string[]>> {
  const rows = await db.select({ teamId: teamMembers.teamId, userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamRole, 'lead'));
  const map = new Map<number, string[]>();
  for (const r of rows) map.set(r.teamId, [...(map.get(r.teamId) ?? []), r.userId]);
  return map;
}

async function admins(db: Queryable): Promise<string[]> {
  return (await db.select({ id: user.id }).from(user).where(and(eq(user.role, 'admin'), eq(user.active, true)))).map((r) => r.id);
}

async function owners(db: Queryable, ids: number[]): Promise<Map<number, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: experiments.id, ownerId: experiments.ownerId }).from(experiments).where(inArray(experiments.id, ids));
  return new Map(rows.map((r) => [r.id, r.ownerId]));
}

/** Running experiments with their team, owner and linked models. */
async function runningWithModels(db: Queryable, today: string) {
  return db
    .select({ id: experiments.id, title: experiments.title, teamId: experiments.teamId, team: teams.name, ownerId: experiments.ownerId, benchmark: experiments.blockerBenchmark, modelId: experimentModels.modelId, isPrimary: experimentModels.isPrimary })
    .from(experiments)
    .innerJoin(experimentModels, eq(experimentModels.experimentId, experiments.id))
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(buildExperimentWhere({ status: ['running'] }, { today }));
}

export async function detectRetest(db: Queryable, today: string): Promise<AlertCandidate[]> {
  const items = await getRetestRadar(db, { today });
  const leads = await teamLeads(db);
  const own = await owners(db, items.map((i) => i.id));
  return items.flatMap((item) =>
    item.candidates.map((c) => ({
      event: 'retest' as const,
      key: `retest:${item.id}:${c.id}`,
      recipients: uniq([own.get(item.id), ...(leads.get(item.teamId) ?? [])]),
      ...said({ name: 'retest', params: { experiment: item.title, model: c.name, vendor: c.vendor, benchmark: item.benchmarkName } }),
      link: `/experiments/${item.id}`,
    })),
  );
}

export async function detectPrivacy(db: Queryable, today: string): Promise<AlertCandidate[]> {
  const items = await listPrivacyFlags(db, { today });
  const [leads, adminIds] = await Promise.all([teamLeads(db), admins(db)]);
  // The key names the models behind the flag, so a new risky model (or a policy change) is a new alert.
  return items.map((item) => ({
    event: 'privacy' as const,
    key: `privacy:${item.id}:${item.models.map((m) => m.id).sort((a, b) => a - b).join(',')}`,
    recipients: uniq([...(leads.get(item.teamId) ?? []), ...adminIds]),
    ...said({ name: 'privacy', params: { experiment: item.title, team: item.team, sensitivity: sensitivity(item.sensitivity), models: item.models.map((m) => m.name) } }),
    link: `/experiments/${item.id}`,
  }));
}

export async function detectRetirement(db: Queryable, today: string): Promise<AlertCandidate[]> {
  const rows = await db
    .select({ id: experiments.id, title: experiments.title, ownerId: experiments.ownerId, modelId: aiModels.id, model: aiModels.name, retiredOn: aiModels.retiredOn })
    .from(experiments)
    .innerJoin(experimentModels, eq(experimentModels.experimentId, experiments.id))
    .innerJoin(aiModels, eq(aiModels.id, experimentModels.modelId))
    .where(
      and(
        buildExperimentWhere({ status: ['running'] }, { today }),
        isNotNull(experiments.ownerId),
        sql`${aiModels.retiredOn} <= ${today}::date + ${RETIREMENT_WINDOW_DAYS}::int`,
      ),
    );
  return rows.map((r) => ({
    event: 'retirement' as const,
    key: `retirement:${r.id}:${r.modelId}:${r.retiredOn}`,
    recipients: uniq([r.ownerId]),
    ...said({ name: 'retirement', params: { experiment: r.title, model: r.model, retiredOn: r.retiredOn ?? '' } }),
    link: `/experiments/${r.id}`,
  }));
}

export async function detectStale(db: Queryable, today: string): Promise<AlertCandidate[]> {
  // The last check-in, else the start date, else the day the experiment was written down.
  const last = sql<string>`coalesce((select max(c.date) from checkins c where c.experiment_id = ${experiments.id}), ${experiments.startDate}, (${experiments.createdAt})::date)::text`;
  const rows = await db
    .select({ id: experiments.id, title: experiments.title, ownerId: experiments.ownerId, last })
    .from(experiments)
    .where(and(buildExperimentWhere({ status: ['running'] }, { today }), isNotNull(experiments.ownerId), sql`${last}::date <= ${today}::date - ${STALE_AFTER_DAYS}::int`));
  return rows.map((r) => ({
    event: 'stale' as const,
    key: `stale:${r.id}:${r.last}`,
    recipients: uniq([r.ownerId]),
    ...said({ name: 'stale', params: { experiment: r.title, since: r.last, days: STALE_AFTER_DAYS } }),
    link: `/experiments/${r.id}`,
  }));
}

/**
 * A model a running experiment uses whose latest price change (in force today) cut the blended price by at least
 * `dropPercent`; and, per running experiment, a rival scoring at least as high on its benchmark at half the price or less.
 */
export async function detectPrice(db: Queryable, today: string, dropPercent: number): Promise<AlertCandidate[]> {
  const [running, changes, leads, models] = await Promise.all([
    runningWithModels(db, today),
    listAllPriceChanges(db),
    teamLeads(db),
    db.select({ id: aiModels.id, name: aiModels.name }).from(aiModels),
  ]);
  const names = new Map(models.map((m) => [m.id, m.name]));
  const out: AlertCandidate[] = [];
  const seen = new Set<string>();
  for (const r of running) {
    const steps = changes.filter((c) => c.modelId === r.modelId && c.effectiveDate <= today);
    const [prev, last] = steps.slice(-2);
    if (!prev || !last) continue;
    const before = blendedPrice(Number(prev.input), Number(prev.output));
    const after = blendedPrice(Number(last.input), Number(last.output));
    const key = `price:${r.teamId}:${r.modelId}:${last.effectiveDate}`;
    if (!isPriceDrop(before, after, dropPercent) || seen.has(key)) continue;
    seen.add(key);
    const pct = Math.round((1 - after / before) * 100);
    out.push({
      event: 'price',
      key,
      recipients: uniq(leads.get(r.teamId) ?? []),
      ...said({ name: 'priceDrop', params: { model: names.get(r.modelId) ?? '', percent: pct, before, after, from: last.effectiveDate, team: r.team } }),
      link: `/models`,
    });
  }
  // Rivals: the radar's own catalog (score per benchmark, price in force today), once per benchmark.
  const catalogs = new Map<string, Awaited<ReturnType<typeof loadRadarCatalog>>>();
  for (const r of running.filter((x) => x.isPrimary)) {
    if (!catalogs.has(r.benchmark)) catalogs.set(r.benchmark, await loadRadarCatalog(db, r.benchmark, { today }));
    const catalog = catalogs.get(r.benchmark)!;
    const used = catalog.find((m) => m.id === r.modelId);
    if (!used || used.score == null || used.price == null || used.price <= 0) continue;
    for (const m of catalog) {
      // A rival "appears": released after the model in use, and by today.
      if (m.id === r.modelId || m.score == null || m.price == null || m.releaseDate > today || m.releaseDate <= used.releaseDate) continue;
      if (m.score < used.score || m.price > used.price / 2) continue;
      out.push({
        event: 'price',
        key: `rival:${r.id}:${m.id}`,
        recipients: uniq(leads.get(r.teamId) ?? []),
        ...said({
          name: 'rival',
          params: { experiment: r.title, rival: m.name, vendor: m.vendor, model: used.name, rivalScore: m.score, modelScore: used.score, rivalPrice: m.price, modelPrice: used.price },
        }),
        link: `/experiments/${r.id}`,
      });
    }
  }
  return out;
}
