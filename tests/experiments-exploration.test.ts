// Issue 23 §2: an exploration is open-ended (no target metric), stays out of the capability-evidence nudges,
// is counted on its own on the dashboard (the exploring share) and can graduate to a measured experiment,
// keeping its history. Both databases.
import { and, desc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDashboardKpis } from '@/db/queries/dashboard/kpis';
import { addCheckin } from '@/db/queries/experiments/children';
import { graduateExperiment, NOT_AN_EXPLORATION } from '@/db/queries/experiments/graduate';
import { listExperiments } from '@/db/queries/experiments/list';
import { CONFLICT_MESSAGE, createExperiment, updateExperiment } from '@/db/queries/experiments/write';
import { getInsightsSummary } from '@/db/queries/insights/summary';
import { getShift } from '@/db/queries/insights/shift';
import { auditLog, checkins, experiments, teamMembers, user } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { HEADLINE } from '@/lib/metrics/headline';
import { checkinSchema, experimentSchema, graduateSchema } from '@/lib/validation/experiment';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { describeEachDb } from './helpers/db';

async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, email));
  const m = await db.select().from(teamMembers).where(eq(teamMembers.userId, u.id));
  return { ...u, teamIds: m.map((x) => x.teamId), leadTeamIds: m.filter((x) => x.teamRole === 'lead').map((x) => x.teamId) };
}

const TODAY = '2026-11-28';

it('the form: an exploration needs no target metric and keeps none; graduating requires one', () => {
  const exploring = experimentSchema.parse({ title: 'Open-ended', exploration: 'on', targetMetric: 'hours' });
  expect([exploring.exploration, exploring.targetMetric]).toEqual([true, '']);
  const measured = experimentSchema.parse({ title: 'Measured', targetMetric: ' first-reply time ' });
  expect([measured.exploration, measured.targetMetric]).toEqual([false, 'first-reply time']);
  expect(graduateSchema.safeParse({ targetMetric: '  ' }).success).toBe(false);
  expect(graduateSchema.parse({ targetMetric: 'Hours per report' })).toEqual({ targetMetric: 'Hours per report' });
  expect(HEADLINE.exploring.value({ active: 4, activeExploring: 1 } as Parameters<typeof HEADLINE.exploring.value>[0])).toBe(0.25);
});

describeEachDb(
  'explorations',
  (ctx) => {
    let lead: SessionUser, exec: SessionUser, teamId: number, explorationId: number, measuredId: number;
    const scope = () => ({ teamIds: [teamId], today: TODAY });
    const filters = () => ({ period: { from: '2026-01-01', to: '2026-12-31' }, previous: null, today: TODAY, team: [teamId] });

    // Completed in May with hours saved and no outcome: a measured one is "awaiting capability evidence".
    const completed = (title: string, exploration: boolean) =>
      experimentSchema.parse({
        title,
        status: 'completed',
        startDate: '2026-03-01',
        endDate: '2026-05-01',
        hoursBeforePerTask: '2',
        hoursWithAiPerTask: '1',
        tasksPerMonth: '10',
        ...(exploration ? { exploration: 'on' } : { targetMetric: 'hours per ticket' }),
      });

    it('stores an exploration without a target metric, beside a measured twin', async () => {
      [lead, exec] = await Promise.all(['lead@uplift.demo', 'exec@uplift.demo'].map((e) => sessionUser(ctx.db, e)));
      teamId = lead.leadTeamIds[0];
      const before = await getShift(ctx.db, scope());
      const a = await createExperiment(ctx.db, lead, { ...completed('Wander through support logs', true), teamId });
      const b = await createExperiment(ctx.db, lead, { ...completed('Measured twin', false), teamId });
      if (!a.ok || !b.ok) throw new Error('create failed');
      [explorationId, measuredId] = [a.id, b.id];
      const rows = await ctx.db.select({ id: experiments.id, exploration: experiments.exploration, targetMetric: experiments.targetMetric }).from(experiments).where(eq(experiments.teamId, teamId));
      expect(rows.filter((r) => r.id === explorationId || r.id === measuredId).sort((x, y) => x.id - y.id)).toEqual([
        { id: explorationId, exploration: true, targetMetric: '' },
        { id: measuredId, exploration: false, targetMetric: 'hours per ticket' },
      ]);
      // Only the measured twin joins the nudges, in both halves of the rule (the list and the count).
      const shift = await getShift(ctx.db, scope());
      expect(shift.needEvidence.map((e) => e.id).filter((id) => !before.needEvidence.some((x) => x.id === id))).toEqual([measuredId]);
      expect((await getInsightsSummary(ctx.db, scope())).needEvidence).toBe(shift.needEvidence.length);
    });

    it('the list filters explorations, and the dashboard counts the exploring share of active experiments', async () => {
      const k = (await getDashboardKpis(ctx.db, filters())).current;
      // Both completed in May, so both active in the year: one of them exploring.
      const explorations = await listExperiments(ctx.db, parseExperimentFilters({ team: String(teamId), exploration: 'yes', from: '2026-01-01', to: '2026-12-31' }), { today: TODAY });
      expect(explorations.rows.map((r) => r.id)).toEqual([explorationId]);
      expect(k.activeExploring).toBe(1);
      const measured = await listExperiments(ctx.db, parseExperimentFilters({ team: String(teamId), exploration: 'no', from: '2026-01-01', to: '2026-12-31' }), { today: TODAY });
      expect(measured.total + explorations.total).toBe(k.active);
    });

    it('graduating needs the team’s rights and the current version, and only an exploration graduates', async () => {
      const [{ version }] = await ctx.db.select({ version: experiments.version }).from(experiments).where(eq(experiments.id, explorationId));
      expect(await graduateExperiment(ctx.db, exec, explorationId, version, 'hours')).toMatchObject({ ok: false, reason: 'denied' });
      expect(await graduateExperiment(ctx.db, lead, explorationId, version + 1, 'hours')).toEqual({ ok: false, reason: 'conflict', message: CONFLICT_MESSAGE });
      expect(await graduateExperiment(ctx.db, lead, measuredId, 1, 'hours')).toEqual({ ok: false, reason: 'invalid', message: NOT_AN_EXPLORATION });
      const [row] = await ctx.db.select({ exploration: experiments.exploration, version: experiments.version }).from(experiments).where(eq(experiments.id, explorationId));
      expect(row).toEqual({ exploration: true, version });
    });

    it('graduates keeping its history and check-ins, audited, and joins the nudges from then on', async () => {
      const c = await addCheckin(ctx.db, lead, explorationId, checkinSchema.parse({ date: '2026-04-01', note: 'found a pattern' }));
      if (!c.ok) throw new Error(c.message);
      const [{ version }] = await ctx.db.select({ version: experiments.version }).from(experiments).where(eq(experiments.id, explorationId));
      expect(await graduateExperiment(ctx.db, lead, explorationId, version, 'Hours per escalation')).toEqual({ ok: true, id: explorationId, version: version + 1 });
      const [row] = await ctx.db.select({ exploration: experiments.exploration, targetMetric: experiments.targetMetric }).from(experiments).where(eq(experiments.id, explorationId));
      expect(row).toEqual({ exploration: false, targetMetric: 'Hours per escalation' });
      expect((await ctx.db.select({ id: checkins.id }).from(checkins).where(eq(checkins.experimentId, explorationId))).map((r) => r.id)).toEqual([c.id]);
      const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'experiment.graduate'), eq(auditLog.entityId, String(explorationId)))).orderBy(desc(auditLog.id));
      expect([audit.actorId, audit.before, audit.after]).toEqual([lead.id, { exploration: true, targetMetric: '' }, { exploration: false, targetMetric: 'Hours per escalation' }]);
      const created = await ctx.db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, 'experiment.create'), eq(auditLog.entityId, String(explorationId))));
      expect(created).toHaveLength(1);
      const ids = (await getShift(ctx.db, scope())).needEvidence.map((e) => e.id);
      expect(ids).toContain(explorationId);
      expect((await getDashboardKpis(ctx.db, filters())).current.activeExploring).toBe(0);
    });

    it('an edit that ticks "exploration" clears the target metric again', async () => {
      const [{ version }] = await ctx.db.select({ version: experiments.version }).from(experiments).where(eq(experiments.id, measuredId));
      const r = await updateExperiment(ctx.db, lead, measuredId, version, { ...completed('Measured twin', true), targetMetric: 'ignored', teamId });
      expect(r).toMatchObject({ ok: true });
      const [row] = await ctx.db.select({ exploration: experiments.exploration, targetMetric: experiments.targetMetric }).from(experiments).where(eq(experiments.id, measuredId));
      expect(row).toEqual({ exploration: true, targetMetric: '' });
    });
  },
  { demo: true, today: TODAY },
);
