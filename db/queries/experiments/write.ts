import { and, eq, inArray, sql } from 'drizzle-orm';
import { mayAddResults, teamScope, type SessionUser } from '@/lib/auth/permissions';
import { defaultEffort, effortProblem, NO_REASONING } from '@/lib/catalog/model-efforts';
import type { ExperimentInput } from '@/lib/validation/experiment';
import { aiModels, experimentModels, experiments, teams, type AccessChannel, type Experiment } from '../../schema';
import type { Db, Queryable } from '../../types';
import { actorOf, recordDenied, writeAudit } from '../admin/audit';
import { checkBlockerBar } from '../models/blocker-benchmark';
import { lockDataVersion } from '../data-version';
import { modelEffortFacts } from '../models/efforts';

/**
 * Creating and changing experiments. Every function checks the caller's right to change the team's
 * experiments itself (never trusting the form), writes in one transaction and appends its audit entry
 * in that same transaction. A refusal is recorded as a denied audit entry.
 */
import type { WriteResult } from '../write-result';


export const DENIED_MESSAGE = 'You can change only the experiments of teams you lead.';
export const ADD_DENIED_MESSAGE =
  'You can add results only to experiments of teams you lead, or to an experiment you ran when an admin lets its team’s participants record.';
export const CONFLICT_MESSAGE =
  'Someone else saved this experiment after you opened it. Nothing was overwritten: reload the page to see their changes, then apply yours again.';

/** The columns the form writes (everything except identity, ownership and bookkeeping). */
function columnsOf(input: ExperimentInput, teamId: number, links: Links) {
  const num = (n: number | null) => (n == null ? null : String(n));
  return {
    title: input.title,
    teamId,
    description: input.description,
    hypothesis: input.hypothesis,
    exploration: input.exploration,
    // An exploration has no target metric, whatever the input carries.
    targetMetric: input.exploration ? '' : input.targetMetric,
    workType: input.workType,
    mindset: input.mindset,
    status: input.status,
    startDate: input.startDate,
    endDate: input.endDate,
    reasoningUsed: reasoningUsedOf(links),
    dataSensitivity: input.dataSensitivity,
    participants: input.participants,
    participantCount: input.participants.split('\n').filter((l) => l.trim()).length,
    hoursBeforePerTask: num(input.hoursBeforePerTask),
    hoursWithAiPerTask: num(input.hoursWithAiPerTask),
    tasksPerMonth: num(input.tasksPerMonth),
    spendMonthlyCents: input.spendMonthlyCents,
    spendOneOffCents: input.spendOneOffCents,
    spendOneOffDate: input.spendOneOffDate,
    qualityBefore: input.qualityBefore,
    qualityAfter: input.qualityAfter,
    blockedByModel: input.blockedByModel,
    blockerMissing: input.blockedByModel ? input.blockerMissing : '',
    blockerBenchmark: input.blockerBenchmark,
    blockerMinScore: input.blockedByModel ? num(input.blockerMinScore) : null,
    blockerMaxPriceUsd: input.blockedByModel ? num(input.blockerMaxPriceUsd) : null,
    learnings: input.learnings,
    conclusion: input.conclusion,
    privacyMitigation: input.privacyMitigation,
  };
}

type Columns = ReturnType<typeof columnsOf>;

/** Only what changed, so the history reads "status: running → completed", not two full rows. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/** Comparable form of a row read back from the database (numerics come back as "2.50"). */
function normalise(row: Partial<Experiment> & Record<string, unknown>, keys: string[]) {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = row[k];
    out[k] = typeof v === 'string' && /^-?\d+\.\d+$/.test(v) ? String(Number(v)) : v;
  }
  return out;
}

async function modelSlugs(db: Queryable, experimentId: number): Promise<string[]> {
  const rows = await db
    .select({ slug: aiModels.slug, primary: experimentModels.isPrimary, effort: experimentModels.effort, channel: experimentModels.channel })
    .from(experimentModels)
    .innerJoin(aiModels, eq(aiModels.id, experimentModels.modelId))
    .where(eq(experimentModels.experimentId, experimentId))
    .orderBy(sql`${experimentModels.isPrimary} desc`, aiModels.slug);
  // An API link is written as before channels existed, so older entries and new ones compare alike.
  return rows.map((r) => `${r.slug} @ ${r.effort}${r.channel === 'api' ? '' : ` on ${r.channel}`}${r.primary ? ' (primary)' : ''}`);
}

/** The links the form asks for: known models only, each with its checked effort and its channel (API unless chosen). */
type Links = Map<number, { isPrimary: boolean; effort: string; channel: AccessChannel }>;
type LinksPlan = { ok: true; links: Links } | { ok: false; reason: 'invalid'; field: 'efforts'; message: string };

/**
 * Checks each link's reasoning effort against what the catalog lists for its model (lib/catalog/model-efforts.ts);
 * a link the form gives no effort gets the model's default ('none' when it does not reason).
 */
export async function planLinks(db: Queryable, input: ExperimentInput): Promise<LinksPlan> {
  const facts = await modelEffortFacts(db, input.modelIds);
  const links: Links = new Map();
  for (const id of input.modelIds) {
    const m = facts.get(id);
    if (!m) continue;
    const effort = input.efforts[id] ?? defaultEffort(m);
    const problem = effortProblem(m.name, m, m.listed, effort);
    if (problem) return { ok: false, reason: 'invalid', field: 'efforts', message: problem };
    links.set(id, { isPrimary: id === input.primaryModelId, effort, channel: input.channels[id] ?? 'api' });
  }
  return { ok: true, links };
}

/** "Reasoning used" is no longer typed in: it says whether any link ran at an effort other than none. */
const reasoningUsedOf = (links: Links) => [...links.values()].some((l) => l.effort !== NO_REASONING);

/**
 * Writes only the difference between the experiment's links and the form's: each link statement runs
 * the triggers of four summaries, so an edit that keeps the models (a title, a figure) writes no link.
 */
async function setModels(db: Queryable, experimentId: number, input: ExperimentInput, wanted: Links) {
  const current = await db
    .select({ modelId: experimentModels.modelId, isPrimary: experimentModels.isPrimary, effort: experimentModels.effort, channel: experimentModels.channel })
    .from(experimentModels)
    .where(eq(experimentModels.experimentId, experimentId));
  const has = new Set(current.map((c) => c.modelId));
  const gone = current.filter((c) => !wanted.has(c.modelId)).map((c) => c.modelId);
  const flipped = current.filter((c) => wanted.has(c.modelId) && wanted.get(c.modelId)!.isPrimary !== c.isPrimary).map((c) => c.modelId);
  const reEffort = current.filter((c) => wanted.has(c.modelId) && (wanted.get(c.modelId)!.effort !== c.effort || wanted.get(c.modelId)!.channel !== c.channel));
  const added = [...wanted].filter(([id]) => !has.has(id));
  const ofExperiment = (ids: number[]) => and(eq(experimentModels.experimentId, experimentId), inArray(experimentModels.modelId, ids));
  if (gone.length) await db.delete(experimentModels).where(ofExperiment(gone));
  if (flipped.length)
    await db
      .update(experimentModels)
      .set({ isPrimary: sql`${experimentModels.modelId} = ${input.primaryModelId ?? 0}` })
      .where(ofExperiment(flipped));
  for (const c of reEffort) {
    const { effort, channel } = wanted.get(c.modelId)!;
    await db.update(experimentModels).set({ effort, channel }).where(ofExperiment([c.modelId]));
  }
  if (added.length)
    await db.insert(experimentModels).values(added.map(([modelId, l]) => ({ experimentId, modelId, isPrimary: l.isPrimary, effort: l.effort, channel: l.channel })));
}

/** The team a new experiment goes to: the chosen one, or the lead's only team. */
export function resolveTeam(user: SessionUser, teamId: number | null): number | null {
  if (teamId != null) return teamId;
  return teamScope(user).defaultTeam;
}

const NO_SUCH_TEAM = { ok: false, reason: 'invalid', field: 'teamId', message: 'This team does not exist (any more). Choose another.' } as const;

/** A team id from a form may name no team (deleted meanwhile, or forged): refuse it rather than fail on the foreign key. */
async function teamExists(tx: Queryable, teamId: number): Promise<boolean> {
  const [row] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  return Boolean(row);
}

export async function createExperiment(db: Db, user: SessionUser, input: ExperimentInput): Promise<WriteResult> {
  const teamId = resolveTeam(user, input.teamId);
  if (teamId == null) return { ok: false, reason: 'invalid', field: 'teamId', message: 'Choose the team that runs this experiment.' };
  return db.transaction(async (tx) => {
    if (!teamScope(user).canEdit(teamId)) {
      await recordDenied(tx, actorOf(user), 'experiment.create', { type: 'team', id: teamId });
      return { ok: false, reason: 'denied', field: 'teamId', message: DENIED_MESSAGE } as const;
    }
    if (!(await teamExists(tx, teamId))) return NO_SUCH_TEAM;
    const bar = await checkBlockerBar(tx, input);
    if (bar) return { ok: false, reason: 'invalid', ...bar } as const;
    const plan = await planLinks(tx, input);
    if (!plan.ok) return plan;
    const row = await insertExperiment(tx, user, teamId, input, plan.links);
    return { ok: true, id: row.id, version: row.version } as const;
  });
}

/** Inserts one experiment with its models and audit entry, inside the caller's transaction (rights already checked). */
export async function insertExperiment(tx: Queryable, user: SessionUser, teamId: number, input: ExperimentInput, links: Links, action = 'experiment.create') {
  const columns = columnsOf(input, teamId, links);
  const [row] = await tx
    .insert(experiments)
    .values({ ...columns, ownerId: user.id, createdBy: user.id })
    .returning({ id: experiments.id, version: experiments.version });
  await setModels(tx, row.id, input, links);
  await writeAudit(tx, { actor: actorOf(user), action, entityType: 'experiment', entityId: row.id, after: { ...columns, models: await modelSlugs(tx, row.id) } });
  return row;
}

/**
 * Saves an edit only if nobody saved in between: the UPDATE matches the version the user loaded and
 * increments it, so of two concurrent saves exactly one wins and the other is told, changing nothing.
 */
export async function updateExperiment(db: Db, user: SessionUser, id: number, expectedVersion: number, input: ExperimentInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const current = await lockExperiment(tx, id);
    if (!current) return { ok: false, reason: 'not_found', message: 'This experiment does not exist.' } as const;
    const teamId = input.teamId ?? current.teamId;
    // Both the experiment's team now and the team it would move to must be the caller's.
    if (!teamScope(user).canEdit(current.teamId) || !teamScope(user).canEdit(teamId)) {
      await recordDenied(tx, actorOf(user), 'experiment.update', { type: 'experiment', id });
      return { ok: false, reason: 'denied', message: DENIED_MESSAGE } as const;
    }
    if (teamId !== current.teamId && !(await teamExists(tx, teamId))) return NO_SUCH_TEAM;
    const bar = await checkBlockerBar(tx, input);
    if (bar) return { ok: false, reason: 'invalid', ...bar } as const;
    const plan = await planLinks(tx, input);
    if (!plan.ok) return plan;
    const columns: Columns = columnsOf(input, teamId, plan.links);
    const modelsBefore = await modelSlugs(tx, id);
    // The version guard is this WHERE alone: a form loaded before someone else's save matches no row.
    const [row] = await tx
      .update(experiments)
      .set({ ...columns, version: sql`${experiments.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(experiments.id, id), eq(experiments.version, expectedVersion)))
      .returning({ id: experiments.id, version: experiments.version });
    if (!row) return { ok: false, reason: 'conflict', message: CONFLICT_MESSAGE } as const;
    await setModels(tx, id, input, plan.links);
    const keys = Object.keys(columns);
    const diff = changedFields(
      { ...normalise(current, keys), models: modelsBefore },
      { ...normalise({ ...columns } as Record<string, unknown>, keys), models: await modelSlugs(tx, id) },
    );
    await writeAudit(tx, { actor: actorOf(user), action: 'experiment.update', entityType: 'experiment', entityId: id, ...diff });
    return { ok: true, id, version: row.version } as const;
  });
}

/** Archive (archived = true) or restore. Nothing is deleted; the version moves so open edit forms go stale. */
export async function setArchived(db: Db, user: SessionUser, id: number, archived: boolean): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const current = await lockExperiment(tx, id);
    if (!current) return { ok: false, reason: 'not_found', message: 'This experiment does not exist.' } as const;
    const action = archived ? 'experiment.archive' : 'experiment.restore';
    if (!teamScope(user).canEdit(current.teamId)) {
      await recordDenied(tx, actorOf(user), action, { type: 'experiment', id });
      return { ok: false, reason: 'denied', message: DENIED_MESSAGE } as const;
    }
    const [row] = await tx
      .update(experiments)
      .set({ archivedAt: archived ? sql`now()` : null, version: sql`${experiments.version} + 1`, updatedAt: sql`now()` })
      .where(eq(experiments.id, id))
      .returning({ version: experiments.version, archivedAt: experiments.archivedAt });
    await writeAudit(tx, {
      actor: actorOf(user),
      action,
      entityType: 'experiment',
      entityId: id,
      before: { archivedAt: current.archivedAt },
      after: { archivedAt: row.archivedAt },
    });
    return { ok: true, id, version: row.version } as const;
  });
}

/**
 * The experiment's row, locked until the transaction ends, after the data_version row (the lock order
 * of every write, db/derived/README.md). Every write to an experiment or its children locks it first, so
 * writers of one experiment take turns: the summaries the triggers keep (outcome count, latest check-in,
 * the outcomes' copy of the team) are computed from what the previous writer committed, and the team
 * checked is the team written to.
 */
export async function lockExperiment(tx: Queryable, id: number) {
  await lockDataVersion(tx);
  const [row] = await tx.select().from(experiments).where(eq(experiments.id, id)).for('update');
  return row;
}

/**
 * For child rows (outcomes, check-ins, techniques): the experiment (locked), after the caller's right to change
 * it. Adding (`adding`) is also open to the people who ran it when their team allows it (mayAddResults), read
 * here from the stored experiment and team, never from the form.
 */
export async function authorizeChild(tx: Queryable, user: SessionUser, experimentId: number, what: string, adding = false): Promise<WriteResult | null> {
  const exp = await lockExperiment(tx, experimentId);
  if (!exp) return { ok: false, reason: 'not_found', message: 'This experiment does not exist.' };
  const allowed = adding ? mayAddResults(user, exp, await teamRecordingRule(tx, exp.teamId)) : teamScope(user).canEdit(exp.teamId);
  if (!allowed) {
    await recordDenied(tx, actorOf(user), what, { type: 'experiment', id: experimentId });
    return { ok: false, reason: 'denied', message: adding ? ADD_DENIED_MESSAGE : DENIED_MESSAGE };
  }
  return null;
}

/** The team's setting that lets the people who ran its experiments add their results. */
export async function teamRecordingRule(tx: Queryable, teamId: number): Promise<{ participantsMayRecord: boolean }> {
  const [row] = await tx.select({ participantsMayRecord: teams.participantsMayRecord }).from(teams).where(eq(teams.id, teamId));
  return { participantsMayRecord: row?.participantsMayRecord ?? false };
}
