// The blocker's bar on the benchmark that fits the task, compared per reasoning effort, with
// undated blockers and unmeasured models kept in view; on PGlite and PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { buildExperimentWhere } from '@/db/queries/experiments/filters';
import { createExperiment, updateExperiment } from '@/db/queries/experiments/write';
import { listBlockerBenchmarks } from '@/db/queries/models/blocker-benchmark';
import { getAwaitingMeasurement, getRetestRadar } from '@/db/queries/insights/radar';
import { aiModels, benchmarkScores, experimentModels, experiments, modelPrices } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/permissions';
import { experimentSchema } from '@/lib/validation/experiment';
import { seedInsightsFixture, TODAY, type Fixture } from './insights-fixture';
import { describeEachDb } from './helpers/db';

const admin: SessionUser = { id: 'u_fixture_lead', name: 'Fixture Lead', email: 'fixture.lead@example.test', role: 'admin', leadTeamIds: [], teamIds: [] };

describeEachDb('the blocker’s bar on a chosen benchmark', (ctx) => {
  let fx: Fixture;
  let coding: number;
  let coder: number;
  let unscored: number;
  const scope = () => ({ teamIds: [fx.alpha], today: TODAY });
  const model = async (slug: string, released: string, blended: string) => {
    const [row] = await ctx.db.insert(aiModels).values({ slug, name: slug, vendor: 'Dyn', releaseDate: released, dataPolicySource: 'dyn-terms' }).returning({ id: aiModels.id });
    await ctx.db.insert(modelPrices).values({ modelId: row.id, effectiveDate: released, inputUsdPerMtok: blended, outputUsdPerMtok: blended, source: 'fixture' });
    return row.id;
  };
  const listed = async () =>
    (await ctx.db.select({ id: experiments.id }).from(experiments).where(buildExperimentWhere({ retest: true, team: [fx.alpha] }, { today: TODAY }))).map((r) => r.id);

  beforeAll(async () => {
    fx = await seedInsightsFixture(ctx.db);
    // What the coding experiment used scores 30 on SWE-bench Verified (no effort named).
    await ctx.db.insert(benchmarkScores).values({ modelId: fx.models.oldModel, benchmark: 'swe_bench_verified', effort: '', score: 30, source: 'fixture' });
    // Blocked without an end date: it started 2030-05-01.
    const [row] = await ctx.db
      .insert(experiments)
      .values({ title: 'Patch legacy code', teamId: fx.alpha, status: 'abandoned', startDate: '2030-05-01', blockedByModel: true, blockerMissing: 'Patches failed the tests.', blockerBenchmark: 'swe_bench_verified', blockerMinScore: '60.0', blockerMaxPriceUsd: '5.0000' })
      .returning({ id: experiments.id });
    coding = row.id;
    await ctx.db.insert(experimentModels).values({ experimentId: coding, modelId: fx.models.oldModel, isPrimary: true });
    coder = await model('fx-dyn-coder', '2030-10-01', '2');
    await ctx.db.insert(benchmarkScores).values(
      [['low', 55], ['medium', 64.25], ['high', 71.5]].map(([effort, score]) => ({ modelId: coder, benchmark: 'swe_bench_verified', effort: String(effort), score: Number(score), source: 'fixture' })),
    );
    unscored = await model('fx-dyn-unscored', '2031-01-01', '1');
  });

  it('lists the benchmarks a bar can be on: capability benchmarks, not task length', async () => {
    expect((await listBlockerBenchmarks(ctx.db)).map((b) => [b.key, b.measures, b.unit])).toEqual([
      ['eci', 'general', 'index'],
      ['gpqa_diamond', 'science', 'percent'],
      ['swe_bench_verified', 'coding', 'percent'],
      ['frontiermath', 'maths', 'percent'],
      ['frontiermath_tier_4', 'maths', 'percent'],
      ['otis_mock_aime', 'maths', 'percent'],
    ]);
  });

  it('compares candidates on SWE-bench Verified, naming the effort that clears the bar; an unscored newer model is "not yet measured"', async () => {
    const [row] = await ctx.db.select({ best: experiments.usedBestScore }).from(experiments).where(eq(experiments.id, coding));
    expect(row.best).toBe('30.0');
    const item = (await getRetestRadar(ctx.db, scope())).find((r) => r.id === coding)!;
    expect([item.benchmark, item.benchmarkName, item.benchmarkUnit, item.minScore, item.endDate, item.startDate]).toEqual(['swe_bench_verified', 'SWE-bench Verified', 'percent', 60, null, '2030-05-01']);
    expect(item.candidates.map((c) => [c.id, c.score, c.effort, c.effortScore, c.pointsGain, c.monthsLater, c.price])).toEqual([[coder, 71.5, 'medium', 64.25, 41.5, 5, 2]]);
    expect(item.unmeasured.map((m) => m.id)).toEqual([unscored]);
    expect(await listed()).toContain(coding);
  });

  it('a bar no effort reaches takes it off the radar and the list; the bar on GPQA elsewhere is untouched', async () => {
    await ctx.db.update(experiments).set({ blockerMinScore: '72.0' }).where(eq(experiments.id, coding));
    expect((await getRetestRadar(ctx.db, scope())).map((r) => r.id)).not.toContain(coding);
    expect(await listed()).not.toContain(coding);
    // At high effort 71.5 clears a bar of 71.5 exactly.
    await ctx.db.update(experiments).set({ blockerMinScore: '71.5' }).where(eq(experiments.id, coding));
    const item = (await getRetestRadar(ctx.db, scope())).find((r) => r.id === coding)!;
    expect(item.candidates.map((c) => [c.effort, c.effortScore])).toEqual([['high', 71.5]]);
    expect(await listed()).toContain(coding);
  });

  it('with no candidate, an experiment whose newer models are not yet measured waits for a measurement, never dropped', async () => {
    await ctx.db.update(experiments).set({ blockerMinScore: '72.0' }).where(eq(experiments.id, coding));
    const awaiting = async () => (await getAwaitingMeasurement(ctx.db, scope())).filter((r) => r.id === coding);
    expect((await awaiting()).map((r) => [r.benchmark, r.candidates.length, r.unmeasured.map((m) => m.id)])).toEqual([['swe_bench_verified', 0, [unscored]]]);
    // A price ceiling below the unmeasured model's price leaves nothing to try.
    await ctx.db.update(experiments).set({ blockerMaxPriceUsd: '0.5000' }).where(eq(experiments.id, coding));
    expect(await awaiting()).toEqual([]);
    await ctx.db.update(experiments).set({ blockerMaxPriceUsd: '5.0000' }).where(eq(experiments.id, coding));
    // Once measured below the bar, it is judged: no candidate and nothing left to measure.
    await ctx.db.insert(benchmarkScores).values({ modelId: unscored, benchmark: 'swe_bench_verified', effort: '', score: 65, source: 'fixture' });
    expect(await awaiting()).toEqual([]);
    expect((await getRetestRadar(ctx.db, scope())).map((r) => r.id)).not.toContain(coding);
    // Measured above the bar, it is a candidate on the radar instead.
    await ctx.db.update(benchmarkScores).set({ score: 80 }).where(sql`${benchmarkScores.modelId} = ${unscored}`);
    expect(await awaiting()).toEqual([]);
    expect((await getRetestRadar(ctx.db, scope())).find((r) => r.id === coding)?.candidates.map((c) => c.id)).toEqual([unscored]);
    await ctx.db.delete(benchmarkScores).where(sql`${benchmarkScores.modelId} = ${unscored}`);
    await ctx.db.update(experiments).set({ blockerMinScore: '71.5' }).where(eq(experiments.id, coding));
  });

  it('a new per-effort score of a used model raises its best score (trigger on benchmark_scores), and removing it restores the kept one', async () => {
    await ctx.db.insert(benchmarkScores).values({ modelId: fx.models.oldModel, benchmark: 'gpqa_diamond', effort: 'high', score: 47.25, source: 'fixture' });
    const best = async () => (await ctx.db.select({ best: experiments.usedBestScore }).from(experiments).where(eq(experiments.id, fx.exps.blocked)))[0].best;
    expect(await best()).toBe('47.3');
    await ctx.db.delete(benchmarkScores).where(sql`${benchmarkScores.modelId} = ${fx.models.oldModel} and ${benchmarkScores.benchmark} = 'gpqa_diamond'`);
    expect(await best()).toBe('40.0');
  });

  it('saving checks the benchmark and the bar against the catalog', async () => {
    const input = (o: Record<string, unknown>) => experimentSchema.parse({ title: 'Bar check', teamId: String(fx.alpha), blockedByModel: 'on', blockerMissing: 'x', ...o });
    expect(await createExperiment(ctx.db, admin, input({ blockerBenchmark: 'metr_time_horizon' }))).toMatchObject({ ok: false, field: 'blockerBenchmark', message: 'Choose a benchmark from the list.' });
    expect(await createExperiment(ctx.db, admin, input({ blockerBenchmark: 'no_such' }))).toMatchObject({ ok: false, field: 'blockerBenchmark' });
    expect(await createExperiment(ctx.db, admin, input({ blockerBenchmark: 'frontiermath', blockerMinScore: '120' }))).toMatchObject({
      ok: false,
      field: 'blockerMinScore',
      message: 'Capability bar: FrontierMath (tiers 1-3) is a percentage, at most 100.',
    });
    const made = await createExperiment(ctx.db, admin, input({ blockerBenchmark: 'eci', blockerMinScore: '150' }));
    if (!made.ok) throw new Error(made.message);
    const [row] = await ctx.db.select({ b: experiments.blockerBenchmark, s: experiments.blockerMinScore }).from(experiments).where(eq(experiments.id, made.id));
    expect(row).toEqual({ b: 'eci', s: '150.0' });
    // Left out of the form, the bar stays on GPQA Diamond as before; an unblocked experiment's benchmark is not checked.
    const edited = await updateExperiment(ctx.db, admin, made.id, made.version, input({ blockerBenchmark: undefined, blockerMinScore: '80' }));
    expect(edited.ok).toBe(true);
    expect((await ctx.db.select({ b: experiments.blockerBenchmark }).from(experiments).where(eq(experiments.id, made.id)))[0].b).toBe('gpqa_diamond');
    expect((await createExperiment(ctx.db, admin, input({ blockedByModel: '', blockerBenchmark: 'metr_time_horizon' }))).ok).toBe(true);
  });
});
