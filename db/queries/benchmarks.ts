import { asc, desc, eq } from 'drizzle-orm';
import { aiModels, benchmarks, benchmarkScores, modelBenchmarks, modelPriceTiers } from '../schema';
import type { Queryable } from '../types';

/** Every benchmark, in the registry's order (the default axis first as the reference data lists it). */
export function listBenchmarks(db: Queryable) {
  return db.select().from(benchmarks).orderBy(asc(benchmarks.position), asc(benchmarks.key));
}

/** Each model's best score on one benchmark across its efforts, with the effort and provenance of that score. */
export function listBestScores(db: Queryable, benchmark: string) {
  return db
    .selectDistinctOn([benchmarkScores.modelId], {
      modelId: benchmarkScores.modelId,
      score: benchmarkScores.score,
      effort: benchmarkScores.effort,
      source: benchmarkScores.source,
      externalId: benchmarkScores.externalId,
      retrievedOn: benchmarkScores.retrievedOn,
    })
    .from(benchmarkScores)
    .where(eq(benchmarkScores.benchmark, benchmark))
    .orderBy(benchmarkScores.modelId, desc(benchmarkScores.score), asc(benchmarkScores.effort));
}
export type BestScoreRow = Awaited<ReturnType<typeof listBestScores>>[number];

/** Every score of one benchmark, per model and effort, with the model's name and release date. */
export function listScoresPerEffort(db: Queryable, benchmark: string) {
  return db
    .select({
      slug: aiModels.slug,
      name: aiModels.name,
      vendor: aiModels.vendor,
      releaseDate: aiModels.releaseDate,
      effort: benchmarkScores.effort,
      score: benchmarkScores.score,
      externalId: benchmarkScores.externalId,
    })
    .from(benchmarkScores)
    .innerJoin(aiModels, eq(aiModels.id, benchmarkScores.modelId))
    .where(eq(benchmarkScores.benchmark, benchmark))
    .orderBy(asc(aiModels.releaseDate), asc(aiModels.name));
}
export type EffortScoreRow = Awaited<ReturnType<typeof listScoresPerEffort>>[number];

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

/** The single kept score per model of one benchmark (model_benchmarks: what admins edit and the re-test radar reads). */
export function listKeptScores(db: Queryable, benchmark: string) {
  return db
    .select({ modelId: modelBenchmarks.modelId, score: modelBenchmarks.score, source: modelBenchmarks.source })
    .from(modelBenchmarks)
    .where(eq(modelBenchmarks.benchmark, benchmark));
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
