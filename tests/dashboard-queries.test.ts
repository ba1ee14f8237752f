import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { getDashboardKpis } from '@/db/queries/dashboard/kpis';
import { getMindsetByMonth, getStatusByMonth, getTeamsByMonth } from '@/db/queries/dashboard/adoption';
import { getImpactDistribution, getOutcomesByTypeMonth, getTopCapabilityStories } from '@/db/queries/dashboard/capability';
import { getEfficiencyByMonth, getQualityComparison } from '@/db/queries/dashboard/efficiency';
import { getTeamBreakdown } from '@/db/queries/dashboard/teams';
import { getModelUsage, getVendorUsage } from '@/db/queries/dashboard/models';
import { buildExperimentWhere } from '@/db/queries/experiments/filters';
import { aiModels, capabilityOutcomes, checkins, experimentModels, experiments, teams } from '@/db/schema';
import type { Db } from '@/db/types';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';
import { describeEachDb } from './helpers/db';

/*
 * A hand-made organisation; every expected number below is worked out by hand in the comments.
 * Period 2026-04-01..2026-06-30 (91 days), previous 2025-12-31..2026-03-31, today 2026-06-30.
 *   E1 A running   2026-05-01..        new_cap    10 h own, check-ins → 15 h, spend 6000; models m1 (primary), m2
 *   E2 A completed 2026-01-10..04-20   automate   10 h, spend 2000; insight impact 4 on 04-15; models m1, m3 (same vendor)
 *   E3 B completed 2025-11-01..02-15   accelerate 10 h, spend 1000; one-off 50000 on 02-01; model m2
 *   E4 B proposed (no start)           new_cap    never active
 *   E5 A running, ARCHIVED             never counted
 *   E6 B abandoned 2026-06-10..06-20   new_cap    no figures; one-off 30000 on 06-15; new_capability impact 5 on 06-20,
 *                                                 synthesis impact 2 on 03-01 (previous period)
 *   E7 B completed 2026-05-01..06-30   new_cap    10 h, spend 3000; problem_solving impact 3 on 06-30
 *   Team C has no experiments.
 */
const TODAY = '2026-06-30';
const filters = (extra: Partial<DashboardFilters> = {}): DashboardFilters => ({
  period: { from: '2026-04-01', to: '2026-06-30' },
  previous: { from: '2025-12-31', to: '2026-03-31' },
  today: TODAY,
  ...extra,
});

async function seedFixture(db: Db) {
  const [a, b, c] = await db
    .insert(teams)
    .values([{ name: 'Fixture A' }, { name: 'Fixture B' }, { name: 'Fixture C' }])
    .returning({ id: teams.id });
  const [m1, m2, m3] = await db
    .insert(aiModels)
    .values([
      { slug: 'fx-one', name: 'Fx One', vendor: 'FxVendor1', releaseDate: '2025-01-01' },
      { slug: 'fx-two', name: 'Fx Two', vendor: 'FxVendor2', releaseDate: '2025-01-01' },
      { slug: 'fx-three', name: 'Fx Three', vendor: 'FxVendor1', releaseDate: '2025-01-01' },
    ])
    .returning({ id: aiModels.id });
  const base = { hoursBeforePerTask: null, hoursWithAiPerTask: null, tasksPerMonth: null } as const;
  const rows = await db
    .insert(experiments)
    .values([
      { ...base, title: 'E1', teamId: a.id, status: 'running', mindset: 'new_capability', startDate: '2026-05-01', hoursBeforePerTask: '2', hoursWithAiPerTask: '1', tasksPerMonth: '10', spendMonthlyCents: 5000, qualityBefore: 3, qualityAfter: 4 },
      { ...base, title: 'E2', teamId: a.id, status: 'completed', mindset: 'automate', startDate: '2026-01-10', endDate: '2026-04-20', hoursBeforePerTask: '3', hoursWithAiPerTask: '1', tasksPerMonth: '5', spendMonthlyCents: 2000, qualityBefore: 2, qualityAfter: 4 },
      { ...base, title: 'E3', teamId: b.id, status: 'completed', mindset: 'accelerate', startDate: '2025-11-01', endDate: '2026-02-15', hoursBeforePerTask: '1', hoursWithAiPerTask: '0.5', tasksPerMonth: '20', spendMonthlyCents: 1000, spendOneOffCents: 50000, spendOneOffDate: '2026-02-01' },
      { ...base, title: 'E4', teamId: b.id, status: 'proposed', mindset: 'new_capability' },
      { ...base, title: 'E5', teamId: a.id, status: 'running', startDate: '2026-04-01', hoursBeforePerTask: '9', hoursWithAiPerTask: '1', tasksPerMonth: '9', archivedAt: new Date('2026-06-01') },
      { ...base, title: 'E6', teamId: b.id, status: 'abandoned', mindset: 'new_capability', startDate: '2026-06-10', endDate: '2026-06-20', spendOneOffCents: 30000, spendOneOffDate: '2026-06-15' },
      { ...base, title: 'E7', teamId: b.id, status: 'completed', mindset: 'new_capability', startDate: '2026-05-01', endDate: '2026-06-30', hoursBeforePerTask: '4', hoursWithAiPerTask: '2', tasksPerMonth: '5', spendMonthlyCents: 3000 },
    ])
    .returning({ id: experiments.id });
  const [e1, e2, e3, , , e6, e7] = rows.map((r) => r.id);
  await db.insert(checkins).values([
    { experimentId: e1, date: '2026-05-15', hoursBeforePerTask: '1', hoursWithAiPerTask: '0', tasksPerMonth: '1', spendMonthlyCents: 100 },
    { experimentId: e1, date: '2026-06-01', hoursBeforePerTask: '2', hoursWithAiPerTask: '0.5', tasksPerMonth: '10', spendMonthlyCents: 6000, qualityAfter: 5 },
  ]);
  await db.insert(experimentModels).values([
    { experimentId: e1, modelId: m1.id, isPrimary: true },
    { experimentId: e1, modelId: m2.id },
    { experimentId: e2, modelId: m1.id, isPrimary: true },
    { experimentId: e2, modelId: m3.id },
    { experimentId: e3, modelId: m2.id, isPrimary: true },
  ]);
  await db.insert(capabilityOutcomes).values([
    { experimentId: e2, type: 'insight', description: 'Saw churn drivers', impact: 4, recordedOn: '2026-04-15' },
    { experimentId: e6, type: 'new_capability', description: 'Live translation', impact: 5, recordedOn: '2026-06-20' },
    { experimentId: e6, type: 'synthesis', description: 'Merged reports', impact: 2, recordedOn: '2026-03-01' },
    { experimentId: e7, type: 'problem_solving', description: 'Solved routing', impact: 3, recordedOn: '2026-06-30' },
  ]);
  return { a: a.id, b: b.id, c: c.id, e1, e2, e6, e7 };
}

describeEachDb('dashboard aggregations on a hand-made organisation', (ctx) => {
  let ids: Awaited<ReturnType<typeof seedFixture>>;
  let f: DashboardFilters;
  beforeAll(async () => {
    ids = await seedFixture(ctx.db);
    // Scope every figure to the fixture's teams (the database may hold other rows).
    f = filters({ team: [ids.a, ids.b, ids.c] });
  });

  /** Rows the /experiments drill-down of a figure would list. */
  const listCount = async (href: string) => {
    const where = buildExperimentWhere(parseExperimentFilters(new URLSearchParams(href.split('?')[1] ?? '')), { today: TODAY });
    const [r] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(experiments).where(where);
    return r.n;
  };

  it('computes every headline figure for the period and the previous one', async () => {
    const k = await getDashboardKpis(ctx.db, f);
    expect(k.teamsInScope).toBe(3);
    expect(k.current).toEqual({
      active: 4, // E1 E2 E6 E7
      teamsActive: 2,
      completed: 2, // E2 E7
      completedWithOutcome: 2,
      activeNewCapability: 3, activeExploring: 0, // E1 E6 E7
      hoursSavedPerMonth: 35, // 15 (latest check-in) + 10 + 0 + 10
      spendMonthlyCents: 11000, // 6000 + 2000 + 0 + 3000
      spendOneOffCents: 30000,
      outcomes: 3,
      outcomeExperiments: 3,
      avgImpact: 4, // (4 + 5 + 3) / 3
    });
    expect(k.previous).toEqual({
      active: 2, // E2 E3
      teamsActive: 2,
      completed: 1, // E3
      completedWithOutcome: 0,
      activeNewCapability: 0, activeExploring: 0,
      hoursSavedPerMonth: 20,
      spendMonthlyCents: 3000,
      spendOneOffCents: 50000,
      outcomes: 1,
      outcomeExperiments: 1,
      avgImpact: 2,
    });
  });

  it('has no previous period for "all time" and narrows to one team', async () => {
    const k = await getDashboardKpis(ctx.db, { ...f, previous: null, team: [ids.b] });
    expect(k.previous).toBeNull();
    expect(k.teamsInScope).toBe(1);
    expect(k.current.active).toBe(2); // E6 E7
    expect(k.current.hoursSavedPerMonth).toBe(10);
  });

  it('each headline figure drills down to a list of the same size', async () => {
    const k = await getDashboardKpis(ctx.db, f);
    const p = f.period;
    expect(await listCount(drillDownHref(f, { from: p.from, to: p.to }))).toBe(k.current.active);
    expect(await listCount(drillDownHref(f, { completedFrom: p.from, completedTo: p.to }))).toBe(k.current.completed);
    expect(await listCount(drillDownHref(f, { from: p.from, to: p.to, mindset: ['new_capability'] }))).toBe(k.current.activeNewCapability);
    expect(await listCount(drillDownHref(f, { completedFrom: p.from, completedTo: p.to, hasOutcomes: 'yes' }))).toBe(k.current.completedWithOutcome);
    expect(await listCount(drillDownHref(f, { outcomeFrom: p.from, outcomeTo: p.to }))).toBe(k.current.outcomeExperiments);
  });

  it('counts adoption per month: by status, by mindset and teams', async () => {
    const status = await getStatusByMonth(ctx.db, f);
    expect(status).toEqual(
      expect.arrayContaining([
        { month: '2026-04', key: 'completed', experiments: 1 },
        { month: '2026-05', key: 'running', experiments: 1 },
        { month: '2026-05', key: 'completed', experiments: 1 },
        { month: '2026-06', key: 'running', experiments: 1 },
        { month: '2026-06', key: 'completed', experiments: 1 },
        { month: '2026-06', key: 'abandoned', experiments: 1 },
      ]),
    );
    expect(status).toHaveLength(6);
    const mindset = await getMindsetByMonth(ctx.db, f);
    expect(mindset.filter((r) => r.month === '2026-06')).toEqual([{ month: '2026-06', key: 'new_capability', experiments: 3 }]);
    expect(await getTeamsByMonth(ctx.db, f)).toEqual([
      { month: '2026-04', teams: 1, experiments: 1 },
      { month: '2026-05', teams: 2, experiments: 2 },
      { month: '2026-06', teams: 2, experiments: 3 },
    ]);
    // A month bar drills down to the experiments active in that (clipped) month.
    expect(await listCount(drillDownHref(f, { from: '2026-06-01', to: '2026-06-30', status: ['running'] }))).toBe(1);
  });

  it('builds the capability ledger: outcomes by type and month, impact spread, top stories', async () => {
    expect(await getOutcomesByTypeMonth(ctx.db, f)).toEqual([
      { month: '2026-04', type: 'insight', outcomes: 1, experiments: 1 },
      { month: '2026-06', type: 'new_capability', outcomes: 1, experiments: 1 },
      { month: '2026-06', type: 'problem_solving', outcomes: 1, experiments: 1 },
    ]);
    expect(await getImpactDistribution(ctx.db, f)).toEqual([
      { impact: 3, outcomes: 1, experiments: 1 },
      { impact: 4, outcomes: 1, experiments: 1 },
      { impact: 5, outcomes: 1, experiments: 1 },
    ]);
    const stories = await getTopCapabilityStories(ctx.db, f);
    expect(stories.map((s) => [s.title, s.impact, s.team])).toEqual([
      ['E6', 5, 'Fixture B'],
      ['E2', 4, 'Fixture A'],
      ['E7', 3, 'Fixture B'],
    ]);
    expect(stories[1].model).toBe('Fx One'); // the primary model
    expect(await listCount(drillDownHref(f, { outcomeFrom: '2026-06-01', outcomeTo: '2026-06-30', outcomeType: ['synthesis'] }))).toBe(0);
    expect(await listCount(drillDownHref(f, { outcomeFrom: p(f).from, outcomeTo: p(f).to, impact: [5] }))).toBe(1);
  });

  it('builds the efficiency ledger: run-rate per month and quality before vs after', async () => {
    expect(await getEfficiencyByMonth(ctx.db, f)).toEqual([
      { month: '2026-04', hoursSavedPerMonth: 10, spendMonthlyCents: 2000, experiments: 1 },
      { month: '2026-05', hoursSavedPerMonth: 25, spendMonthlyCents: 9000, experiments: 2 },
      { month: '2026-06', hoursSavedPerMonth: 25, spendMonthlyCents: 9000, experiments: 3 },
    ]);
    // E1: 3 → 5 (latest check-in), E2: 2 → 4
    expect(await getQualityComparison(ctx.db, f)).toEqual({ experiments: 2, before: 2.5, after: 4.5 });
  });

  it('breaks the period down by team, including a team with nothing', async () => {
    const rows = await getTeamBreakdown(ctx.db, f);
    expect(rows.map((r) => ({ ...r, teamId: undefined }))).toEqual([
      { teamId: undefined, team: 'Fixture A', experiments: 2, outcomes: 1, outcomeExperiments: 1, hoursSavedPerMonth: 25, spendMonthlyCents: 8000 },
      { teamId: undefined, team: 'Fixture B', experiments: 2, outcomes: 2, outcomeExperiments: 2, hoursSavedPerMonth: 10, spendMonthlyCents: 3000 },
      { teamId: undefined, team: 'Fixture C', experiments: 0, outcomes: 0, outcomeExperiments: 0, hoursSavedPerMonth: 0, spendMonthlyCents: 0 },
    ]);
  });

  it('counts model and vendor usage, each experiment once per vendor', async () => {
    expect(await getModelUsage(ctx.db, f)).toEqual([
      { slug: 'fx-one', model: 'Fx One', vendor: 'FxVendor1', experiments: 2, spendMonthlyCents: 8000 },
      { slug: 'fx-three', model: 'Fx Three', vendor: 'FxVendor1', experiments: 1, spendMonthlyCents: 2000 },
      { slug: 'fx-two', model: 'Fx Two', vendor: 'FxVendor2', experiments: 1, spendMonthlyCents: 6000 },
    ]);
    expect(await getVendorUsage(ctx.db, f)).toEqual([
      { vendor: 'FxVendor1', experiments: 2, spendMonthlyCents: 8000 },
      { vendor: 'FxVendor2', experiments: 1, spendMonthlyCents: 6000 },
    ]);
    expect(await listCount(drillDownHref(f, { from: f.period.from, to: f.period.to, vendor: ['FxVendor1'] }))).toBe(2);
  });
});

const p = (f: DashboardFilters) => f.period;
