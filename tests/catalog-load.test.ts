// The catalog as /models and /trends load it, on both databases: the benchmark switch (ECI by default), models
// without a score kept as "not yet measured", price tiers and today's charged price, per-effort scores.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { loadCatalog } from '@/db/queries/models/catalog';
import { aiModels, modelBenchmarks } from '@/db/schema';
import { describeEachDb } from './helpers/db';

describeEachDb('the catalog on a chosen benchmark', (ctx) => {
  it('opens on the ECI: 59 of 94 models scored, the other 35 kept without a score', async () => {
    const { models, axis, benchmarks } = await loadCatalog(ctx.db, '2026-12-04');
    expect(axis?.key).toBe('eci');
    expect(benchmarks).toHaveLength(7);
    expect(models).toHaveLength(94);
    expect(models.filter((m) => m.score != null)).toHaveLength(59);
    const o1 = models.find((m) => m.slug === 'o1-preview')!;
    expect([o1.score?.toFixed(1), o1.capability?.source, o1.capability?.externalId]).toEqual(['135.9', 'epoch-bh-2026-04', 'o1-preview-2024-09-12']);
    const sonnet5 = models.find((m) => m.slug === 'claude-sonnet-5')!;
    expect([sonnet5.score, sonnet5.capability]).toEqual([null, null]);
  });

  it('switches to any benchmark; a per-effort benchmark shows the best effort; an unknown key falls back to the ECI', async () => {
    const fm = await loadCatalog(ctx.db, '2026-12-04', 'frontiermath');
    const gpt51 = fm.models.find((m) => m.slug === 'gpt-5.1')!;
    expect([gpt51.score?.toFixed(1), gpt51.capability?.effort]).toEqual(['31.0', 'high']);
    expect(fm.models.filter((m) => m.score != null)).toHaveLength(36);
    const swe = await loadCatalog(ctx.db, '2026-12-04', 'swe_bench_verified');
    expect(swe.models.filter((m) => m.score != null)).toHaveLength(15);
    expect((await loadCatalog(ctx.db, '2026-12-04', 'no_such')).axis?.key).toBe('eci');
    const gpqa = await loadCatalog(ctx.db, '2026-12-04', 'gpqa_diamond');
    expect(gpqa.models.find((m) => m.slug === 'o3')!.score?.toFixed(1)).toBe('81.8');
    expect(gpqa.models.filter((m) => m.score != null)).toHaveLength(60);
  });

  it("takes an admin's GPQA correction (the radar's score) over Epoch's run", async () => {
    const [o3] = await ctx.db.select({ id: aiModels.id }).from(aiModels).where(eq(aiModels.slug, 'o3'));
    await ctx.db.update(modelBenchmarks).set({ score: '80.0', source: 'entered by test' }).where(eq(modelBenchmarks.modelId, o3.id));
    const gpqa = await loadCatalog(ctx.db, '2026-12-04', 'gpqa_diamond');
    expect(gpqa.models.find((m) => m.slug === 'o3')!.capability).toMatchObject({ score: 80, effort: '', source: 'entered by test' });
    await ctx.db.update(modelBenchmarks).set({ score: '81.8', source: 'epoch-bh-2026-04' }).where(eq(modelBenchmarks.modelId, o3.id));
  });

  it("shows today's charged price while a promotion runs, the list price after, and the tiers in force", async () => {
    const during = (await loadCatalog(ctx.db, '2026-12-04')).models.find((m) => m.slug === 'gemini-3.8-flash')!;
    expect(during.charged).toEqual({ input: 0.75, output: 3.75, promotionalUntil: '2026-12-31' });
    expect([during.current?.input, during.current?.output]).toEqual([1.5, 7.5]);
    const after = (await loadCatalog(ctx.db, '2027-01-01')).models.find((m) => m.slug === 'gemini-3.8-flash')!;
    expect(after.charged).toEqual({ input: 1.5, output: 7.5, promotionalUntil: null });
    const terra = (await loadCatalog(ctx.db, '2026-07-20')).models.find((m) => m.slug === 'gpt-5.6-terra')!;
    expect(terra.tiers.map((t) => [t.tier, t.contextOverTokens, t.input, t.output])).toEqual([
      ['cached_input', null, 0.25, null],
      ['cache_write', null, 3.125, null],
      ['batch', null, 1.25, 7.5],
      ['long_context', 272000, 5, 22.5],
    ]);
  });

  it('lists FrontierMath per effort for the second scaling law', async () => {
    const { models, scores } = await loadCatalog(ctx.db, '2026-12-04');
    const o4 = models.find((m) => m.slug === 'o4-mini')!;
    const rows = scores.filter((s) => s.modelId === o4.id && s.benchmark === 'frontiermath');
    expect(Object.fromEntries(rows.map((r) => [r.effort, r.score.toFixed(1)]))).toEqual({ low: '10.7', medium: '19.0', high: '24.8' });
    expect(scores).toHaveLength(366);
  });
});
