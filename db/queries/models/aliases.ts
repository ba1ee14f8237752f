import { and, eq } from 'drizzle-orm';
import { aiModels, modelAliases } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { reresolveUsageModel } from '../usage/models';
import { refuse, type WriteResult } from '../write-result';

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

/** The vendor model id in usage rows an alias stands for: a models.dev id "provider/model" is reported as "model". */
const usageModelId = (source: string, externalId: string) => (source === 'models.dev' ? externalId.slice(externalId.indexOf('/') + 1) : externalId);

export const ALIAS_MODEL_GONE = 'That model no longer exists.';
export const ALIAS_GONE = 'This mapping was already removed.';
export const aliasTaken = (source: string) => `This ${source} id is mapped already; remove that mapping first.`;

export type NewAlias = { source: string; externalId: string; modelId: number; effort: string };

/** Maps a source's id to a catalog model (an admin's entry); the stored usage of that id follows at once. */
export async function addAlias(db: Queryable, actor: NonNullable<Actor>, a: NewAlias): Promise<WriteResult<{ id: number; slug: string }>> {
  const [model] = await db.select({ id: aiModels.id, slug: aiModels.slug }).from(aiModels).where(eq(aiModels.id, a.modelId));
  if (!model) return refuse('not_found', ALIAS_MODEL_GONE);
  const taken = await db.select({ id: modelAliases.id }).from(modelAliases).where(and(eq(modelAliases.source, a.source), eq(modelAliases.externalId, a.externalId)));
  if (taken.length) return refuse('conflict', aliasTaken(a.source));
  const [row] = await db.insert(modelAliases).values({ source: a.source, externalId: a.externalId, modelId: a.modelId, effort: a.source === 'epoch' ? a.effort : null, note: `entered by ${actor.email}` }).returning();
  await writeAudit(db, { actor, action: 'alias.create', entityType: 'model_alias', entityId: row.id, after: row });
  await reresolveUsageModel(db, usageModelId(row.source, row.externalId));
  return { ok: true, id: row.id, slug: model.slug };
}

/** Removes a mapping; the stored usage of that id is resolved again without it. */
export async function deleteAlias(db: Queryable, actor: NonNullable<Actor>, id: number): Promise<WriteResult<{ source: string; externalId: string }>> {
  const [row] = await db.delete(modelAliases).where(eq(modelAliases.id, id)).returning();
  if (!row) return refuse('not_found', ALIAS_GONE);
  await writeAudit(db, { actor, action: 'alias.delete', entityType: 'model_alias', entityId: row.id, before: row });
  await reresolveUsageModel(db, usageModelId(row.source, row.externalId));
  return { ok: true, source: row.source, externalId: row.externalId };
}
