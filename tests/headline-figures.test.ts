// Every headline figure of the dashboard and the Insights page on a tiny organisation, each worked out
// by hand below and asserted as a literal on both databases. The consistency tests compare two
// formulations of a figure; only a hand-computed value catches a formula that is wrong in both.
import { beforeAll, expect, it } from 'vitest';
import { getDashboardKpis } from '@/db/queries/dashboard/kpis';
import { getQualityComparison } from '@/db/queries/dashboard/efficiency';
import { getModelUsage, getVendorUsage } from '@/db/queries/dashboard/models';
import { getTeamBreakdown } from '@/db/queries/dashboard/teams';
import { getInsightsSummary } from '@/db/queries/insights/summary';
import { getConcentration } from '@/db/queries/insights/concentration';
import { getShift } from '@/db/queries/insights/shift';
import { getMindsetByMonth } from '@/db/queries/dashboard/adoption';
import { DEFINITION_TITLE, DEFINITIONS } from '@/lib/metrics/definitions';
import { getRetestRadar } from '@/db/queries/insights/radar';
import { aiModels, capabilityOutcomes, checkins, experimentModels, experiments, modelBenchmarks, modelPrices, teams } from '@/db/schema';
import type { NewExperiment } from '@/db/schema';
import type { Db } from '@/db/types';
import { describeChange, share, shareChange } from '@/lib/metrics/kpi';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { describeEachDb } from './helpers/db';

/*
 * Dated 2029–2031 so the reference catalog (all released earlier) never takes part.
 * Today 2031-06-30; period Q2 2031-04-01 … 06-30, previous 2030-12-31 … 2031-03-31 (91 days each).
 * Teams T1, T2 and T3 (T3 has nothing).
 * Models: A1 (Acme, score 40, $2/$6 → blended (3·2 + 6)/4 = 3), A2 (Acme, 80, $10/$30 → 15), B1 (Bolt, trains on
 * user data), C1 (Cirrus, policy unknown), NEW (Bolt, 2031-01-20, score 75, $0.5/$1.5 → 0.75).
 *
 *   E1 T1 running   2031-04-10 …           new_cap  4 h → 1 h × 10 = 30 h, $200; check-in 06-01: 4 → 0.5 × 10 = 35 h,
 *                                                   $250, quality 5 (before 2)                       models A1 (primary), B1
 *   E2 T1 completed 2031-01-05 … 05-20     automate 3 → 1 × 5 = 10 h, $100, one-off $500 on 05-01, quality 3 → 3;
 *                                                   insight impact 4 on 05-10                        model A1
 *   E3 T2 completed 2031-02-01 … 05-25     new_cap  2 → 1 × 20 = 20 h, no spend, no outcome      models B1 (primary), C1
 *   E4 T2 running   2031-05-01 …           new_cap  confidential, $150; new capability impact 5 on 06-01,
 *                                                   synthesis impact 2 on 03-15 (previous period)   models C1 (primary), A2
 *   E5 T1 abandoned 2030-03-01 … 06-30     blocked: bar 70, ceiling $5                              model A1
 *   E6 T2 proposed, created 2031-06-01     no start date, no models
 *   E7 T1 running 2031-04-01, archived     never counted                                            model A1
 */
const TODAY = '2031-06-30';

async function seed(db: Db) {
  const [t1, t2, t3] = await db.insert(teams).values([{ name: 'Hf T1' }, { name: 'Hf T2' }, { name: 'Hf T3' }]).returning({ id: teams.id });
  const model = async (slug: string, vendor: string, released: string, policy: 'trains' | 'no_training' | 'unknown', score?: string, price?: [string, string]) => {
    const [m] = await db.insert(aiModels).values({ slug, name: slug.toUpperCase(), vendor, releaseDate: released, dataPolicy: policy }).returning({ id: aiModels.id });
    if (score) await db.insert(modelBenchmarks).values({ modelId: m.id, benchmark: 'gpqa_diamond', score, source: 'hand' });
    if (price) await db.insert(modelPrices).values({ modelId: m.id, effectiveDate: released, inputUsdPerMtok: price[0], outputUsdPerMtok: price[1], source: 'hand' });
    return m.id;
  };
  const a1 = await model('hf-a1', 'Acme', '2029-06-01', 'no_training', '40.0', ['2', '6']);
  const a2 = await model('hf-a2', 'Acme', '2030-09-01', 'no_training', '80.0', ['10', '30']);
  const b1 = await model('hf-b1', 'Bolt', '2029-01-01', 'trains');
  const c1 = await model('hf-c1', 'Cirrus', '2029-01-01', 'unknown');
  const fresh = await model('hf-new', 'Bolt', '2031-01-20', 'no_training', '75.0', ['0.5', '1.5']);
  const add = async (e: Partial<NewExperiment> & { title: string; teamId: number }, models: number[] = []) => {
    const [row] = await db.insert(experiments).values(e).returning({ id: experiments.id });
    if (models.length) await db.insert(experimentModels).values(models.map((modelId, i) => ({ experimentId: row.id, modelId, isPrimary: i === 0 })));
    return row.id;
  };
  const hours = (before: string, withAi: string, tasks: string) => ({ hoursBeforePerTask: before, hoursWithAiPerTask: withAi, tasksPerMonth: tasks });
  const e1 = await add({ title: 'E1', teamId: t1.id, status: 'running', mindset: 'new_capability', startDate: '2031-04-10', ...hours('4', '1', '10'), spendMonthlyCents: 20000, qualityBefore: 2, qualityAfter: 4 }, [a1, b1]);
  const e2 = await add(
    { title: 'E2', teamId: t1.id, status: 'completed', mindset: 'automate', startDate: '2031-01-05', endDate: '2031-05-20', ...hours('3', '1', '5'), spendMonthlyCents: 10000, spendOneOffCents: 50000, spendOneOffDate: '2031-05-01', qualityBefore: 3, qualityAfter: 3 },
    [a1],
  );
  await add({ title: 'E3', teamId: t2.id, status: 'completed', mindset: 'new_capability', startDate: '2031-02-01', endDate: '2031-05-25', ...hours('2', '1', '20') }, [b1, c1]);
  const e4 = await add({ title: 'E4', teamId: t2.id, status: 'running', mindset: 'new_capability', startDate: '2031-05-01', dataSensitivity: 'confidential', spendMonthlyCents: 15000 }, [c1, a2]);
  const e5 = await add(
    { title: 'E5', teamId: t1.id, status: 'abandoned', startDate: '2030-03-01', endDate: '2030-06-30', blockedByModel: true, blockerMissing: 'Lost the thread', blockerMinScore: '70.0', blockerMaxPriceUsd: '5.0000' },
    [a1],
  );
  await add({ title: 'E6', teamId: t2.id, status: 'proposed', createdAt: new Date('2031-06-01T12:00:00Z') });
  await add({ title: 'E7', teamId: t1.id, status: 'running', startDate: '2031-04-01', ...hours('9', '1', '9'), spendMonthlyCents: 99900, archivedAt: new Date('2031-06-01T00:00:00Z') }, [a1]);
  await db.insert(checkins).values({ experimentId: e1, date: '2031-06-01', ...hours('4', '0.5', '10'), spendMonthlyCents: 25000, qualityAfter: 5 });
  await db.insert(capabilityOutcomes).values([
    { experimentId: e2, type: 'insight', description: 'Churn drivers', impact: 4, recordedOn: '2031-05-10' },
    { experimentId: e4, type: 'new_capability', description: 'Clause search', impact: 5, recordedOn: '2031-06-01' },
    { experimentId: e4, type: 'synthesis', description: 'One brief', impact: 2, recordedOn: '2031-03-15' },
  ]);
  return { teamIds: [t1.id, t2.id, t3.id], e5, fresh };
}

describeEachDb('headline figures, computed by hand', (ctx) => {
  let fx: Awaited<ReturnType<typeof seed>>;
  let f: DashboardFilters;
  beforeAll(async () => {
    fx = await seed(ctx.db);
    f = { team: fx.teamIds, period: { from: '2031-04-01', to: TODAY }, previous: { from: '2030-12-31', to: '2031-03-31' }, today: TODAY };
  });

  it('the dashboard cards: counts, hours, spend, outcomes and the two shares, against the previous period', async () => {
    const { current: c, previous: p, teamsInScope } = await getDashboardKpis(ctx.db, f);
    expect(c).toEqual({
      active: 4, // E1 E2 E3 E4 overlap Q2; E5 ended 2030, E6 never started, E7 is archived
      teamsActive: 2, // T1 (E1 E2), T2 (E3 E4)
      completed: 2, // E2 ended 05-20, E3 ended 05-25
      completedWithOutcome: 1, // E2
      activeNewCapability: 3, activeExploring: 0, // E1 E3 E4
      hoursSavedPerMonth: 65, // E1 35 (its check-in) + E2 10 + E3 20 + E4 0
      spendMonthlyCents: 50000, // E1 25000 (check-in) + E2 10000 + E3 0 + E4 15000
      spendOneOffCents: 50000, // E2's $500 on 05-01
      outcomes: 2, // E2 insight 05-10, E4 new capability 06-01
      outcomeExperiments: 2,
      avgImpact: 4.5, // (4 + 5) / 2
    });
    expect(p).toEqual({
      active: 2, // E2 from 01-05, E3 from 02-01
      teamsActive: 2,
      completed: 0,
      completedWithOutcome: 0,
      activeNewCapability: 1, activeExploring: 0, // E3
      hoursSavedPerMonth: 30, // 10 + 20
      spendMonthlyCents: 10000, // E2
      spendOneOffCents: 0,
      outcomes: 1, // E4's synthesis on 03-15
      outcomeExperiments: 1,
      avgImpact: 2,
    });
    expect(teamsInScope).toBe(3);
    // Augmentation share 3 / 4 = 0.75, previously 1 / 2 = 0.5: up 25 points.
    expect(share(c.activeNewCapability, c.active)).toBe(0.75);
    expect(describeChange(shareChange(share(c.activeNewCapability, c.active), share(p!.activeNewCapability, p!.active)), 'share', 'USD')).toBe('+25.0 pts');
    // Capability evidence share 1 / 2 = 0.5; nothing completed before, so no share and no comparison.
    expect(share(c.completedWithOutcome, c.completed)).toBe(0.5);
    expect(share(p!.completedWithOutcome, p!.completed)).toBeNull();
  });

  it('quality, teams and model usage', async () => {
    // E1 2 → 5 (its check-in), E2 3 → 3: before (2 + 3) / 2 = 2.5, with AI (5 + 3) / 2 = 4.
    expect(await getQualityComparison(ctx.db, f)).toEqual({ experiments: 2, before: 2.5, after: 4 });
    expect((await getTeamBreakdown(ctx.db, f)).map(({ team, experiments: n, outcomes, hoursSavedPerMonth, spendMonthlyCents }) => [team, n, outcomes, hoursSavedPerMonth, spendMonthlyCents])).toEqual([
      ['Hf T1', 2, 1, 45, 35000], // E1 35 h $250 + E2 10 h $100, E2's outcome
      ['Hf T2', 2, 1, 20, 15000], // E3 20 h + E4 0 h $150, E4's outcome
      ['Hf T3', 0, 0, 0, 0],
    ]);
    // Each model counts every active experiment using it, with that experiment's spend.
    expect((await getModelUsage(ctx.db, f)).map((m) => [m.slug, m.experiments, m.spendMonthlyCents])).toEqual([
      ['hf-a1', 2, 35000], // E1 25000 + E2 10000
      ['hf-b1', 2, 25000], // E1 + E3 0
      ['hf-c1', 2, 15000], // E3 0 + E4 15000
      ['hf-a2', 1, 15000], // E4
    ]);
    // Each experiment once per vendor: Acme E1 E2 E4, Bolt E1 E3, Cirrus E3 E4.
    expect((await getVendorUsage(ctx.db, f)).map((v) => [v.vendor, v.experiments, v.spendMonthlyCents])).toEqual([
      ['Acme', 3, 50000],
      ['Bolt', 2, 25000],
      ['Cirrus', 2, 15000],
    ]);
  });

  it('the insights summary: radar, privacy, concentration, portability, shift and missing evidence', async () => {
    const s = await getInsightsSummary(ctx.db, { teamIds: fx.teamIds, today: TODAY });
    expect(s).toEqual({
      retestCandidates: 1, // E5: NEW came later, scores 75 > 40 (A1) and ≥ 70, costs 0.75 ≤ 5 (A2 scores 80 but costs 15)
      privacyFlags: 1, // E4: confidential data on C1, whose policy is unknown (E1 uses B1, but its data is internal)
      // Live experiments by their primary model's vendor: Acme E1 E2 E5, Bolt E3, Cirrus E4 (E6 has no model).
      // HHI = (3/5)² + (1/5)² + (1/5)² = 0.36 + 0.04 + 0.04 = 0.44 > 0.25.
      vendorHhi: expect.closeTo(0.44, 12),
      concentration: 'concentrated',
      largestVendor: { name: 'Acme', share: 0.6 },
      portability: 0.5, // completed E2 (one model) and E3 (two): 1 / 2
      // By quarter of start (E6: of creation): 2031-Q2 E1 E4 new, E6 not → 2/3 = 67%; 2030-Q2 has none, so the
      // comparison is the earliest earlier quarter, 2030-Q1 (E5, not new): 0%.
      shiftSentence: 'This quarter 67% of new experiments aim at a new capability, up from 0% in 2030-Q1.',
      shift: { kind: 'up', share: 2 / 3, then: 0, yearAgo: false, base: '2030-Q1' }, // what the sentence says, for other languages
      needEvidence: 1, // E3 ended 05-25, 36 days ago, with hours and no outcome (E2 has one)
      filters: { team: fx.teamIds }, // what the drill-down links carry
    });
  });

  it('the Insights page: concentration of experiments and spend, and the radar candidate', async () => {
    const r = await getConcentration(ctx.db, { teamIds: fx.teamIds, today: TODAY });
    expect(r.experiments).toBe(5); // E1 E2 E3 E4 E5 have models
    expect(r.byModel.hhi).toBeCloseTo(0.44, 12); // A1 ×3 (E1 E2 E5), B1 (E3), C1 (E4)
    // Monthly spend by vendor as the dashboard counts it (latest check-in, else the experiment's own): Acme 25000
    // (E1's check-in) + 10000 (E2), Cirrus 15000 (E4), 50000 in all as on the dashboard card: 0.7² + 0.3² = 0.58.
    expect(r.spendByVendor.hhi).toBeCloseTo(0.58, 12);
    expect(r.spendByVendor.largest).toMatchObject({ key: 'Acme', weight: 35000 });
    const [item] = await getRetestRadar(ctx.db, { teamIds: fx.teamIds, today: TODAY });
    expect(item.id).toBe(fx.e5);
    // NEW against A1: 75 − 40 = 35 points, 3 ÷ 0.75 = 4× cheaper, 2030-06-30 → 2031-01-20 is 6 months later.
    expect(item.candidates.map((c) => [c.id, c.pointsGain, c.cheaperFactor, c.monthsLater])).toEqual([[fx.fresh, 35, 4, 6]]);
  });

  it('the shift to new capability: the card, the mindset mix and the Insights page, each under its own label', async () => {
    // One measure in two places: the dashboard's insights card and the /insights page say the same sentence and HHI.
    const scope = { teamIds: fx.teamIds, today: TODAY };
    const card = await getInsightsSummary(ctx.db, scope);
    const page = await getShift(ctx.db, scope);
    expect(page.sentence).toBe(card.shiftSentence);
    const concentration = await getConcentration(ctx.db, scope);
    expect(concentration.byVendor.hhi).toBeCloseTo(card.vendorHhi!, 12);
    expect(concentration.byVendor.largest).toMatchObject({ key: card.largestVendor!.name, share: card.largestVendor!.share });
    expect(concentration.portability).toBe(card.portability);
    // Different measures, so different labels: the augmentation share of Q2 is 3/4 (active E1 E3 E4 of E1–E4), the
    // new-capability share of experiments started in 2031-Q2 is 2/3 (E1 E4 of E1 E4 E6). The mindset mix's June bar
    // is June's own share: active in June E1 E4 (E2 and E3 ended in May), both new capability → 100%.
    const mix = await getMindsetByMonth(ctx.db, f);
    const june = mix.filter((r) => r.month === '2031-06');
    expect(june.map((r) => [r.key, r.experiments])).toEqual([['new_capability', 2]]);
    // For a one-month period the card and the bar are the same measure, and agree.
    const juneOnly: DashboardFilters = { ...f, period: { from: '2031-06-01', to: TODAY }, previous: null };
    const { current } = await getDashboardKpis(ctx.db, juneOnly);
    expect(share(current.activeNewCapability, current.active)).toBe(1);
    expect(DEFINITION_TITLE.augmentationShare).not.toBe(DEFINITION_TITLE.mindsetMix);
    expect(DEFINITIONS.newCapabilityShift).toContain('different measure from the augmentation share');
  });
});
