import type { Queryable } from '@/db/types';
import { listModels } from '@/db/queries/models';
import { listAllPriceChanges } from '@/db/queries/model-details';
import { buildCatalog } from '@/lib/metrics/catalog';

/** The catalog with every model's price history, shared by /models and /trends. */
export async function loadCatalog(db: Queryable, today: string) {
  const [rows, prices] = await Promise.all([listModels(db), listAllPriceChanges(db)]);
  const entries = buildCatalog(rows, prices, today);
  return entries.map((e, i) => ({ ...e, priceSource: rows[i].priceSource, trainingFlopSource: rows[i].trainingFlopSource, dataPolicySource: rows[i].dataPolicySource }));
}
export type LoadedModel = Awaited<ReturnType<typeof loadCatalog>>[number];
