import { and, desc, eq, ne, notInArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { NOT_A_MEMBER, ownerChoices, reassignOwner } from '@/db/queries/experiments/owner';
import { CONFLICT_MESSAGE, createExperiment, DENIED_MESSAGE } from '@/db/queries/experiments/write';
import { auditLog, experiments, teamMembers, user } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { experimentSchema } from '@/lib/validation/experiment';
import { describeEachDb } from './helpers/db';

async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, email));
  const m = await db.select().from(teamMembers).where(eq(teamMembers.userId, u.id));
  return { ...u, teamIds: m.map((x) => x.teamId), leadTeamIds: m.filter((x) => x.teamRole === 'lead').map((x) => x.teamId) };
}
const denied = async (db: Db, actorId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.actorId, actorId), eq(auditLog.outcome, 'denied'), eq(auditLog.action, 'denied:experiment.owner'))))[0].n;

describeEachDb(
  'reassigning an experiment’s owner',
  (ctx) => {
    it('a lead hands it to a member of the team, audited; others, strangers and stale pages are refused', async () => {
      const [lead, exec, admin] = await Promise.all(['lead@uplift.demo', 'exec@uplift.demo', 'admin@uplift.demo'].map((e) => sessionUser(ctx.db, e)));
      const team = lead.leadTeamIds[0];
      const c = await createExperiment(ctx.db, lead, experimentSchema.parse({ title: 'Hand over' }));
      if (!c.ok) throw new Error(c.message);
      const members = await ownerChoices(ctx.db, team);
      const member = members.find((m) => m.id !== lead.id);
      if (!member) throw new Error('the demo team needs a second member');
      const inTeam = ctx.db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, team));
      const [stranger] = await ctx.db.select({ id: user.id }).from(user).where(and(ne(user.id, lead.id), notInArray(user.id, inTeam))).limit(1);

      expect(await reassignOwner(ctx.db, lead, c.id, 1, stranger.id)).toEqual({ ok: false, reason: 'invalid', field: 'ownerId', message: NOT_A_MEMBER });
      const execDenied = await denied(ctx.db, exec.id);
      expect(await reassignOwner(ctx.db, exec, c.id, 1, member.id)).toEqual({ ok: false, reason: 'denied', message: DENIED_MESSAGE });
      expect(await denied(ctx.db, exec.id)).toBe(execDenied + 1);

      expect(await reassignOwner(ctx.db, lead, c.id, 1, member.id)).toEqual({ ok: true, id: c.id, version: 2 });
      const [row] = await ctx.db.select({ ownerId: experiments.ownerId, version: experiments.version }).from(experiments).where(eq(experiments.id, c.id));
      expect(row).toEqual({ ownerId: member.id, version: 2 });
      const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'experiment.owner')).orderBy(desc(auditLog.id)).limit(1);
      expect(audit).toMatchObject({ actorId: lead.id, entityType: 'experiment', entityId: String(c.id), outcome: 'ok', before: { ownerId: lead.id }, after: { ownerId: member.id } });

      // A page loaded before that change is refused; an admin with the current version may hand it back.
      expect(await reassignOwner(ctx.db, admin, c.id, 1, lead.id)).toEqual({ ok: false, reason: 'conflict', message: CONFLICT_MESSAGE });
      expect(await reassignOwner(ctx.db, admin, c.id, 2, lead.id)).toEqual({ ok: true, id: c.id, version: 3 });
    });
  },
  { demo: true, today: '2026-11-28' },
);
