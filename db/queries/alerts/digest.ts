import { and, asc, between, desc, eq, inArray, isNull } from 'drizzle-orm';
import { aiModels, capabilityOutcomes, experiments, teamMembers, teams, user } from '../../schema';
import type { Queryable } from '../../types';
import { withExperimentAndTeam } from '../experiments/child-rows';
import { listAllPriceChanges } from '../models/details';
import { digestConcentration, spendOfTeams } from './digest-concentration';
import { detectPrice, detectPrivacy, detectRetest, detectRetirement, detectStale } from './detect';
import { bodyFor, priceDropPercent, type AlertCandidate } from '@/lib/metrics/alert-events';
import type { AlertMessage, AlertReader } from '@/lib/metrics/alert-text';
import { digestWeek } from '@/lib/metrics/digest-week';
import { blendedPrice } from '@/lib/metrics/prices';
import { sharesOf, summarizeConcentration, type ConcentrationSummary, type Share } from '@/lib/metrics/concentration';

/**
 * The weekly digest of one person (issue 20 §4): what changed in the seven days ending `today`. It reuses the alert
 * detectors, so it says what the alerts say: admins and executives read the whole organisation's re-test
 * candidates, privacy flags and experiments needing attention; everyone else the ones the alerts send them.
 */
export type DigestItem = {
  title: string;
  body: string;
  link: string;
  /** The alert as data, so the digest speaks its reader's language (lib/digest/sections.ts); title and body are its English. */
  message?: AlertMessage;
  reader?: AlertReader;
};
export type Digest = {
  from: string;
  to: string;
  slot: string;
  /** teamIds: the person's teams (a lead's concentration is their teams', as on their dashboard). */
  /** locale: the language of the person's mails (user.locale; null: English). */
  person: { id: string; name: string; email: string; role: string; teamIds?: number[]; locale?: string | null };
  outcomes: { experimentId: number; experiment: string; team: string; type: string; description: string; impact: number; recordedOn: string }[];
  newModels: { name: string; vendor: string; releaseDate: string }[];
  priceMoves: { model: string; vendor: string; effectiveDate: string; before: number; after: number }[];
  retest: DigestItem[];
  privacy: DigestItem[];
  attention: DigestItem[];
  /** Vendor concentration by billed spend over the dashboard's default period; null when nothing was billed. */
  concentration: DigestConcentration | null;
};
export type DigestConcentration = { from: string; to: string; scope: 'organisation' | 'your teams'; summary: ConcentrationSummary; shares: Share[] };

export const OUTCOMES_SHOWN = 5;

export const isEmptyDigest = (d: Digest) =>
  !d.outcomes.length && !d.newModels.length && !d.priceMoves.length && !d.retest.length && !d.privacy.length && !d.attention.length;

/** What every person's digest of the week is cut from: read once per run of the digest job. */
const DIGEST_OUTCOME_FIELDS = {
  experimentId: experiments.id,
  experiment: experiments.title,
  team: teams.name,
  type: capabilityOutcomes.type,
  description: capabilityOutcomes.description,
  impact: capabilityOutcomes.impact,
  recordedOn: capabilityOutcomes.recordedOn,
};

export async function digestSource(db: Queryable, today: string, options: { dropPercent?: number } = {}) {
  const { from, to, slot } = digestWeek(today);
  const outcomes = await withExperimentAndTeam(db.select(DIGEST_OUTCOME_FIELDS).from(capabilityOutcomes).$dynamic(), capabilityOutcomes)
    .where(and(between(capabilityOutcomes.recordedOn, from, to), isNull(experiments.archivedAt)))
    .orderBy(desc(capabilityOutcomes.impact), desc(capabilityOutcomes.recordedOn), asc(capabilityOutcomes.id))
    .limit(OUTCOMES_SHOWN);

  const newModels = await db
    .select({ name: aiModels.name, vendor: aiModels.vendor, releaseDate: aiModels.releaseDate })
    .from(aiModels)
    .where(between(aiModels.releaseDate, from, to))
    .orderBy(asc(aiModels.releaseDate), asc(aiModels.name));

  // A price change in force from a day of this week, against the model's price before it.
  const [changes, models] = await Promise.all([listAllPriceChanges(db), db.select({ id: aiModels.id, name: aiModels.name, vendor: aiModels.vendor }).from(aiModels)]);
  const names = new Map(models.map((m) => [m.id, m]));
  const priceMoves: Digest['priceMoves'] = [];
  changes.forEach((c, i) => {
    const prev = changes[i - 1];
    if (c.effectiveDate < from || c.effectiveDate > to || !prev || prev.modelId !== c.modelId) return;
    const m = names.get(c.modelId)!;
    priceMoves.push({ model: m.name, vendor: m.vendor, effectiveDate: c.effectiveDate, before: blendedPrice(Number(prev.input), Number(prev.output)), after: blendedPrice(Number(c.input), Number(c.output)) });
  });
  priceMoves.sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.model.localeCompare(b.model));

  const dropPercent = options.dropPercent ?? priceDropPercent();
  return {
    from,
    to,
    slot,
    outcomes,
    newModels,
    priceMoves,
    retest: await detectRetest(db, today),
    privacy: await detectPrivacy(db, today),
    attention: [...(await detectPrice(db, today, dropPercent)), ...(await detectRetirement(db, today)), ...(await detectStale(db, today))],
    concentration: await digestConcentration(db, to),
  };
}
export type DigestSource = Awaited<ReturnType<typeof digestSource>>;
export type DigestPerson = Digest['person'];

/** One person's digest: the week's catalog and outcomes, and the alert findings that concern them. */
export function digestOf(source: DigestSource, person: DigestPerson): Digest {
  const orgWide = person.role === 'admin' || person.role === 'executive';
  const readerOf = (c: AlertCandidate): AlertReader => (c.recipients.includes(person.id) ? 'recipient' : 'reader');
  const mine = (list: AlertCandidate[]): DigestItem[] => {
    const seen = new Set<string>();
    return list
      .filter((c) => (orgWide || c.recipients.includes(person.id)) && !seen.has(c.key) && Boolean(seen.add(c.key)))
      .map((c) => ({ title: c.title, body: bodyFor(c, person.id), link: c.link, message: c.message, reader: readerOf(c) }));
  };
  const { retest, privacy, attention, concentration, ...rest } = source;
  // Leads see their own teams' usage on the dashboard (teamScope().leadsOwnTeams); everyone else the organisation's.
  const lead = person.role === 'lead';
  const spend = lead ? spendOfTeams(concentration, person.teamIds ?? []) : concentration.org;
  const summary = summarizeConcentration(spend);
  return {
    ...rest,
    person,
    retest: mine(retest),
    privacy: mine(privacy),
    attention: mine(attention),
    concentration: summary.hhi == null ? null : { ...concentration.period, scope: lead ? 'your teams' : 'organisation', summary, shares: sharesOf(spend) },
  };
}

/** The people with their teams (digestOf cuts a lead's concentration to them). */
export async function withTeamIds<P extends { id: string }>(db: Queryable, people: P[]): Promise<(P & { teamIds: number[] })[]> {
  if (!people.length) return [];
  const rows = await db.select({ userId: teamMembers.userId, teamId: teamMembers.teamId }).from(teamMembers).where(inArray(teamMembers.userId, people.map((p) => p.id)));
  return people.map((p) => ({ ...p, teamIds: rows.filter((r) => r.userId === p.id).map((r) => r.teamId).sort((a, b) => a - b) }));
}

export async function digestPerson(db: Queryable, userId: string): Promise<DigestPerson | undefined> {
  const [person] = await withTeamIds(db, await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.id, userId)));
  return person;
}

/** The digest of one person for the week ending `today` (the /digest page), or null for an unknown id. */
export async function buildDigest(db: Queryable, userId: string, today: string, options: { dropPercent?: number } = {}): Promise<Digest | null> {
  const person = await digestPerson(db, userId);
  return person ? digestOf(await digestSource(db, today, options), person) : null;
}
