import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addCheckin, addOutcome, deleteOutcome } from '@/db/queries/experiments/children';
import { getExperimentDetail, getExperimentHistory } from '@/db/queries/experiments/detail';
import { createExperiment, setArchived, updateExperiment } from '@/db/queries/experiments/write';
import { listExperiments } from '@/db/queries/experiments/list';
import { aiModels, auditLog, experiments, teamMembers, teams, user } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { checkinSchema, experimentSchema, outcomeSchema } from '@/lib/validation/experiment';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { describeEachDb } from './helpers/db';

async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, email));
  const m = await db.select().from(teamMembers).where(eq(teamMembers.userId, u.id));
  return { ...u, teamIds: m.map((x) => x.teamId), leadTeamIds: m.filter((x) => x.teamRole === 'lead').map((x) => x.teamId) };
}

const input = (o: Record<string, unknown>) => experimentSchema.parse(o);
const deniedCount = async (db: Db, actorId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.actorId, actorId), eq(auditLog.outcome, 'denied'))))[0].n;

describeEachDb(
  'experiment log queries',
  (ctx) => {
    // The list tests run first, on the untouched demo data (90 experiments).
    const list = (s: string, size = 25) => listExperiments(ctx.db, parseExperimentFilters(new URLSearchParams(s)), { today: '2026-11-28' }, size);
    it('pages through every experiment exactly once', async () => {
      const first = await list('', 40);
      const ids: number[] = [];
      for (let p = 1; p <= first.pages; p++) ids.push(...(await list(`page=${p}`, 40)).rows.map((r) => r.id));
      expect(first.total).toBe(90);
      expect(new Set(ids).size).toBe(90);
    });
    it('sorts by any column in both directions', async () => {
      const asc = (await list('sort=title&dir=asc')).rows.map((r) => r.title.toLowerCase());
      expect(asc).toEqual([...asc].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const desc = (await list('sort=hoursSaved&dir=desc')).rows.map((r) => (r.hoursSavedPerMonth == null ? -Infinity : Number(r.hoursSavedPerMonth)));
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      const outcomes = (await list('sort=outcomes&dir=desc')).rows.map((r) => r.outcomes);
      expect(outcomes).toEqual([...outcomes].sort((a, b) => b - a));
    });
    it('applies the shared filters and counts the filtered total', async () => {
      const running = await list('status=running', 100);
      expect(running.rows.every((r) => r.status === 'running')).toBe(true);
      expect(running.total).toBe(running.rows.length);
      const withOutcomes = await list('hasOutcomes=yes', 100);
      expect(withOutcomes.rows.every((r) => r.outcomes > 0)).toBe(true);
    });
    let lead: SessionUser, exec: SessionUser, admin: SessionUser, otherTeam: number, modelIds: number[];
    it('loads the demo roles', async () => {
      [lead, exec, admin] = await Promise.all(['lead@uplift.demo', 'exec@uplift.demo', 'admin@uplift.demo'].map((e) => sessionUser(ctx.db, e)));
      expect(lead.leadTeamIds).toHaveLength(1);
      const all = await ctx.db.select({ id: teams.id }).from(teams);
      otherTeam = all.map((t) => t.id).find((id) => !lead.leadTeamIds.includes(id))!;
      modelIds = (await ctx.db.select({ id: aiModels.id }).from(aiModels).limit(2)).map((m) => m.id);
    });

    it('creates from a title alone into the lead’s only team, with models and an audit entry in the same transaction', async () => {
      const r = await createExperiment(ctx.db, lead, input({ title: 'Quick idea', modelIds: modelIds.map(String), primaryModelId: String(modelIds[1]) }));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const e = (await getExperimentDetail(ctx.db, r.id))!;
      expect(e).toMatchObject({ title: 'Quick idea', teamId: lead.leadTeamIds[0], ownerId: lead.id, version: 1 });
      expect(e.models.map((m) => [m.id, m.isPrimary])).toEqual(expect.arrayContaining([[modelIds[1], true], [modelIds[0], false]]));
      const history = await getExperimentHistory(ctx.db, r.id);
      expect(history.map((h) => h.action)).toEqual(['experiment.create']);
    });

    it('stores the derived hours saved (generated column agrees with the form’s figure)', async () => {
      const r = await createExperiment(ctx.db, lead, input({ title: 'Hours', hoursBeforePerTask: '2', hoursWithAiPerTask: '0.5', tasksPerMonth: '40' }));
      const e = (await getExperimentDetail(ctx.db, r.ok ? r.id : 0))!;
      expect(Number(e.hoursSavedPerMonth)).toBe(60);
    });

    it('refuses a team that does not exist with a message next to the field, writing nothing', async () => {
      const r = await createExperiment(ctx.db, admin, input({ title: 'Nowhere', teamId: '999999' }));
      expect(r).toMatchObject({ ok: false, reason: 'invalid', field: 'teamId' });
      expect(await ctx.db.select().from(experiments).where(eq(experiments.title, 'Nowhere'))).toHaveLength(0);
    });

    it('refuses a lead creating into a team they do not lead, and records the refusal', async () => {
      const before = await deniedCount(ctx.db, lead.id);
      const r = await createExperiment(ctx.db, lead, input({ title: 'Not mine', teamId: String(otherTeam) }));
      expect(r).toMatchObject({ ok: false, reason: 'denied' });
      expect(await deniedCount(ctx.db, lead.id)).toBe(before + 1);
      expect(await ctx.db.select().from(experiments).where(eq(experiments.title, 'Not mine'))).toHaveLength(0);
    });

    it('refuses every change from an executive', async () => {
      const [own] = await ctx.db.select({ id: experiments.id }).from(experiments).where(eq(experiments.teamId, lead.leadTeamIds[0])).limit(1);
      expect((await createExperiment(ctx.db, exec, input({ title: 'Exec', teamId: String(otherTeam) }))).ok).toBe(false);
      expect(await updateExperiment(ctx.db, exec, own.id, 1, input({ title: 'Exec edit' }))).toMatchObject({ ok: false, reason: 'denied' });
      expect(await setArchived(ctx.db, exec, own.id, true)).toMatchObject({ ok: false, reason: 'denied' });
      expect(await addOutcome(ctx.db, exec, own.id, outcomeSchema.parse({ type: 'insight', description: 'x', impact: '3' }))).toMatchObject({ ok: false, reason: 'denied' });
      expect(await addCheckin(ctx.db, exec, own.id, checkinSchema.parse({ date: '2026-01-01', note: 'a note' }))).toMatchObject({ ok: false, reason: 'denied' });
      expect(await deniedCount(ctx.db, exec.id)).toBeGreaterThanOrEqual(5);
    });

    it('edits with the loaded version, and refuses a stale version without overwriting anything', async () => {
      const c = await createExperiment(ctx.db, lead, input({ title: 'Versioned', description: 'first' }));
      if (!c.ok) throw new Error('create failed');
      const first = await updateExperiment(ctx.db, lead, c.id, 1, input({ title: 'Versioned', description: 'second', status: 'running' }));
      expect(first).toMatchObject({ ok: true, version: 2 });
      const stale = await updateExperiment(ctx.db, lead, c.id, 1, input({ title: 'Overwritten?', description: 'stale' }));
      expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
      const e = (await getExperimentDetail(ctx.db, c.id))!;
      expect(e).toMatchObject({ title: 'Versioned', description: 'second', status: 'running', version: 2 });
      const [edit] = (await getExperimentHistory(ctx.db, c.id)).filter((h) => h.action === 'experiment.update');
      expect(edit.before).toMatchObject({ description: 'first', status: 'proposed' });
      expect(edit.after).toMatchObject({ description: 'second', status: 'running' });
      expect(Object.keys(edit.after as object)).not.toContain('title');
    });

    it('writes only the links that changed: a title edit rewrites none, a new primary changes two flags', async () => {
      const ids = (await ctx.db.select({ id: aiModels.id }).from(aiModels).orderBy(aiModels.id).limit(3)).map((m) => m.id);
      const c = await createExperiment(ctx.db, lead, input({ title: 'Links', modelIds: ids.slice(0, 2).map(String), primaryModelId: String(ids[0]) }));
      if (!c.ok) throw new Error('create failed');
      // xmin names the transaction that wrote a row version: unchanged means the row was not rewritten.
      const rows = async () => {
        const r = (await ctx.db.execute(sql`select model_id as "modelId", is_primary as "primary", xmin::text as "writtenBy" from experiment_models
            where experiment_id = ${c.id} order by model_id`)) as unknown;
        return (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { modelId: number; primary: boolean; writtenBy: string }[];
      };
      const created = await rows();
      const same = { modelIds: ids.slice(0, 2).map(String), primaryModelId: String(ids[0]) };
      expect(await updateExperiment(ctx.db, lead, c.id, 1, input({ title: 'Links renamed', ...same }))).toMatchObject({ ok: true, version: 2 });
      expect(await rows()).toEqual(created);
      expect(await updateExperiment(ctx.db, lead, c.id, 2, input({ title: 'Links renamed', modelIds: ids.map(String), primaryModelId: String(ids[1]) }))).toMatchObject({
        ok: true,
      });
      const after = await rows();
      expect(after.map((r) => [r.modelId, r.primary])).toEqual([
        [ids[0], false],
        [ids[1], true],
        [ids[2], false],
      ]);
      expect(after[0].writtenBy).not.toBe(created[0].writtenBy);
      expect(after[1].writtenBy).not.toBe(created[1].writtenBy);
      expect(await updateExperiment(ctx.db, lead, c.id, 3, input({ title: 'Links renamed', modelIds: [String(ids[2])], primaryModelId: String(ids[2]) }))).toMatchObject({
        ok: true,
      });
      expect((await rows()).map((r) => [r.modelId, r.primary, r.writtenBy === after[2].writtenBy])).toEqual([[ids[2], true, false]]);
      const [e] = await ctx.db.select({ n: experiments.modelCount }).from(experiments).where(eq(experiments.id, c.id));
      expect(e.n).toBe(1);
    });

    it('lets exactly one of two concurrent saves of the same version win', async () => {
      const c = await createExperiment(ctx.db, lead, input({ title: 'Race' }));
      if (!c.ok) throw new Error('create failed');
      const results = await Promise.all([
        updateExperiment(ctx.db, lead, c.id, 1, input({ title: 'Race A' })),
        updateExperiment(ctx.db, lead, c.id, 1, input({ title: 'Race B' })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(1);
      expect((await getExperimentDetail(ctx.db, c.id))!.version).toBe(2);
    });

    it('refuses a lead moving their experiment to another team, and editing another team’s experiment', async () => {
      const c = await createExperiment(ctx.db, lead, input({ title: 'Stay home' }));
      if (!c.ok) throw new Error('create failed');
      expect(await updateExperiment(ctx.db, lead, c.id, 1, input({ title: 'Moved', teamId: String(otherTeam) }))).toMatchObject({ reason: 'denied' });
      const [foreign] = await ctx.db.select({ id: experiments.id, version: experiments.version }).from(experiments).where(eq(experiments.teamId, otherTeam)).limit(1);
      expect(await updateExperiment(ctx.db, lead, foreign.id, foreign.version, input({ title: 'Hijack' }))).toMatchObject({ reason: 'denied' });
      expect(await updateExperiment(ctx.db, admin, foreign.id, foreign.version, input({ title: 'Admin may', teamId: String(otherTeam) }))).toMatchObject({ ok: true });
    });

    it('refuses a lead of another team who edits an experiment naming their own team as the destination, and records it', async () => {
      const c = await createExperiment(ctx.db, lead, input({ title: 'Lead’s own' }));
      if (!c.ok) throw new Error('create failed');
      const [otherLead] = await ctx.db.select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.teamId, otherTeam), eq(teamMembers.teamRole, 'lead')));
      const intruder = await sessionUser(ctx.db, (await ctx.db.select({ email: user.email }).from(user).where(eq(user.id, otherLead.userId)))[0].email);
      const before = await deniedCount(ctx.db, intruder.id);
      // The destination is a team the intruder leads; the experiment's current team is not.
      expect(await updateExperiment(ctx.db, intruder, c.id, 1, input({ title: 'Taken over', teamId: String(otherTeam) }))).toMatchObject({ ok: false, reason: 'denied' });
      expect((await getExperimentDetail(ctx.db, c.id))!).toMatchObject({ title: 'Lead’s own', teamId: lead.leadTeamIds[0], version: 1 });
      expect(await deniedCount(ctx.db, intruder.id)).toBe(before + 1);
    });

    it('the UPDATE’s version guard alone refuses a save of an older version (the only version check)', async () => {
      const c = await createExperiment(ctx.db, lead, input({ title: 'Guarded' }));
      if (!c.ok) throw new Error('create failed');
      // Someone else's save moved the version on; a form loaded at version 1 is then submitted.
      await ctx.db.update(experiments).set({ description: 'their change', version: 2 }).where(eq(experiments.id, c.id));
      expect(await updateExperiment(ctx.db, lead, c.id, 1, input({ title: 'Mine', description: 'mine' }))).toMatchObject({ ok: false, reason: 'conflict' });
      expect((await getExperimentDetail(ctx.db, c.id))!).toMatchObject({ title: 'Guarded', description: 'their change', version: 2 });
      expect((await getExperimentHistory(ctx.db, c.id)).map((h) => h.action)).toEqual(['experiment.create']);
    });

    it('rolls the whole save back when a part fails (nothing half-written)', async () => {
      const c = await createExperiment(ctx.db, lead, input({ title: 'Atomic' }));
      if (!c.ok) throw new Error('create failed');
      const bad = input({ title: 'Atomic changed' });
      // A start date after the end date passes no form, but the database check still guards it.
      await expect(updateExperiment(ctx.db, lead, c.id, 1, { ...bad, startDate: '2026-05-01', endDate: '2026-01-01' })).rejects.toThrow();
      const e = (await getExperimentDetail(ctx.db, c.id))!;
      expect(e).toMatchObject({ title: 'Atomic', version: 1 });
      expect((await getExperimentHistory(ctx.db, c.id)).map((h) => h.action)).toEqual(['experiment.create']);
    });

    it('adds and removes outcomes and check-ins, each with its audit entry', async () => {
      const c = await createExperiment(ctx.db, lead, input({ title: 'Children' }));
      if (!c.ok) throw new Error('create failed');
      const o1 = await addOutcome(ctx.db, lead, c.id, outcomeSchema.parse({ type: 'insight', description: 'Saw churn early', impact: '4' }));
      await addOutcome(ctx.db, lead, c.id, outcomeSchema.parse({ type: 'synthesis', description: 'One view of 40 reports', impact: '5', evidence: 'https://example.org' }));
      await addCheckin(ctx.db, lead, c.id, checkinSchema.parse({ date: '2026-02-01', hoursBeforePerTask: '2', hoursWithAiPerTask: '1', tasksPerMonth: '10' }));
      await addCheckin(ctx.db, lead, c.id, checkinSchema.parse({ date: '2026-03-01', hoursBeforePerTask: '2', hoursWithAiPerTask: '0.5', tasksPerMonth: '10', note: 'better prompts' }));
      let e = (await getExperimentDetail(ctx.db, c.id))!;
      expect(e.outcomes.map((o) => o.impact)).toEqual([5, 4]);
      expect(e.checkins.map((k) => Number(k.hoursSavedPerMonth))).toEqual([10, 15]);
      expect(e.version).toBe(1); // children do not stale an open edit form
      if (o1.ok) expect((await deleteOutcome(ctx.db, lead, c.id, o1.id)).ok).toBe(true);
      e = (await getExperimentDetail(ctx.db, c.id))!;
      expect(e.outcomes).toHaveLength(1);
      const actions = (await getExperimentHistory(ctx.db, c.id)).map((h) => h.action);
      expect(actions.filter((a) => a === 'outcome.create')).toHaveLength(2);
      expect(actions).toContain('outcome.delete');
      expect(actions.filter((a) => a === 'checkin.create')).toHaveLength(2);
    });

    it('archives out of the list, restores into it, and keeps the history', async () => {
      const c = await createExperiment(ctx.db, lead, input({ title: 'Archive me zq' }));
      if (!c.ok) throw new Error('create failed');
      const find = (s: string) => listExperiments(ctx.db, parseExperimentFilters(new URLSearchParams(s)));
      expect((await find('q=Archive me zq')).total).toBe(1);
      expect((await setArchived(ctx.db, lead, c.id, true)).ok).toBe(true);
      expect((await find('q=Archive me zq')).total).toBe(0);
      expect((await find('q=Archive me zq&archived=only')).total).toBe(1);
      // A form opened before archiving is now stale.
      expect(await updateExperiment(ctx.db, lead, c.id, 1, input({ title: 'x' }))).toMatchObject({ reason: 'conflict' });
      expect((await setArchived(ctx.db, lead, c.id, false)).ok).toBe(true);
      expect((await find('q=Archive me zq')).total).toBe(1);
      expect((await getExperimentHistory(ctx.db, c.id)).map((h) => h.action)).toEqual(['experiment.restore', 'experiment.archive', 'experiment.create']);
    });
  },
  { demo: true, today: '2026-11-28' },
);
