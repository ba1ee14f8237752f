// Issue 23 §3: techniques (a prompt pattern or a workflow) per experiment, with version and audit like outcomes;
// the Playbook's list (search, kind, pagination, archived left out); the experiment list's search over the
// hypothesis, outcomes, blocker, learnings and techniques, each table read through its trigram index.
import { and, desc, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addOutcome } from '@/db/queries/experiments/children';
import { listExperiments } from '@/db/queries/experiments/list';
import { SEARCH_INDEXES, SEARCH_TEXT, searchIdsSql } from '@/db/queries/experiments/search';
import { createExperiment, setArchived } from '@/db/queries/experiments/write';
import { listPlaybook } from '@/db/queries/techniques/playbook';
import { addTechnique, deleteTechnique, TECHNIQUE_MESSAGES, updateTechnique } from '@/db/queries/techniques/write';
import { auditLog, experiments, teamMembers, teams, techniques, user } from '@/db/schema';
import { rawRows } from '@/db/sql';
import type { Db, Queryable } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { experimentSchema, outcomeSchema } from '@/lib/validation/experiment';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { playbookParamsSchema, techniqueSchema } from '@/lib/validation/technique';
import { asOlderBackup, backupFileOf, inFreshRestore } from './helpers/backup-roundtrip';
import { describeEachDb } from './helpers/db';

async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, email));
  const m = await db.select().from(teamMembers).where(eq(teamMembers.userId, u.id));
  return { ...u, teamIds: m.map((x) => x.teamId), leadTeamIds: m.filter((x) => x.teamRole === 'lead').map((x) => x.teamId) };
}

const playbook = (db: Db, params: Record<string, string>, pageSize?: number) => listPlaybook(db, playbookParamsSchema.parse(params), pageSize);

/** The plan PostgreSQL picks with sequential scans discouraged: names the index when the query's expression is the index's. */
async function planOf(db: Db, query: string): Promise<string> {
  let plan = '';
  await db
    .transaction(async (tx: Queryable) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      plan = (await rawRows<Record<string, string>>(tx, sql.raw(`explain ${query}`))).map((r) => Object.values(r)[0]).join('\n');
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  return plan;
}

describeEachDb(
  'techniques, the playbook and the search',
  (ctx) => {
    let lead: SessionUser, exec: SessionUser, teamId: number, expId: number, otherExpId: number, outcomeId: number, techniqueId: number;
    const zq = 'zqx'; // a marker no demo text holds, so counts are exact

    it('sets up two experiments whose words sit in different places', async () => {
      [lead, exec] = await Promise.all(['lead@uplift.demo', 'exec@uplift.demo'].map((e) => sessionUser(ctx.db, e)));
      teamId = lead.leadTeamIds[0];
      const a = await createExperiment(ctx.db, lead, experimentSchema.parse({
        title: `Ticket triage ${zq}`,
        teamId: String(teamId),
        hypothesis: `Triage gets faster with ${zq}hypo`,
        blockedByModel: 'on',
        blockerMissing: `Could not read ${zq}blocker scans`,
        learnings: `Short prompts beat long ${zq}learn ones`,
      }));
      const b = await createExperiment(ctx.db, lead, experimentSchema.parse({ title: `Second ${zq}`, teamId: String(teamId), targetMetric: `${zq}metric per week` }));
      if (!a.ok || !b.ok) throw new Error('create failed');
      [expId, otherExpId] = [a.id, b.id];
      const o = await addOutcome(ctx.db, lead, expId, outcomeSchema.parse({ type: 'insight', description: `Found the ${zq}outcome churn signal`, impact: '4', evidence: `https://wiki.example/${zq}evidence` }));
      if (!o.ok) throw new Error(o.message);
      outcomeId = o.id;
    });

    it('adds a technique linked to the experiment’s outcome, refusing an outcome of another experiment', async () => {
      const input = techniqueSchema.parse({ kind: 'prompt_pattern', title: 'Counter-argument first', description: 'Before deciding, ask for the strongest objection.', promptText: `Argue against: {plan} ${zq}prompt`, outcomeId: String(outcomeId) });
      expect(await addTechnique(ctx.db, lead, otherExpId, input)).toEqual({ ok: false, reason: 'invalid', field: 'outcomeId', message: TECHNIQUE_MESSAGES.outcome });
      expect(await addTechnique(ctx.db, exec, expId, input)).toMatchObject({ ok: false, reason: 'denied' });
      const r = await addTechnique(ctx.db, lead, expId, input);
      if (!r.ok) throw new Error(r.message);
      techniqueId = r.id;
      const [row] = await ctx.db.select().from(techniques).where(eq(techniques.id, techniqueId));
      expect(row).toMatchObject({ experimentId: expId, kind: 'prompt_pattern', outcomeId, version: 1, createdBy: lead.id });
      const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'technique.create'), eq(auditLog.entityId, String(expId))));
      expect(audit.after).toMatchObject({ techniqueId, title: 'Counter-argument first', outcomeId });
    });

    it('edits with the version it was loaded at (a stale form changes nothing), then removes', async () => {
      const edit = techniqueSchema.parse({ kind: 'workflow', title: 'Counter-argument first, then decide', promptText: `Argue against: {plan} ${zq}prompt`, outcomeId: '' });
      expect(await updateTechnique(ctx.db, lead, expId, techniqueId, 1, edit)).toEqual({ ok: true, id: techniqueId, version: 2 });
      expect(await updateTechnique(ctx.db, lead, expId, techniqueId, 1, edit)).toEqual({ ok: false, reason: 'conflict', message: TECHNIQUE_MESSAGES.stale });
      const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'technique.update')).orderBy(desc(auditLog.id)).limit(1);
      expect([audit.before, audit.after]).toEqual([
        { techniqueId, kind: 'prompt_pattern', title: 'Counter-argument first', description: 'Before deciding, ask for the strongest objection.', outcomeId },
        { techniqueId, kind: 'workflow', title: 'Counter-argument first, then decide', description: '', outcomeId: null },
      ]);
      const spare = await addTechnique(ctx.db, lead, otherExpId, techniqueSchema.parse({ kind: 'workflow', title: `Spare ${zq}` }));
      if (!spare.ok) throw new Error(spare.message);
      expect(await deleteTechnique(ctx.db, lead, otherExpId, spare.id, 1)).toEqual({ ok: true, id: spare.id, version: 1 });
      expect(await deleteTechnique(ctx.db, lead, otherExpId, spare.id, 1)).toEqual({ ok: false, reason: 'not_found', message: TECHNIQUE_MESSAGES.gone });
      // Linked again for the playbook below.
      expect(await updateTechnique(ctx.db, lead, expId, techniqueId, 2, { ...edit, outcomeId })).toMatchObject({ ok: true, version: 3 });
    });

    it('the experiment list’s search finds words in the hypothesis, target metric, blocker, learnings, outcomes and techniques', async () => {
      const find = async (q: string) => (await listExperiments(ctx.db, parseExperimentFilters({ q }))).rows.map((r) => r.id).sort((x, y) => x - y);
      expect(await find(`${zq}hypo`)).toEqual([expId]);
      expect(await find(`${zq}METRIC`)).toEqual([otherExpId]);
      expect(await find(`${zq}blocker`)).toEqual([expId]);
      expect(await find(`${zq}learn`)).toEqual([expId]);
      expect(await find(`${zq}outcome churn`)).toEqual([expId]);
      expect(await find(`${zq}evidence`)).toEqual([expId]);
      expect(await find(`${zq}prompt`)).toEqual([expId]);
      expect(await find(zq)).toEqual([expId, otherExpId]);
      // Pattern characters are literal: "%" matches only a "%".
      expect(await find(`${zq}%`)).toEqual([]);
    });

    it('each searched table has a trigram index on exactly the expression the search reads', async () => {
      for (const table of Object.keys(SEARCH_TEXT) as (keyof typeof SEARCH_TEXT)[]) {
        const [idx] = await rawRows<{ indexdef: string }>(ctx.ownerDb, sql`select indexdef from pg_indexes where indexname = ${SEARCH_INDEXES[table]}`);
        expect(idx.indexdef).toContain('gin_trgm_ops');
        expect(await planOf(ctx.ownerDb, `select 1 from ${table} where ${SEARCH_TEXT[table]} ilike '%abcdef%'`)).toContain(SEARCH_INDEXES[table]);
      }
      const ids = await rawRows<{ id: number }>(ctx.db, sql`select * from ${searchIdsSql(`${zq}prompt`)} s`);
      expect(ids.map((r) => Number(Object.values(r)[0]))).toEqual([expId]);
    });

    it('the playbook lists techniques with the outcome they led to, searchable by the technique or the outcome, paged', async () => {
      const all = await playbook(ctx.db, { q: zq });
      expect(all.rows.map((r) => [r.id, r.experimentId, r.outcome?.id])).toEqual([[techniqueId, expId, outcomeId]]);
      expect(all.rows[0]).toMatchObject({ title: 'Counter-argument first, then decide', kind: 'workflow', experimentTitle: `Ticket triage ${zq}`, outcome: { type: 'insight', impact: 4 } });
      expect((await playbook(ctx.db, { q: `${zq}outcome` })).total).toBe(1);
      expect((await playbook(ctx.db, { q: `${zq}prompt`, kind: 'prompt_pattern' })).total).toBe(0);
      expect((await playbook(ctx.db, { q: `${zq}prompt`, kind: 'workflow' })).total).toBe(1);
      expect((await playbook(ctx.db, { q: 'no such technique anywhere' })).total).toBe(0);
      for (let i = 0; i < 3; i++) await addTechnique(ctx.db, lead, otherExpId, techniqueSchema.parse({ kind: 'prompt_pattern', title: `Paged ${zq} ${i}` }));
      const first = await playbook(ctx.db, { q: `Paged ${zq}` }, 2);
      const second = await playbook(ctx.db, { q: `Paged ${zq}`, page: '2' }, 2);
      expect([first.total, first.pages, first.rows.length, second.rows.length]).toEqual([3, 2, 2, 1]);
      expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(3);
    });

    it('a backup carries techniques, explorations and the team setting; one from 0020 restores with none and the defaults', async () => {
      const file = await backupFileOf(ctx.db);
      const mine = (db: Db) => db.select({ id: techniques.id, title: techniques.title, outcomeId: techniques.outcomeId, version: techniques.version }).from(techniques).where(eq(techniques.experimentId, expId));
      expect(await inFreshRestore(ctx.kind, file, mine)).toEqual(await mine(ctx.db));
      const old = await asOlderBackup(
        { ...file, tables: Object.fromEntries(Object.entries(file.tables).filter(([t]) => t !== 'techniques')) as typeof file.tables },
        '0020_usage_import',
        { experiments: (c) => c === 'exploration' || c === 'target_metric', teams: (c) => c === 'participants_may_record' },
      );
      const restored = await inFreshRestore(ctx.kind, old, async (db) => ({
        techniques: (await db.select({ id: techniques.id }).from(techniques)).length,
        exploring: (await db.select({ id: experiments.id }).from(experiments).where(sql`${experiments.exploration} or ${experiments.targetMetric} <> ''`)).length,
        recording: (await db.select({ id: teams.id }).from(teams).where(eq(teams.participantsMayRecord, true))).length,
      }));
      expect(restored).toEqual({ techniques: 0, exploring: 0, recording: 0 });
    }, 240_000); // two fresh databases, migrated and restored

    it('leaves out the techniques of archived experiments, as the experiment list does', async () => {
      expect(await setArchived(ctx.db, lead, otherExpId, true)).toMatchObject({ ok: true });
      expect((await playbook(ctx.db, { q: `Paged ${zq}` })).total).toBe(0);
      expect((await playbook(ctx.db, { q: zq })).total).toBe(1);
    });
  },
  { demo: true },
);
