// Data integrity under failure and concurrency: a change and its audit entry commit together or not
// at all; many concurrent writers lose nothing; racing duplicates get a message, never a 500.
import { eq, like, sql } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { createTeamAction, createUserAction, setRoleAction } from '@/app/(app)/admin/actions';
import { updateExperimentAction } from '@/app/(app)/experiments/actions';
import { createModelAction } from '@/app/(app)/models/actions';
import { POST as importModels } from '@/app/api/models/import/route';
import { CONFLICT_MESSAGE } from '@/db/queries/experiments/write';
import { aiModels, auditLog, experimentModels, experiments, teams, user } from '@/db/schema';
import { modelImportCsv, newExperiment } from './helpers/action-fixtures';
import { describeEachDb } from './helpers/db';
import { LEAK, actAs, actionOutcome, formDataOf, installDb, loadFixtures, type Fixtures } from './helpers/security-harness';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

const WRITERS = Number(process.env.CONCURRENT_WRITERS ?? 50);

describeEachDb(
  'data integrity',
  (ctx) => {
    let fx: Fixtures;
    beforeAll(async () => {
      installDb(ctx.db, ctx.kind);
      fx = await loadFixtures(ctx.db);
    });

    it('a change whose audit entry fails is rolled back: nothing half-written', async () => {
      const target = await fx.newUser('executive');
      // Fault injection (the owner's power): the audit insert for role changes fails inside the action's transaction.
      await ctx.ownerDb.execute(sql.raw(`
        create or replace function fail_role_audit() returns trigger as $$
        begin if new.action = 'user.role' then raise exception 'injected audit failure'; end if; return new; end $$ language plpgsql`));
      await ctx.ownerDb.execute(sql.raw(`create trigger fail_role_audit before insert on audit_log for each row execute function fail_role_audit()`));
      try {
        await actAs(fx, 'admin');
        const outcome = await actionOutcome(() => setRoleAction({}, formDataOf({ userId: target.id, role: 'admin' })));
        expect(outcome.kind).toBe('crash');
      } finally {
        await ctx.ownerDb.execute(sql.raw(`drop trigger fail_role_audit on audit_log`));
      }
      const [row] = await ctx.db.select({ role: user.role }).from(user).where(eq(user.id, target.id));
      expect(row.role).toBe('executive');
    });

    it(`${WRITERS} concurrent writers: every accepted write is stored, with its audit entry`, async () => {
      await actAs(fx, 'admin');
      const prefix = `Load ${fx.uid()}`;
      const outcomes = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) => actionOutcome(() => createTeamAction({}, formDataOf({ name: `${prefix} ${i}`, function: 'load' })))),
      );
      const accepted = outcomes.filter((o) => o.kind === 'ok').length;
      expect(accepted).toBe(WRITERS);
      const stored = await ctx.db.select({ id: teams.id }).from(teams).where(like(teams.name, `${prefix} %`));
      expect(stored).toHaveLength(accepted);
      const audited = await ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(sql`${auditLog.action} = 'team.create' and ${auditLog.entityId} in (${sql.join(stored.map((s) => sql`${String(s.id)}`), sql`, `)})`);
      expect(audited[0].n).toBe(accepted);
    });

    it(`${WRITERS} concurrent role changes of one user: each is audited, the last one stands`, async () => {
      const target = await fx.newUser('executive');
      await actAs(fx, 'admin');
      const roles = Array.from({ length: WRITERS }, (_, i) => (i % 2 ? 'lead' : 'executive'));
      const outcomes = await Promise.all(roles.map((role) => actionOutcome(() => setRoleAction({}, formDataOf({ userId: target.id, role })))));
      expect(outcomes.every((o) => o.kind === 'ok')).toBe(true);
      const entries = await ctx.db.select().from(auditLog).where(sql`${auditLog.action} = 'user.role' and ${auditLog.entityId} = ${target.id}`);
      expect(entries).toHaveLength(WRITERS);
      const [row] = await ctx.db.select({ role: user.role }).from(user).where(eq(user.id, target.id));
      const last = entries.sort((a, b) => a.id - b.id).at(-1)!.after as { role: string };
      expect(row.role).toBe(last.role);
    });

    it('two edits of one experiment from the same version at once: one is saved, the other is told and overwrites nothing', async () => {
      const id = await newExperiment(fx, fx.teams.own);
      const [m1, m2] = await ctx.db.select({ id: aiModels.id }).from(aiModels).orderBy(aiModels.id).limit(2);
      const auditBefore = await ctx.db.select({ id: auditLog.id }).from(auditLog).where(sql`${auditLog.action} = 'experiment.update' and ${auditLog.entityId} = ${String(id)}`);
      await actAs(fx, 'admin');
      const edit = (title: string, modelId: number) =>
        actionOutcome(() =>
          updateExperimentAction({}, formDataOf({ id: String(id), version: '1', title, teamId: String(fx.teams.own), status: 'running', modelIds: String(modelId) })),
        );
      const outcomes = await Promise.all([edit('Edit from tab A', m1.id), edit('Edit from tab B', m2.id)]);
      const accepted = outcomes.filter((o) => o.kind === 'ok');
      const refused = outcomes.filter((o) => o.kind === 'invalid');
      expect(accepted).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0].kind === 'invalid' && refused[0].state?.error).toBe(CONFLICT_MESSAGE);
      // The winner's edit is stored whole (title and models); the loser's left no trace.
      const winner = outcomes[0].kind === 'ok' ? { title: 'Edit from tab A', model: m1.id } : { title: 'Edit from tab B', model: m2.id };
      const [row] = await ctx.db.select({ title: experiments.title, version: experiments.version }).from(experiments).where(eq(experiments.id, id));
      expect(row).toEqual({ title: winner.title, version: 2 });
      const models = await ctx.db.select({ modelId: experimentModels.modelId }).from(experimentModels).where(eq(experimentModels.experimentId, id));
      expect(models).toEqual([{ modelId: winner.model }]);
      const auditAfter = await ctx.db.select({ after: auditLog.after }).from(auditLog).where(sql`${auditLog.action} = 'experiment.update' and ${auditLog.entityId} = ${String(id)}`);
      expect(auditAfter).toHaveLength(auditBefore.length + 1);
      // A third save from the same stale version is refused as well.
      const stale = await edit('Edit from tab C', m1.id);
      expect(stale.kind === 'invalid' && stale.state?.error).toBe(CONFLICT_MESSAGE);
      const [still] = await ctx.db.select({ title: experiments.title }).from(experiments).where(eq(experiments.id, id));
      expect(still.title).toBe(winner.title);
    });

    it('ten admins adding a model with the same slug at once: exactly one model, the others get a message', async () => {
      await actAs(fx, 'admin');
      const slug = `race-${fx.uid()}`;
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, () =>
          actionOutcome(() => createModelAction({}, formDataOf({ slug, name: 'Racer', vendor: 'OpenAI', releaseDate: '2026-03-01', dataPolicy: 'unknown' }))),
        ),
      );
      expect(outcomes.filter((o) => o.kind === 'crash')).toEqual([]);
      expect(outcomes.filter((o) => o.kind === 'ok')).toHaveLength(1);
      for (const o of outcomes.filter((x) => x.kind === 'invalid'))
        expect(o.kind === 'invalid' && o.state?.fieldErrors?.slug).toEqual(['Another model already has this slug.']);
      expect(await ctx.db.select().from(aiModels).where(eq(aiModels.slug, slug))).toHaveLength(1);
    });

    it('five imports of the same new model at once: one model, every other import says so without internals', async () => {
      const headers = await actAs(fx, 'admin');
      const csv = modelImportCsv(fx);
      const slug = csv.split('\n')[1].split(',')[0];
      const bodies = await Promise.all(
        Array.from({ length: 5 }, async () => (await importModels(new Request('http://localhost:3000/api/models/import', { method: 'POST', headers, body: csv }))).text()),
      );
      const last = bodies.map((b) => JSON.parse(b.trim().split('\n').at(-1)!) as { result?: unknown; error?: string });
      expect(last.filter((l) => l.result).length).toBeGreaterThanOrEqual(1);
      for (const l of last.filter((x) => x.error)) expect(l.error).not.toMatch(LEAK);
      expect(await ctx.db.select().from(aiModels).where(eq(aiModels.slug, slug))).toHaveLength(1);
    });

    it('ten admins creating the same email at once: exactly one user, the others get a message', async () => {
      await actAs(fx, 'admin');
      const email = `race.${fx.uid()}@example.com`;
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, () => actionOutcome(() => createUserAction({}, formDataOf({ name: 'Racer', email, role: 'executive', teamId: '', teamRole: 'member' })))),
      );
      expect(outcomes.filter((o) => o.kind === 'crash')).toEqual([]);
      expect(outcomes.filter((o) => o.kind === 'ok')).toHaveLength(1);
      for (const o of outcomes.filter((x) => x.kind === 'invalid'))
        expect(o.kind === 'invalid' && o.state?.fieldErrors?.email).toEqual(['Someone already has this email address.']);
      expect(await ctx.db.select().from(user).where(eq(user.email, email))).toHaveLength(1);
    });
  },
  { demo: true },
);
