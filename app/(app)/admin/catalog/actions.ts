'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { writeAudit } from '@/db/queries/admin/audit';
import { applySync, discardSync } from '@/db/queries/models/catalog-sync';
import { reresolveUsageModel } from '@/db/queries/usage/models';
import { aiModels, modelAliases } from '@/db/schema';
import { formObject, refused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { isUniqueViolation } from '@/lib/security/db-errors';
import { aliasIdSchema, aliasSchema, applySyncSchema, syncIdSchema } from '@/lib/validation/catalog-sync';

const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });
/** The vendor model id in usage rows an alias stands for: a models.dev id "provider/model" is reported as "model". */
const usageModelId = (source: string, externalId: string) => (source === 'models.dev' ? externalId.slice(externalId.indexOf('/') + 1) : externalId);

export async function applySyncAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  const parsed = applySyncSchema.safeParse({ id: formData.get('id'), take: formData.getAll('take').filter((v) => typeof v === 'string') });
  if (!parsed.success) return { error: 'This sync could not be read; reload the page.' };
  const db = await getDb();
  const r = await db.transaction((tx) => applySync(tx, actorOf(admin), parsed.data.id, parsed.data.take));
  if (!r.ok) return { error: r.error };
  revalidatePath('/admin');
  revalidatePath(`/admin/catalog/${parsed.data.id}`);
  revalidatePath('/models');
  const c = r.counts;
  return {
    ok: true,
    message: `Applied: ${c.models} new model${c.models === 1 ? '' : 's'}, ${c.prices} price${c.prices === 1 ? '' : 's'}, ${c.tiers} price tier${c.tiers === 1 ? '' : 's'}, ${c.scores} score${c.scores === 1 ? '' : 's'}; ${c.conflictsKept} of your values kept, ${c.conflictsTaken} replaced.`,
  };
}

export async function discardSyncAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  const parsed = syncIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'This sync could not be read; reload the page.' };
  const db = await getDb();
  const done = await db.transaction((tx) => discardSync(tx, actorOf(admin), parsed.data.id));
  if (!done) return { error: 'This sync was already applied or discarded.' };
  revalidatePath('/admin');
  redirect('/admin');
}

export async function addAliasAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  const parsed = aliasSchema.safeParse(formObject(formData));
  // One sentence beside the small form (ActionForm shows `error`).
  if (!parsed.success) return { error: Object.values(refused(parsed.error, formData).fieldErrors ?? {}).flat().join(' ') || 'Check the mapping.' };
  const a = parsed.data;
  const db = await getDb();
  const [model] = await db.select({ id: aiModels.id, slug: aiModels.slug }).from(aiModels).where(eq(aiModels.id, a.modelId));
  if (!model) return { error: 'That model no longer exists.' };
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx.insert(modelAliases).values({ source: a.source, externalId: a.externalId, modelId: a.modelId, effort: a.source === 'epoch' ? a.effort : null, note: `entered by ${admin.email}` }).returning();
      await writeAudit(tx, { actor: actorOf(admin), action: 'alias.create', entityType: 'model_alias', entityId: row.id, after: row });
      await reresolveUsageModel(tx, usageModelId(row.source, row.externalId));
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { error: `This ${a.source} id is mapped already; remove that mapping first.` };
    throw err;
  }
  revalidatePath('/admin/aliases');
  return { ok: true, message: `${a.source} id "${a.externalId}" now maps to ${model.slug}.` };
}

export async function deleteAliasAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  const parsed = aliasIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'This mapping could not be read; reload the page.' };
  const db = await getDb();
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx.delete(modelAliases).where(and(eq(modelAliases.id, parsed.data.aliasId))).returning();
    if (row) await writeAudit(tx, { actor: actorOf(admin), action: 'alias.delete', entityType: 'model_alias', entityId: row.id, before: row });
    if (row) await reresolveUsageModel(tx, usageModelId(row.source, row.externalId));
    return row;
  });
  if (!removed) return { error: 'This mapping was already removed.' };
  revalidatePath('/admin/aliases');
  return { ok: true, message: `Removed the mapping of ${removed.source} id "${removed.externalId}".` };
}
