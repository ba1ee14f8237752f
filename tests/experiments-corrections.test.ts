import { and, desc, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addCheckin, addOutcome, deleteOutcome } from '@/db/queries/experiments/children';
import { CHILD_MESSAGES } from '@/db/queries/experiments/child-version';
import { deleteCheckin, updateCheckin, updateOutcome } from '@/db/queries/experiments/corrections';
import { dashboard } from '@/db/queries/dashboard/cached';
import { readDataVersion } from '@/db/queries/data-version';
import { createExperiment } from '@/db/queries/experiments/write';
import { auditLog, capabilityOutcomes, checkins, experiments, teamMembers, user } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { checkinSchema, experimentSchema, outcomeSchema } from '@/lib/validation/experiment';
import { asOlderBackup, backupFileOf, inFreshRestore } from './helpers/backup-roundtrip';
import { describeEachDb } from './helpers/db';

async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, email));
  const m = await db.select().from(teamMembers).where(eq(teamMembers.userId, u.id));
  return { ...u, teamIds: m.map((x) => x.teamId), leadTeamIds: m.filter((x) => x.teamRole === 'lead').map((x) => x.teamId) };
}

const lastAudit = async (db: Db, action: string) =>
  (await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
const current = async (db: Db, id: number) =>
  (await db.select({ hours: experiments.currentHoursSavedPerMonth, spend: experiments.currentSpendMonthlyCents, outcomes: experiments.outcomeCount }).from(experiments).where(eq(experiments.id, id)))[0];
const deniedCount = async (db: Db, actorId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.actorId, actorId), eq(auditLog.outcome, 'denied'))))[0].n;

describeEachDb(
  'correcting check-ins and outcomes',
  (ctx) => {
    let lead: SessionUser, exec: SessionUser, expId: number, f: DashboardFilters;
    let first: number, latest: number;
    const typo = { date: '2026-05-01', hoursBeforePerTask: '2', hoursWithAiPerTask: '1.5', tasksPerMonth: '10', spendMonthly: '5000' };

    it('sets up an experiment with two check-ins, the latest with a typo', async () => {
      [lead, exec] = await Promise.all(['lead@uplift.demo', 'exec@uplift.demo'].map((e) => sessionUser(ctx.db, e)));
      const c = await createExperiment(ctx.db, lead, experimentSchema.parse({ title: 'Typo fix', status: 'running', startDate: '2026-03-01' }));
      if (!c.ok) throw new Error(c.message);
      expId = c.id;
      f = { period: { from: '2026-01-01', to: '2026-12-31' }, previous: null, today: '2026-11-28', team: [lead.leadTeamIds[0]] };
      const a = await addCheckin(ctx.db, lead, expId, checkinSchema.parse({ date: '2026-04-01', hoursBeforePerTask: '2', hoursWithAiPerTask: '1', tasksPerMonth: '10', spendMonthly: '100' }));
      const b = await addCheckin(ctx.db, lead, expId, checkinSchema.parse(typo));
      if (!a.ok || !b.ok) throw new Error('check-in failed');
      [first, latest] = [a.id, b.id];
      expect(b.version).toBe(1);
      expect(await current(ctx.db, expId)).toEqual({ hours: '5.00', spend: 500000, outcomes: 0 });
    });

    it('an edit of the latest check-in moves the experiment’s current figures and the (cached) dashboard KPI at once, audited before/after', async () => {
      const before = await dashboard.kpis(ctx.db, f);
      const version = await readDataVersion(ctx.db);
      const r = await updateCheckin(ctx.db, lead, expId, latest, 1, checkinSchema.parse({ ...typo, hoursWithAiPerTask: '0.5', spendMonthly: '50' }));
      expect(r).toEqual({ ok: true, id: latest, version: 2 });
      expect(await current(ctx.db, expId)).toEqual({ hours: '15.00', spend: 5000, outcomes: 0 });
      expect(Number(await readDataVersion(ctx.db))).toBeGreaterThan(Number(version));
      const after = await dashboard.kpis(ctx.db, f);
      expect(after.current.hoursSavedPerMonth - before.current.hoursSavedPerMonth).toBe(10);
      expect(after.current.spendMonthlyCents - before.current.spendMonthlyCents).toBe(5000 - 500000);
      const audit = await lastAudit(ctx.db, 'checkin.update');
      expect(audit).toMatchObject({ actorId: lead.id, entityType: 'experiment', entityId: String(expId), outcome: 'ok' });
      expect(audit.before).toEqual({ checkinId: latest, hoursWithAiPerTask: '1.5', spendMonthlyCents: 500000 });
      expect(audit.after).toEqual({ checkinId: latest, hoursWithAiPerTask: '0.5', spendMonthlyCents: 5000 });
    });

    it('refuses a stale check-in form with a sentence, changing nothing', async () => {
      const r = await updateCheckin(ctx.db, lead, expId, latest, 1, checkinSchema.parse({ ...typo, note: 'late' }));
      expect(r).toEqual({ ok: false, reason: 'conflict', message: CHILD_MESSAGES.checkin.stale });
      expect(await deleteCheckin(ctx.db, lead, expId, latest, 1)).toEqual({ ok: false, reason: 'conflict', message: CHILD_MESSAGES.checkin.stale });
      const [row] = await ctx.db.select({ note: checkins.note, version: checkins.version }).from(checkins).where(eq(checkins.id, latest));
      expect(row).toEqual({ note: '', version: 2 });
    });

    it('refuses an executive and records the refusal, on the stored experiment', async () => {
      const denied = await deniedCount(ctx.db, exec.id);
      expect(await updateCheckin(ctx.db, exec, expId, latest, 2, checkinSchema.parse(typo))).toMatchObject({ ok: false, reason: 'denied' });
      expect(await deleteCheckin(ctx.db, exec, expId, latest, 2)).toMatchObject({ ok: false, reason: 'denied' });
      expect(await updateOutcome(ctx.db, exec, expId, 1, 1, outcomeSchema.parse({ type: 'insight', description: 'x', impact: '1' }))).toMatchObject({ ok: false, reason: 'denied' });
      expect(await deniedCount(ctx.db, exec.id)).toBe(denied + 3);
      expect((await lastAudit(ctx.db, 'checkin.update')).actorId).toBe(lead.id);
    });

    it('a check-in of another experiment is not found through this one', async () => {
      const other = await createExperiment(ctx.db, lead, experimentSchema.parse({ title: 'Other' }));
      if (!other.ok) throw new Error(other.message);
      expect(await deleteCheckin(ctx.db, lead, other.id, latest, 2)).toEqual({ ok: false, reason: 'not_found', message: CHILD_MESSAGES.checkin.gone });
    });

    it('deleting the latest check-in makes the previous one current, on the dashboard too', async () => {
      const before = await dashboard.kpis(ctx.db, f);
      expect(await deleteCheckin(ctx.db, lead, expId, latest, 2)).toEqual({ ok: true, id: latest, version: 2 });
      expect(await current(ctx.db, expId)).toEqual({ hours: '10.00', spend: 10000, outcomes: 0 });
      const after = await dashboard.kpis(ctx.db, f);
      expect(after.current.hoursSavedPerMonth - before.current.hoursSavedPerMonth).toBe(-5);
      expect(after.current.spendMonthlyCents - before.current.spendMonthlyCents).toBe(5000);
      const audit = await lastAudit(ctx.db, 'checkin.delete');
      expect(audit).toMatchObject({ actorId: lead.id, entityId: String(expId), after: null });
      expect(audit.before).toMatchObject({ id: latest, date: '2026-05-01', hoursWithAiPerTask: '0.50', spendMonthlyCents: 5000, version: 2 });
      expect(await deleteCheckin(ctx.db, lead, expId, latest, 2)).toEqual({ ok: false, reason: 'not_found', message: CHILD_MESSAGES.checkin.gone });
      expect(await ctx.db.select({ id: checkins.id }).from(checkins).where(eq(checkins.experimentId, expId))).toEqual([{ id: first }]);
    });

    it('edits an outcome (outcome_count and the dashboard’s outcomes follow) and deletes it with its version', async () => {
      const o = await addOutcome(ctx.db, lead, expId, outcomeSchema.parse({ type: 'insight', description: 'Saw churn', impact: '2', recordedOn: '2026-04-10' }));
      if (!o.ok) throw new Error(o.message);
      expect(o.version).toBe(1);
      const before = await dashboard.kpis(ctx.db, f);
      expect((await current(ctx.db, expId)).outcomes).toBe(1);
      // Recorded on a date outside the period: the dashboard's outcome count for the period drops by one.
      const r = await updateOutcome(ctx.db, lead, expId, o.id, 1, outcomeSchema.parse({ type: 'synthesis', description: 'Saw churn', impact: '5', recordedOn: '2025-06-01' }));
      expect(r).toEqual({ ok: true, id: o.id, version: 2 });
      const after = await dashboard.kpis(ctx.db, f);
      expect(after.current.outcomes - before.current.outcomes).toBe(-1);
      const audit = await lastAudit(ctx.db, 'outcome.update');
      expect(audit.before).toEqual({ outcomeId: o.id, type: 'insight', impact: 2, recordedOn: '2026-04-10' });
      expect(audit.after).toEqual({ outcomeId: o.id, type: 'synthesis', impact: 5, recordedOn: '2025-06-01' });
      // Stale: the form loaded at version 1.
      expect(await updateOutcome(ctx.db, lead, expId, o.id, 1, outcomeSchema.parse({ type: 'insight', description: 'x', impact: '1' }))).toEqual({
        ok: false,
        reason: 'conflict',
        message: CHILD_MESSAGES.outcome.stale,
      });
      expect(await deleteOutcome(ctx.db, lead, expId, o.id, 1)).toEqual({ ok: false, reason: 'conflict', message: CHILD_MESSAGES.outcome.stale });
      expect(await deleteOutcome(ctx.db, lead, expId, o.id, 2)).toEqual({ ok: true, id: o.id, version: 2 });
      expect((await current(ctx.db, expId)).outcomes).toBe(0);
      expect(await ctx.db.select().from(capabilityOutcomes).where(eq(capabilityOutcomes.experimentId, expId))).toEqual([]);
      expect((await lastAudit(ctx.db, 'outcome.delete')).before).toMatchObject({ id: o.id, type: 'synthesis', impact: 5, version: 2 });
    });

    it('an empty "recorded on" keeps the outcome’s date', async () => {
      const o = await addOutcome(ctx.db, lead, expId, outcomeSchema.parse({ type: 'insight', description: 'Kept date', impact: '3', recordedOn: '2026-02-02' }));
      if (!o.ok) throw new Error(o.message);
      await updateOutcome(ctx.db, lead, expId, o.id, 1, outcomeSchema.parse({ type: 'insight', description: 'Kept date, edited', impact: '3' }));
      const [row] = await ctx.db.select({ recordedOn: capabilityOutcomes.recordedOn, version: capabilityOutcomes.version }).from(capabilityOutcomes).where(eq(capabilityOutcomes.id, o.id));
      expect(row).toEqual({ recordedOn: '2026-02-02', version: 2 });
    });

    it('row versions survive a backup and restore; a 0016 backup (no versions) restores with every row at 1', async () => {
      const versions = (db: Db) =>
        db.select({ id: capabilityOutcomes.id, version: capabilityOutcomes.version }).from(capabilityOutcomes).where(eq(capabilityOutcomes.experimentId, expId));
      const file = await backupFileOf(ctx.db);
      const mine = await versions(ctx.db);
      expect(mine.map((r) => r.version)).toEqual([2]);
      expect(await inFreshRestore(ctx.kind, file, versions)).toEqual(mine);
      const noVersion = (c: string) => c === 'version';
      const old = await asOlderBackup(file, '0016_alerts', { checkins: noVersion, capability_outcomes: noVersion });
      expect(await inFreshRestore(ctx.kind, old, versions)).toEqual(mine.map((r) => ({ ...r, version: 1 })));
      const [first] = await inFreshRestore(ctx.kind, old, (db) => db.select({ version: checkins.version }).from(checkins).where(eq(checkins.experimentId, expId)));
      expect(first).toEqual({ version: 1 });
    });
  },
  { demo: true, today: '2026-11-28' },
);
