import { and, eq, sql } from 'drizzle-orm';
import { aiModels, modelAliases, usageDaily } from '../../schema';
import type { Queryable } from '../../types';
import { buildModelIndex, resolveModel, type ModelIndex } from '@/lib/usage/model-match';

/** Every alias and catalog slug, for resolving vendor model ids (a few hundred rows). */
export async function loadModelIndex(db: Queryable): Promise<ModelIndex> {
  const [aliases, models] = await Promise.all([
    db.select({ source: modelAliases.source, externalId: modelAliases.externalId, modelId: modelAliases.modelId }).from(modelAliases),
    db.select({ id: aiModels.id, slug: aiModels.slug }).from(aiModels),
  ]);
  return buildModelIndex(aliases, models);
}

/**
 * Resolves again the stored usage rows of one vendor model id after its alias changed, so usage follows the alias
 * table. Call inside the alias change's transaction.
 */
export async function reresolveUsageModel(db: Queryable, externalModel: string): Promise<number> {
  const index = await loadModelIndex(db);
  const groups = await db
    .selectDistinct({ source: usageDaily.source, vendor: usageDaily.vendor })
    .from(usageDaily)
    .where(eq(usageDaily.externalModel, externalModel));
  let changed = 0;
  for (const g of groups) {
    const modelId = resolveModel(index, g.source, g.vendor, externalModel);
    const rows = await db
      .update(usageDaily)
      .set({ modelId })
      .where(and(eq(usageDaily.source, g.source), eq(usageDaily.vendor, g.vendor), eq(usageDaily.externalModel, externalModel), sql`${usageDaily.modelId} is distinct from ${modelId}`))
      .returning({ id: usageDaily.id });
    changed += rows.length;
  }
  return changed;
}
