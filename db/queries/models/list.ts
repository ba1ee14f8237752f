import { asc, eq, sql } from 'drizzle-orm';
import { aiModels, modelBenchmarks, modelPrices } from '../../schema';
import type { Queryable } from '../../types';
import { todayIn } from '@/lib/metrics/today';

/** The catalog with each model's current price (latest effective date), GPQA Diamond and usage count. */
export async function listModels(db: Queryable, today: string = todayIn()) {
  const latestPrice = db
    .selectDistinctOn([modelPrices.modelId], {
      modelId: modelPrices.modelId,
      input: modelPrices.inputUsdPerMtok,
      output: modelPrices.outputUsdPerMtok,
      priceSource: modelPrices.source,
    })
    .from(modelPrices)
    .where(sql`${modelPrices.effectiveDate} <= ${today}::date`)
    .orderBy(modelPrices.modelId, sql`${modelPrices.effectiveDate} desc`)
    .as('latest_price');
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
      // Spelled out: drizzle renders columns inside sql`` unqualified, which a correlated subquery cannot use.
      // From the trigger-kept summary: ~50 rows per model instead of every experiment link.
      experiments: sql<number>`coalesce((select sum(u.experiments)::int from model_usage u where u.model_id = "ai_models"."id"), 0)`,
    })
    .from(aiModels)
    .leftJoin(latestPrice, eq(latestPrice.modelId, aiModels.id))
    .leftJoin(modelBenchmarks, sql`${modelBenchmarks.modelId} = ${aiModels.id} and ${modelBenchmarks.benchmark} = 'gpqa_diamond'`)
    .orderBy(asc(aiModels.releaseDate), asc(aiModels.name));
}
export type ModelListRow = Awaited<ReturnType<typeof listModels>>[number];
