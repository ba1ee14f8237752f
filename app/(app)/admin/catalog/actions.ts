'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { addAlias, aliasTaken, deleteAlias } from '@/db/queries/models/aliases';
import { applySync, discardSync } from '@/db/queries/models/catalog-sync';
import { formObject, refused, writeRefused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { isUniqueViolation } from '@/lib/security/db-errors';
import { aliasIdSchema, aliasSchema, applySyncSchema, syncIdSchema } from '@/lib/validation/catalog-sync';

export async function applySyncAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  const parsed = applySyncSchema.safeParse({ id: formData.get('id'), take: formData.getAll('take').filter((v) => typeof v === 'string') });
  if (!parsed.success) return { error: 'This sync could not be read; reload the page.' };
  const db = await getDb();
  const r = await db.transaction((tx) => applySync(tx, actorOf(admin), parsed.data.id, parsed.data.take));
  if (!r.ok) return writeRefused(r);
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
  const result = await db.transaction((tx) => discardSync(tx, actorOf(admin), parsed.data.id));
  if (!result.ok) return writeRefused(result);
  revalidatePath('/admin');
  redirect('/admin');
}

export async function addAliasAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  const parsed = aliasSchema.safeParse(formObject(formData));
  // One sentence beside the small form (ActionForm shows `error`).
  if (!parsed.success) return { error: Object.values(refused(parsed.error, formData).fieldErrors ?? {}).flat().join(' ') || 'Check the mapping.' };
  const a = parsed.data;
  let result;
  try {
    result = await (await getDb()).transaction((tx) => addAlias(tx, actorOf(admin), a));
  } catch (err) {
    // Another admin mapped the same id between the query's check and its insert.
    if (isUniqueViolation(err)) return { error: aliasTaken(a.source) };
    throw err;
  }
  if (!result.ok) return writeRefused(result);
  revalidatePath('/admin/aliases');
  return { ok: true, message: `${a.source} id "${a.externalId}" now maps to ${result.slug}.` };
}

export async function deleteAliasAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  const parsed = aliasIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'This mapping could not be read; reload the page.' };
  const result = await (await getDb()).transaction((tx) => deleteAlias(tx, actorOf(admin), parsed.data.aliasId));
  if (!result.ok) return writeRefused(result);
  revalidatePath('/admin/aliases');
  return { ok: true, message: `Removed the mapping of ${result.source} id "${result.externalId}".` };
}
