// The benchmark catalog as the seed loads it into both databases: benchmarks, Epoch scores per model and effort,
// aliases and price tiers, exact counts; loading twice changes nothing; a backup from before the catalog restores
// with the catalog loaded from the reference data.
import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { aiModels, benchmarks, benchmarkScores, modelAliases, modelPriceTiers } from '@/db/schema';
import { seedBenchmarkCatalog } from '@/db/seed/benchmark-catalog';
import type { Queryable } from '@/db/types';
import { asOlderBackup, backupFileOf, inFreshRestore } from './helpers/backup-roundtrip';
import { describeEachDb } from './helpers/db';

async function counts(db: Queryable) {
  const n = async (table: typeof aiModels | typeof benchmarks | typeof benchmarkScores | typeof modelAliases | typeof modelPriceTiers) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return { models: await n(aiModels), benchmarks: await n(benchmarks), scores: await n(benchmarkScores), aliases: await n(modelAliases), tiers: await n(modelPriceTiers) };
}

async function efforts(db: Queryable, slug: string, benchmark: string) {
  const rows = await db
    .select({ effort: benchmarkScores.effort, score: benchmarkScores.score })
    .from(benchmarkScores)
    .innerJoin(aiModels, eq(aiModels.id, benchmarkScores.modelId))
    .where(and(eq(aiModels.slug, slug), eq(benchmarkScores.benchmark, benchmark)));
  return Object.fromEntries(rows.map((r) => [r.effort, r.score.toFixed(1)]));
}

const EXPECTED = { models: 94, benchmarks: 7, scores: 366, aliases: 249, tiers: 107 };

describeEachDb('the benchmark catalog as seeded', (ctx) => {
  it('holds 94 models, 7 benchmarks, 366 scores, 249 aliases and 107 price tiers', async () => {
    expect(await counts(ctx.db)).toEqual(EXPECTED);
    const perBenchmark = await ctx.db
      .select({ b: benchmarkScores.benchmark, n: sql<number>`count(*)::int`, models: sql<number>`count(distinct model_id)::int` })
      .from(benchmarkScores)
      .groupBy(benchmarkScores.benchmark)
      .orderBy(benchmarkScores.benchmark);
    expect(perBenchmark).toEqual([
      { b: 'eci', n: 59, models: 59 },
      { b: 'frontiermath', n: 63, models: 36 },
      { b: 'frontiermath_tier_4', n: 41, models: 26 },
      { b: 'gpqa_diamond', n: 84, models: 60 },
      { b: 'metr_time_horizon', n: 22, models: 22 },
      { b: 'otis_mock_aime', n: 82, models: 57 },
      { b: 'swe_bench_verified', n: 15, models: 15 },
    ]);
  });

  it('keeps ECI as the one default axis and GPQA with its human baselines', async () => {
    const rows = await ctx.db.select().from(benchmarks).orderBy(benchmarks.position);
    expect(rows.map((b) => b.key)).toEqual(['eci', 'gpqa_diamond', 'swe_bench_verified', 'frontiermath', 'frontiermath_tier_4', 'otis_mock_aime', 'metr_time_horizon']);
    expect(rows.filter((b) => b.defaultAxis).map((b) => b.key)).toEqual(['eci']);
    expect(rows[1]).toMatchObject({ humanExpert: 81.3, humanNonExpert: 22.1, randomBaseline: 25, unit: 'percent', perEffort: true });
    // A second default axis is refused by the database itself.
    await expect(ctx.db.update(benchmarks).set({ defaultAxis: true }).where(eq(benchmarks.key, 'gpqa_diamond'))).rejects.toThrow();
  });

  it('scores per effort where Epoch measured per effort (the second scaling law), one score elsewhere', async () => {
    expect(await efforts(ctx.db, 'gpt-5.1', 'frontiermath')).toEqual({ none: '2.1', low: '17.3', medium: '26.9', high: '31.0' });
    expect(await efforts(ctx.db, 'o3', 'frontiermath')).toEqual({ low: '9.7', medium: '16.9', high: '18.7' });
    expect(await efforts(ctx.db, 'o4-mini', 'frontiermath')).toEqual({ low: '10.7', medium: '19.0', high: '24.8' });
    expect(await efforts(ctx.db, 'o1-preview', 'gpqa_diamond')).toEqual({ default: '50.3' });
    expect(await efforts(ctx.db, 'o1-preview', 'eci')).toEqual({ '': '135.9' });
    expect(await efforts(ctx.db, 'gpt-5.1', 'swe_bench_verified')).toEqual({ '': '68.0' });
    const [prov] = await ctx.db
      .select({ source: benchmarkScores.source, externalId: benchmarkScores.externalId, runId: benchmarkScores.runId, retrievedOn: benchmarkScores.retrievedOn })
      .from(benchmarkScores)
      .innerJoin(aiModels, eq(aiModels.id, benchmarkScores.modelId))
      .where(and(eq(aiModels.slug, 'gpt-5.1'), eq(benchmarkScores.benchmark, 'swe_bench_verified')));
    expect(prov).toEqual({ source: 'epoch-bh-2026-04', externalId: 'gpt-5.1-2025-11-13_high', runId: 'YoHtZpMNdsRE6qdj2K4Ucj', retrievedOn: '2026-04-19' });
  });

  it('stores promotional tiers with their last day and long-context thresholds', async () => {
    const rows = await ctx.db
      .select({ tier: modelPriceTiers.tier, until: modelPriceTiers.until, input: modelPriceTiers.inputUsdPerMtok, over: modelPriceTiers.contextOverTokens })
      .from(modelPriceTiers)
      .innerJoin(aiModels, eq(aiModels.id, modelPriceTiers.modelId))
      .where(and(eq(aiModels.slug, 'claude-sonnet-5'), eq(modelPriceTiers.tier, 'promotional')));
    expect(rows).toEqual([{ tier: 'promotional', until: '2026-08-31', input: '2.0000', over: 0 }]);
    const [long] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(modelPriceTiers).where(sql`context_over_tokens > 0`);
    expect(long.n).toBe(18);
  });

  it('loading again changes nothing, and an edited score survives', async () => {
    await ctx.db.update(benchmarkScores).set({ score: 99, source: 'hand' }).where(eq(benchmarkScores.externalId, 'gpt-5.1-2025-11-13_high'));
    await seedBenchmarkCatalog(ctx.db);
    expect(await counts(ctx.db)).toEqual(EXPECTED);
    expect((await efforts(ctx.db, 'gpt-5.1', 'swe_bench_verified'))['']).toBe('99.0');
  });

  it('a backup from before the catalog (schema 0008) restores with the catalog loaded for its models', async () => {
    const file = await backupFileOf(ctx.db);
    for (const t of ['benchmarks', 'benchmark_scores', 'model_aliases', 'model_price_tiers'] as const) delete (file.tables as Record<string, unknown>)[t];
    const older = asOlderBackup(file, '0008_summary_writers_definer', { ai_models: (k) => k === 'retired_on' });
    expect(older.tables.benchmark_scores).toEqual([]);
    const restored = await inFreshRestore(ctx.kind, older, async (db) => counts(db));
    expect(restored).toEqual(EXPECTED);
  });
}, { demo: true });
