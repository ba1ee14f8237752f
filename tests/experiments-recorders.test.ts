// Issue 23 §1: an admin lets the people who ran an experiment (its owner, its listed participants) add its
// outcomes, check-ins and techniques through a per-team setting, not a role. The rule (lib/auth/permissions.ts)
// and its enforcement inside the write transactions, on both databases.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addCheckin, addOutcome } from '@/db/queries/experiments/children';
import { updateCheckin } from '@/db/queries/experiments/corrections';
import { ADD_DENIED_MESSAGE, createExperiment } from '@/db/queries/experiments/write';
import { setParticipantsMayRecord } from '@/db/queries/people/teams';
import { addTechnique } from '@/db/queries/techniques/write';
import { actorOf } from '@/db/queries/admin/audit';
import { auditLog, capabilityOutcomes, checkins, experiments, teamMembers, teams, techniques, user } from '@/db/schema';
import { insertUserWithPassword } from '@/db/seed/demo';
import type { Db } from '@/db/types';
import { mayAddResults, ranExperiment, type SessionUser } from '@/lib/auth/permissions';
import { checkinSchema, experimentSchema, outcomeSchema } from '@/lib/validation/experiment';
import { techniqueSchema } from '@/lib/validation/technique';
import { describeEachDb } from './helpers/db';

describe('who ran an experiment (pure rule)', () => {
  const e = { ownerId: 'u_owner', participants: 'Ana Lima\n  pia@example.test \n\nBen', teamId: 7 };
  const person = (over: Partial<{ id: string; email: string; name: string; teamIds: number[] }>) => ({ id: 'u_x', email: 'x@example.test', name: 'Xavier', teamIds: [], ...over });

  it('is the owner, or a participant line naming the person by email (any team) or by name (members of the team only)', () => {
    expect(ranExperiment(person({ id: 'u_owner' }), e)).toBe(true);
    expect(ranExperiment(person({ email: 'PIA@example.test' }), e)).toBe(true);
    expect(ranExperiment(person({ name: 'ana  lima', teamIds: [7] }), e)).toBe(true);
    expect(ranExperiment(person({ name: 'Ana Lima', teamIds: [8] }), e)).toBe(false);
    expect(ranExperiment(person({ name: 'Ana', teamIds: [7] }), e)).toBe(false);
    expect(ranExperiment(person({}), e)).toBe(false);
    expect(ranExperiment(person({ id: 'u_owner' }), { ...e, ownerId: null })).toBe(false);
  });

  it('lets them add only where the team allows it; a lead of the team and an admin always may', () => {
    const pia = { ...person({ email: 'pia@example.test' }), role: 'executive' as const, leadTeamIds: [] };
    expect(mayAddResults(pia, e, { participantsMayRecord: true })).toBe(true);
    expect(mayAddResults(pia, e, { participantsMayRecord: false })).toBe(false);
    expect(mayAddResults({ ...person({}), role: 'lead', leadTeamIds: [7] }, e, { participantsMayRecord: false })).toBe(true);
    expect(mayAddResults({ ...person({}), role: 'lead', leadTeamIds: [8] }, e, { participantsMayRecord: true })).toBe(false);
    expect(mayAddResults({ ...person({}), role: 'admin', leadTeamIds: [] }, e, { participantsMayRecord: false })).toBe(true);
  });
});

async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, email));
  const m = await db.select().from(teamMembers).where(eq(teamMembers.userId, u.id));
  return { ...u, teamIds: m.map((x) => x.teamId), leadTeamIds: m.filter((x) => x.teamRole === 'lead').map((x) => x.teamId) };
}

const count = async (db: Db, table: typeof checkins | typeof capabilityOutcomes | typeof techniques, experimentId: number) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.experimentId, experimentId)))[0].n;
const deniedCount = async (db: Db, actorId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.actorId, actorId), eq(auditLog.outcome, 'denied'))))[0].n;

const checkin = checkinSchema.parse({ date: '2026-06-01', hoursBeforePerTask: '2', hoursWithAiPerTask: '1', tasksPerMonth: '10', note: 'from the field' });
const outcome = outcomeSchema.parse({ type: 'insight', description: 'Spotted churn early', impact: '4', recordedOn: '2026-06-02' });
const technique = techniqueSchema.parse({ kind: 'prompt_pattern', title: 'Ask for the counter-argument', promptText: 'Argue against this plan:' });

describeEachDb(
  'the people who ran an experiment add its results when their team allows it',
  (ctx) => {
    let admin: SessionUser, lead: SessionUser, exec: SessionUser;
    let byEmail: SessionUser, byName: SessionUser, outsider: SessionUser, owner: SessionUser;
    let teamId: number, expId: number;

    const newPerson = async (name: string, inTeam: boolean) => {
      const id = `u_rec_${name.toLowerCase().replace(/\W/g, '')}`;
      await insertUserWithPassword(ctx.db, { id, email: `${id}@example.test`, name, role: 'executive', passwordHash: 'x' });
      if (inTeam) await ctx.db.insert(teamMembers).values({ teamId, userId: id, teamRole: 'member' });
      return sessionUser(ctx.db, `${id}@example.test`);
    };

    it('sets up an experiment of the lead’s team with an owner who is no lead and two listed participants', async () => {
      [admin, lead, exec] = await Promise.all(['admin@uplift.demo', 'lead@uplift.demo', 'exec@uplift.demo'].map((e) => sessionUser(ctx.db, e)));
      teamId = lead.leadTeamIds[0];
      byEmail = await newPerson('Pia Email', false);
      byName = await newPerson('Noor Name', true);
      outsider = await newPerson('Noor Name Elsewhere', false);
      owner = await newPerson('Olu Owner', true);
      const c = await createExperiment(ctx.db, lead, experimentSchema.parse({ title: 'Field notes', teamId: String(teamId), participants: `${byEmail.email}\nNoor Name` }));
      if (!c.ok) throw new Error(c.message);
      expId = c.id;
      await ctx.db.update(experiments).set({ ownerId: owner.id }).where(eq(experiments.id, expId));
      // The outsider has the same name as a participant, but is not in the team: a name alone does not identify them.
      await ctx.db.update(user).set({ name: 'Noor Name' }).where(eq(user.id, outsider.id));
      outsider = { ...outsider, name: 'Noor Name' };
      const [t] = await ctx.db.select({ on: teams.participantsMayRecord }).from(teams).where(eq(teams.id, teamId));
      expect(t.on).toBe(false);
    });

    it('while the setting is off, a participant is refused inside the transaction, recorded as denied, nothing written', async () => {
      const denied = await deniedCount(ctx.db, byEmail.id);
      expect(await addCheckin(ctx.db, byEmail, expId, checkin)).toEqual({ ok: false, reason: 'denied', message: ADD_DENIED_MESSAGE });
      expect(await addOutcome(ctx.db, byEmail, expId, outcome)).toEqual({ ok: false, reason: 'denied', message: ADD_DENIED_MESSAGE });
      expect(await addTechnique(ctx.db, owner, expId, technique)).toEqual({ ok: false, reason: 'denied', message: ADD_DENIED_MESSAGE });
      expect(await deniedCount(ctx.db, byEmail.id)).toBe(denied + 2);
      expect([await count(ctx.db, checkins, expId), await count(ctx.db, capabilityOutcomes, expId), await count(ctx.db, techniques, expId)]).toEqual([0, 0, 0]);
    });

    it('an admin turns it on for the team (audited); saying the same again writes nothing', async () => {
      expect(await ctx.db.transaction((tx) => setParticipantsMayRecord(tx, actorOf(admin), teamId, true))).toEqual({ ok: true });
      expect(await ctx.db.transaction((tx) => setParticipantsMayRecord(tx, actorOf(admin), teamId, true))).toEqual({ ok: false, reason: 'conflict', message: 'Its participants may already record.' });
      expect(await ctx.db.transaction((tx) => setParticipantsMayRecord(tx, actorOf(admin), 2_000_000_000, true))).toEqual({ ok: false, reason: 'not_found', message: 'That team no longer exists.' });
      const audits = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'team.recording'), eq(auditLog.entityId, String(teamId))));
      expect(audits.map((a) => [a.actorId, a.before, a.after])).toEqual([[admin.id, { participantsMayRecord: false }, { participantsMayRecord: true }]]);
    });

    it('then the owner and both participants add check-ins, outcomes and techniques', async () => {
      expect(await addCheckin(ctx.db, byEmail, expId, checkin)).toMatchObject({ ok: true, version: 1 });
      expect(await addOutcome(ctx.db, byName, expId, outcome)).toMatchObject({ ok: true, version: 1 });
      expect(await addTechnique(ctx.db, owner, expId, technique)).toMatchObject({ ok: true, version: 1 });
      expect([await count(ctx.db, checkins, expId), await count(ctx.db, capabilityOutcomes, expId), await count(ctx.db, techniques, expId)]).toEqual([1, 1, 1]);
      const [row] = await ctx.db.select({ createdBy: checkins.createdBy }).from(checkins).where(eq(checkins.experimentId, expId));
      expect(row.createdBy).toBe(byEmail.id);
      const [current] = await ctx.db.select({ hours: experiments.currentHoursSavedPerMonth, outcomes: experiments.outcomeCount }).from(experiments).where(eq(experiments.id, expId));
      expect(current).toEqual({ hours: '10.00', outcomes: 1 });
    });

    it('still refuses people who did not run it: an executive, a namesake outside the team; and correcting stays with leads', async () => {
      for (const who of [exec, outsider]) expect(await addCheckin(ctx.db, who, expId, checkin)).toEqual({ ok: false, reason: 'denied', message: ADD_DENIED_MESSAGE });
      const [c] = await ctx.db.select({ id: checkins.id }).from(checkins).where(eq(checkins.experimentId, expId));
      expect(await updateCheckin(ctx.db, byEmail, expId, c.id, 1, checkin)).toMatchObject({ ok: false, reason: 'denied' });
      expect(await count(ctx.db, checkins, expId)).toBe(1);
    });

    it('the setting is per team: another team’s experiment run by the same people stays closed', async () => {
      const otherTeam = (await ctx.db.select({ id: teams.id }).from(teams).where(sql`${teams.id} <> ${teamId}`).limit(1))[0].id;
      const c = await createExperiment(ctx.db, admin, experimentSchema.parse({ title: 'Elsewhere', teamId: String(otherTeam), participants: byEmail.email }));
      if (!c.ok) throw new Error(c.message);
      expect(await addCheckin(ctx.db, byEmail, c.id, checkin)).toEqual({ ok: false, reason: 'denied', message: ADD_DENIED_MESSAGE });
      expect(await ctx.db.transaction((tx) => setParticipantsMayRecord(tx, actorOf(admin), teamId, false))).toEqual({ ok: true });
      expect(await addCheckin(ctx.db, byEmail, expId, checkin)).toEqual({ ok: false, reason: 'denied', message: ADD_DENIED_MESSAGE });
    });
  },
  { demo: true },
);
