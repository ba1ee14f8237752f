import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { aiModels, experimentModels, experiments, teamMembers, teams, user } from '../../schema';
import type { Queryable } from '../../types';
import { buildExperimentWhere } from '../experiments/filters';
import { getRetestRadar, loadRadarCatalog } from '../insights/radar';
import { listPrivacyFlags } from '../insights/privacy';
import { listAllPriceChanges } from '../models/details';
import { blendedPrice } from '@/lib/metrics/prices';
import { isPriceDrop, RETIREMENT_WINDOW_DAYS, STALE_AFTER_DAYS, type AlertCandidate } from '@/lib/metrics/alert-events';

/**
 * The five event detectors of issue 20 §3. Each one reads the rule the app already shows (the radar, the
 * privacy flags, the price history) and turns what it finds today into alert candidates with a stable key.
 */

/** A benchmark score as people read it (Epoch's ECI-derived scores carry many decimals). */
const score = (n: number) => String(Number(n.toFixed(1)));
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
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
      title: `Re-test candidate for “${item.title}”: ${c.name}`,
      body: `${c.name} (${c.vendor}) may clear the bar this blocked experiment set on ${item.benchmarkName}.`,
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
    title: `Privacy flag: “${item.title}” (${item.team})`,
    body: `${capitalised(item.sensitivity ?? 'sensitive')} data goes to ${item.models.map((m) => m.name).join(', ') || 'a model'} whose provider may train on it.`,
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
    title: `${r.model} retires on ${r.retiredOn}`,
    body: `Your running experiment “${r.title}” uses ${r.model}, which the vendor retires on ${r.retiredOn}.`,
    readerBody: `The running experiment “${r.title}” uses ${r.model}, which the vendor retires on ${r.retiredOn}; its owner has been told.`,
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
    title: `No check-in for “${r.title}” since ${r.last}`,
    body: `Your running experiment has had no check-in for ${STALE_AFTER_DAYS} days or more: add one so its figures stay current.`,
    readerBody: `This running experiment has had no check-in for ${STALE_AFTER_DAYS} days or more, so its figures may be out of date; its owner has been asked for one.`,
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
      title: `${names.get(r.modelId)} is ${pct}% cheaper`,
      body: `Blended price $${before.toFixed(2)} → $${after.toFixed(2)} per million tokens from ${last.effectiveDate}; your team uses it.`,
      readerBody: `Blended price $${before.toFixed(2)} → $${after.toFixed(2)} per million tokens from ${last.effectiveDate}; ${r.team} uses it.`,
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
        title: `${m.name} scores as high as ${used.name} at half the price or less`,
        body: `For “${r.title}”: ${m.name} (${m.vendor}) scores ${score(m.score)} against ${score(used.score)} at $${m.price.toFixed(2)} instead of $${used.price.toFixed(2)} per million tokens.`,
        link: `/experiments/${r.id}`,
      });
    }
  }
  return out;
}
