import { asc, eq, isNotNull, sql } from 'drizzle-orm';
import { aiModels, experimentModels, experiments, modelBenchmarks, modelPrices } from '../schema';
import type { Queryable } from '../types';

/** The catalog with each model's current price (latest effective date), GPQA Diamond and usage count. */
export async function listModels(db: Queryable) {
  const latestPrice = db
    .selectDistinctOn([modelPrices.modelId], {
      modelId: modelPrices.modelId,
      input: modelPrices.inputUsdPerMtok,
      output: modelPrices.outputUsdPerMtok,
      priceSource: modelPrices.source,
    })
    .from(modelPrices)
    .where(sql`${modelPrices.effectiveDate} <= current_date`)
    .orderBy(modelPrices.modelId, sql`${modelPrices.effectiveDate} desc`)
    .as('latest_price');
  // Live experiments per model in one grouped pass: every link, less those of archived experiments
  // (few, found through a partial index) — no scan of the experiments table.
  const archived = db
    .select({ id: experiments.id })
    .from(experiments)
    .where(isNotNull(experiments.archivedAt))
    .as('archived');
  const usage = db
    .select({ modelId: experimentModels.modelId, n: sql<number>`count(*) filter (where ${archived.id} is null)::int`.as('n') })
    .from(experimentModels)
    .leftJoin(archived, eq(archived.id, experimentModels.experimentId))
    .groupBy(experimentModels.modelId)
    .as('usage');
  return db
    .select({
      id: aiModels.id,
      slug: aiModels.slug,
      name: aiModels.name,
      vendor: aiModels.vendor,
      releaseDate: aiModels.releaseDate,
      reasoning: aiModels.reasoning,
      openWeights: aiModels.openWeights,
      dataPolicy: aiModels.dataPolicy,
      trainingFlop: aiModels.trainingFlop,
      trainingFlopSource: aiModels.trainingFlopSource,
      dataPolicySource: aiModels.dataPolicySource,
      source: aiModels.source,
      input: latestPrice.input,
      output: latestPrice.output,
      priceSource: latestPrice.priceSource,
      gpqa: modelBenchmarks.score,
      gpqaSource: modelBenchmarks.source,
      experiments: sql<number>`coalesce(${usage.n}, 0)::int`,
    })
    .from(aiModels)
    .leftJoin(latestPrice, eq(latestPrice.modelId, aiModels.id))
    .leftJoin(usage, eq(usage.modelId, aiModels.id))
    .leftJoin(modelBenchmarks, sql`${modelBenchmarks.modelId} = ${aiModels.id} and ${modelBenchmarks.benchmark} = 'gpqa_diamond'`)
    .orderBy(asc(aiModels.releaseDate), asc(aiModels.name));
}
export type ModelListRow = Awaited<ReturnType<typeof listModels>>[number];
