import { eq } from 'drizzle-orm';
import { aiModels, modelAliases } from '../../schema';
import type { Queryable } from '../../types';

/** Every alias with its catalog model's slug, by source and id. */
export function listAliases(db: Queryable) {
  return db
    .select({ id: modelAliases.id, source: modelAliases.source, externalId: modelAliases.externalId, effort: modelAliases.effort, note: modelAliases.note, slug: aiModels.slug })
    .from(modelAliases)
    .innerJoin(aiModels, eq(aiModels.id, modelAliases.modelId))
    .orderBy(modelAliases.source, modelAliases.externalId);
}

/** Catalog models for a picker. */
export function listModelChoices(db: Queryable) {
  return db.select({ id: aiModels.id, slug: aiModels.slug, name: aiModels.name }).from(aiModels).orderBy(aiModels.slug);
}
