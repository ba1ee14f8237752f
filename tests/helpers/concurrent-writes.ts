/**
 * Many clients writing at once through the app's own write functions (db/queries), the way concurrent
 * requests do: create, edit (with team moves), archive/restore, outcome add/delete, check-in add, model
 * import and benchmark-score upsert, all aimed at a small set of experiments so they collide. Used by
 * tests/concurrent-writes.test.ts (a short run) and scripts/reliability/deadlock.ts (20 × 200).
 * No vitest import: the reliability script runs it outside vitest.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { addCheckin, addOutcome, deleteOutcome } from '@/db/queries/experiments/children';
import { createExperiment, setArchived, updateExperiment } from '@/db/queries/experiments/write';
import type { WriteResult } from '@/db/queries/write-result';
import { listVendors } from '@/db/queries/models/details';
import { applyModelImport } from '@/db/queries/models/import';
import { upsertBenchmarkScore } from '@/db/queries/models/writes';
import { aiModels, capabilityOutcomes, experiments, teamMembers, teams, user } from '@/db/schema';
import { createRandom, type Random } from '@/db/seed/random';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { sqlStateOf } from '@/lib/security/db-errors';
import { checkinSchema, experimentSchema, outcomeSchema } from '@/lib/validation/experiment';
import { parseModelImport } from '@/lib/validation/model-import';

export const OPERATION_KINDS = ['create', 'edit', 'move', 'archive', 'restore', 'addOutcome', 'deleteOutcome', 'addCheckin', 'modelImport', 'benchmarkScore'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** How often each operation is drawn (out of 100). */
const WEIGHTS: Record<OperationKind, number> = {
  create: 8,
  edit: 20,
  move: 8,
  archive: 6,
  restore: 6,
  addOutcome: 16,
  deleteOutcome: 10,
  addCheckin: 14,
  modelImport: 4,
  benchmarkScore: 8,
};

/**
 * Refusals the app shows as a message — someone saved in between, a row already removed, an experiment
 * moved away from the lead meanwhile: valid answers, not failures.
 */
const EXPECTED_REFUSALS: ReadonlySet<string> = new Set(['conflict', 'not_found', 'denied']);

export type WorkloadReport = {
  clients: number;
  operations: number;
  byKind: Record<OperationKind, number>;
  accepted: number;
  refused: Record<string, number>;
  /** Thrown errors: each would have been a 500. */
  errors: { kind: OperationKind; sqlState?: string; message: string }[];
  seconds: number;
};

type Ctx = { db: Db; admin: SessionUser; leads: SessionUser[]; hot: number[]; modelSlugs: string[]; vendors: string[] };

async function sessionUser(db: Db, id: string): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.id, id));
  const m = await db.select().from(teamMembers).where(eq(teamMembers.userId, id));
  return { ...u, teamIds: m.map((x) => x.teamId), leadTeamIds: m.filter((x) => x.teamRole === 'lead').map((x) => x.teamId) };
}

/** The demo organisation's admin and team leads, and the experiments the clients fight over. */
async function loadContext(db: Db, hotSize: number): Promise<Ctx> {
  const [admin] = await db.select({ id: user.id }).from(user).where(eq(user.role, 'admin')).limit(1);
  const leadIds = await db.selectDistinct({ id: teamMembers.userId }).from(teamMembers).innerJoin(user, eq(user.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamRole, 'lead'), eq(user.role, 'lead')));
  const hot = await db.select({ id: experiments.id }).from(experiments).orderBy(experiments.id).limit(hotSize);
  const models = await db.select({ slug: aiModels.slug }).from(aiModels).orderBy(aiModels.id);
  return {
    db,
    admin: await sessionUser(db, admin.id),
    leads: await Promise.all(leadIds.map((l) => sessionUser(db, l.id))),
    hot: hot.map((h) => h.id),
    modelSlugs: models.map((m) => m.slug),
    vendors: await listVendors(db),
  };
}

function draw(r: Random): OperationKind {
  let roll = r.int(0, 99);
  for (const kind of OPERATION_KINDS) {
    roll -= WEIGHTS[kind];
    if (roll < 0) return kind;
  }
  return 'edit';
}

const modelIdsOf = async (db: Db, slugs: string[]) =>
  (await db.select({ id: aiModels.id }).from(aiModels).where(inArray(aiModels.slug, slugs))).map((m) => String(m.id));

/** A valid experiment form: some models, sometimes blocked (so benchmark scores reach it), figures. */
async function experimentForm(c: Ctx, r: Random, teamId: number, title: string) {
  const modelIds = await modelIdsOf(c.db, Array.from({ length: r.int(0, 3) }, () => r.pick(c.modelSlugs)));
  const blocked = r.chance(0.4);
  return experimentSchema.parse({
    title,
    teamId: String(teamId),
    status: r.pick(['proposed', 'running', 'completed', 'abandoned']),
    mindset: r.pick(['automate', 'accelerate', 'new_capability']),
    workType: r.pick(['writing', 'analysis', 'coding', 'research']),
    startDate: '2026-01-05',
    endDate: r.chance(0.5) ? '2026-03-01' : '',
    modelIds,
    hoursBeforePerTask: String(r.int(2, 6)),
    hoursWithAiPerTask: '1',
    tasksPerMonth: String(r.int(1, 40)),
    spendMonthly: String(r.int(0, 500)),
    blockedByModel: blocked ? 'on' : '',
    blockerMissing: blocked ? 'Lost track of long contexts' : '',
  });
}

async function experimentToTouch(c: Ctx, r: Random) {
  const id = r.pick(c.hot);
  const [row] = await c.db.select({ id: experiments.id, teamId: experiments.teamId, version: experiments.version, archivedAt: experiments.archivedAt }).from(experiments).where(eq(experiments.id, id));
  return row;
}

/** The caller for a write to this team: its lead when there is one (most of the time), else the admin. */
function callerFor(c: Ctx, r: Random, teamId: number): SessionUser {
  const lead = c.leads.find((l) => l.leadTeamIds.includes(teamId));
  return lead && r.chance(0.7) ? lead : c.admin;
}

async function runOne(c: Ctx, r: Random, kind: OperationKind, tag: string): Promise<WriteResult | 'ok'> {
  const { db } = c;
  switch (kind) {
    case 'create': {
      const teamId = r.pick([...c.admin.leadTeamIds, ...c.leads.flatMap((l) => l.leadTeamIds)]);
      const created = await createExperiment(db, callerFor(c, r, teamId), await experimentForm(c, r, teamId, `Concurrent ${tag}`));
      if (created.ok) c.hot.push(created.id);
      return created;
    }
    case 'edit':
    case 'move': {
      const e = await experimentToTouch(c, r);
      const all = await db.select({ id: teams.id }).from(teams);
      const teamId = kind === 'move' ? r.pick(all).id : e.teamId;
      const by = kind === 'move' ? c.admin : callerFor(c, r, e.teamId);
      return updateExperiment(db, by, e.id, e.version, await experimentForm(c, r, teamId, `Edited ${tag}`));
    }
    case 'archive':
    case 'restore': {
      const e = await experimentToTouch(c, r);
      return setArchived(db, callerFor(c, r, e.teamId), e.id, kind === 'archive');
    }
    case 'addOutcome': {
      const e = await experimentToTouch(c, r);
      const input = outcomeSchema.parse({ type: r.pick(['insight', 'synthesis', 'new_capability']), description: `Outcome ${tag}`, impact: String(r.int(1, 5)), recordedOn: '2026-02-01' });
      return addOutcome(db, callerFor(c, r, e.teamId), e.id, input);
    }
    case 'deleteOutcome': {
      const e = await experimentToTouch(c, r);
      const [o] = await db.select({ id: capabilityOutcomes.id }).from(capabilityOutcomes).where(eq(capabilityOutcomes.experimentId, e.id)).limit(1);
      if (!o) return { ok: false, reason: 'not_found', message: 'no outcome to delete' };
      return deleteOutcome(db, callerFor(c, r, e.teamId), e.id, o.id);
    }
    case 'addCheckin': {
      const e = await experimentToTouch(c, r);
      const input = checkinSchema.parse({ date: `2026-0${r.int(1, 9)}-1${r.int(0, 9)}`, hoursBeforePerTask: '3', hoursWithAiPerTask: String(r.int(0, 2)), tasksPerMonth: String(r.int(1, 30)), spendMonthly: String(r.int(0, 90)), qualityAfter: String(r.int(1, 5)) });
      return addCheckin(db, callerFor(c, r, e.teamId), e.id, input);
    }
    case 'modelImport': {
      // Existing models with new scores, prices and sometimes another data policy: the import's triggers reach many experiments.
      const header = 'slug,name,vendor,release_date,input_usd_per_mtok,output_usd_per_mtok,gpqa_diamond_pct,trains_on_user_data_by_default';
      const slugs = [...new Set(Array.from({ length: 3 }, () => r.pick(c.modelSlugs)))];
      const rows = await db.select().from(aiModels).where(inArray(aiModels.slug, slugs));
      const lines = rows.map((m) => `${m.slug},"${m.name}",${m.vendor},${m.releaseDate},${r.int(1, 20)},${r.int(20, 60)},${r.int(20, 90)},${r.pick(['true', 'false', 'unknown'])}`);
      const parsed = parseModelImport([header, ...lines].join('\n'), c.vendors);
      if (parsed.fileError) throw new Error(parsed.fileError);
      await db.transaction((tx) => applyModelImport(tx, { id: c.admin.id, email: c.admin.email }, parsed.rows, `concurrent ${tag}`));
      return 'ok';
    }
    case 'benchmarkScore': {
      const [m] = await db.select({ id: aiModels.id }).from(aiModels).where(eq(aiModels.slug, r.pick(c.modelSlugs)));
      await db.transaction((tx) => upsertBenchmarkScore(tx, { id: c.admin.id, email: c.admin.email }, { modelId: m.id, benchmark: 'gpqa_diamond', score: r.int(10, 95) }, `concurrent ${tag}`));
      return 'ok';
    }
  }
}

/**
 * `clients` concurrent loops of `operations` each, on one database handle (the app's pool). Every thrown
 * error is recorded with its SQLSTATE; refusals are counted by reason.
 */
export async function runConcurrentWrites(
  db: Db,
  options: { clients: number; operations: number; seed?: number; hotSize?: number; live?: (report: WorkloadReport) => void; stop?: () => boolean },
): Promise<WorkloadReport> {
  const started = Date.now();
  const c = await loadContext(db, options.hotSize ?? 24);
  const byKind = Object.fromEntries(OPERATION_KINDS.map((k) => [k, 0])) as Record<OperationKind, number>;
  const report: WorkloadReport = { clients: options.clients, operations: 0, byKind, accepted: 0, refused: {}, errors: [], seconds: 0 };
  options.live?.(report); // the caller may read the counts while the clients run
  const client = async (n: number) => {
    const r = createRandom((options.seed ?? 20261128) + n);
    for (let i = 0; i < options.operations && !options.stop?.(); i++) {
      // PGlite answers within promise callbacks: without a turn of the event loop, 20 clients would starve timers and streams.
      await new Promise((resolve) => setImmediate(resolve));
      const kind = draw(r);
      byKind[kind]++;
      report.operations++;
      try {
        const result = await runOne(c, r, kind, `${n}.${i}`);
        if (result === 'ok' || result.ok) report.accepted++;
        else if (EXPECTED_REFUSALS.has(result.reason)) report.refused[result.reason] = (report.refused[result.reason] ?? 0) + 1;
        else report.errors.push({ kind, message: `unexpected refusal ${result.reason}: ${result.message}` });
      } catch (err) {
        report.errors.push({ kind, sqlState: sqlStateOf(err), message: err instanceof Error ? err.message.slice(0, 200) : String(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
