import { asc, desc, eq } from 'drizzle-orm';
import { benchmarks, benchmarkScores, modelBenchmarks, modelPriceTiers } from '../../schema';
import type { Queryable } from '../../types';

/** Every benchmark, in the registry's order (the default axis first as the reference data lists it). */
export function listBenchmarks(db: Queryable) {
  return db.select().from(benchmarks).orderBy(asc(benchmarks.position), asc(benchmarks.key));
}

/** Every score of every model, per benchmark and effort, with its provenance (a few hundred rows). */
export function listAllScores(db: Queryable) {
  return db
    .select({
      modelId: benchmarkScores.modelId,
      benchmark: benchmarkScores.benchmark,
      effort: benchmarkScores.effort,
      score: benchmarkScores.score,
      source: benchmarkScores.source,
      externalId: benchmarkScores.externalId,
      retrievedOn: benchmarkScores.retrievedOn,
    })
    .from(benchmarkScores)
    .orderBy(asc(benchmarkScores.modelId), asc(benchmarkScores.benchmark), desc(benchmarkScores.score), asc(benchmarkScores.effort));
}
export type ScoreRow = Awaited<ReturnType<typeof listAllScores>>[number];

/** Every price tier of every model. */
export function listPriceTiers(db: Queryable) {
  return db
    .select({
      modelId: modelPriceTiers.modelId,
      tier: modelPriceTiers.tier,
      effectiveDate: modelPriceTiers.effectiveDate,
      until: modelPriceTiers.until,
      contextOverTokens: modelPriceTiers.contextOverTokens,
      input: modelPriceTiers.inputUsdPerMtok,
      output: modelPriceTiers.outputUsdPerMtok,
      source: modelPriceTiers.source,
      note: modelPriceTiers.note,
    })
    .from(modelPriceTiers)
    .orderBy(asc(modelPriceTiers.modelId), asc(modelPriceTiers.effectiveDate));
}
export type PriceTierRow = Awaited<ReturnType<typeof listPriceTiers>>[number];

/** The single kept score per model and benchmark (model_benchmarks: what admins edit and the re-test radar reads). */
export function listKeptScores(db: Queryable) {
  return db
    .select({ modelId: modelBenchmarks.modelId, benchmark: modelBenchmarks.benchmark, score: modelBenchmarks.score, source: modelBenchmarks.source })
    .from(modelBenchmarks);
}

/** One model's scores on every benchmark, per effort, in the registry's order. */
export function listModelScores(db: Queryable, modelId: number) {
  return db
    .select({ benchmark: benchmarkScores.benchmark, effort: benchmarkScores.effort, score: benchmarkScores.score, source: benchmarkScores.source, externalId: benchmarkScores.externalId, retrievedOn: benchmarkScores.retrievedOn })
    .from(benchmarkScores)
    .where(eq(benchmarkScores.modelId, modelId))
    .orderBy(asc(benchmarkScores.benchmark), desc(benchmarkScores.score));
}
export type ModelScoreRow = Awaited<ReturnType<typeof listModelScores>>[number];
