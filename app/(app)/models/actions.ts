'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { listVendors } from '@/db/queries/models/details';
import { previewModelImport, type PreviewRow } from '@/db/queries/models/import';
import { saveModelScore } from '@/db/queries/models/scores';
import { createModel, SLUG_TAKEN, updateModel, upsertPriceChange } from '@/db/queries/models/writes';
import { withValidForm, writeRefused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { isUniqueViolation } from '@/lib/security/db-errors';
import { enteredBy, isoToday } from '@/lib/sources';
import { benchmarkScoreSchema, modelSchema, modelUpdateSchema, priceChangeSchema } from '@/lib/validation/model';
import { parseModelImport } from '@/lib/validation/model-import';
import { channelPolicySchema } from '@/lib/validation/channel-policy';
import { saveChannelPolicy } from '@/db/queries/models/channel-policies';
import { CHANNEL_LABEL } from '@/lib/labels';
import { actorOf } from '@/db/queries/admin/audit';
import type { WriteResult } from '@/db/queries/write-result';
import type { Db } from '@/db/types';


function revalidateCatalog(slug?: string) {
  revalidatePath('/models');
  revalidatePath('/trends');
  if (slug) revalidatePath(`/models/${slug}`);
}

/**
 * Runs a create or an edit of a model and opens its page; the slug is checked inside the write, and a clash with
 * another admin's save in the same instant (the unique index) gets the same message beside the field.
 */
async function saveModel(formData: FormData, write: (tx: Db) => Promise<WriteResult<{ slug: string }>>): Promise<ActionState> {
  let result;
  try {
    result = await (await getDb()).transaction(write);
  } catch (err) {
    if (isUniqueViolation(err)) return writeRefused({ field: 'slug', message: SLUG_TAKEN }, formData);
    throw err;
  }
  if (!result.ok) return writeRefused(result, formData);
  revalidateCatalog(result.slug);
  redirect(`/models/${result.slug}`);
}

export async function createModelAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  return withValidForm(formData, modelSchema, (data) => saveModel(formData, (tx) => createModel(tx, actorOf(admin), data, enteredBy(admin.email, isoToday()))));
}

export async function updateModelAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  return withValidForm(formData, modelUpdateSchema, ({ id, ...fields }) =>
    saveModel(formData, (tx) => updateModel(tx, actorOf(admin), id, fields, enteredBy(admin.email, isoToday()))),
  );
}

export async function addPriceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  return withValidForm(formData, priceChangeSchema, async (data) => {
    const db = await getDb();
    const result = await db.transaction((tx) => upsertPriceChange(tx, actorOf(admin), { ...data, note: data.note || null }, enteredBy(admin.email, isoToday())));
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/models', 'layout');
    revalidatePath('/trends');
    return { ok: true, message: `Price from ${data.effectiveDate} saved.` };
  });
}

export async function addBenchmarkAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  return withValidForm(formData, benchmarkScoreSchema, async (data) => {
    const { source: cited, ...entry } = data;
    const source = cited ? `${cited} (${enteredBy(admin.email, isoToday())})` : enteredBy(admin.email, isoToday());
    const result = await (await getDb()).transaction((tx) => saveModelScore(tx, actorOf(admin), entry, source));
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/models', 'layout');
    revalidatePath('/trends');
    revalidatePath('/insights');
    return { ok: true, message: `Score ${entry.score} saved${result.replaced ? ', replacing the earlier one' : ''}.` };
  });
}

/** Step 2 (apply) is POST /api/models/import, which streams its progress. */
export type ImportState = { fileError?: string; rows?: PreviewRow[]; error?: string };

async function readImport(formData: FormData) {
  const csv = formData.get('csv');
  if (typeof csv !== 'string' || csv.trim() === '') return { fileError: 'Choose a CSV file first.' } as const;
  const db = await getDb();
  const parsed = parseModelImport(csv, await listVendors(db));
  return { db, parsed } as const;
}

/** Step 1: what would happen to each row. Changes nothing. */
export async function previewImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  await requirePermission('models.write');
  const r = await readImport(formData);
  if ('fileError' in r) return { fileError: r.fileError };
  if (r.parsed.fileError) return { fileError: r.parsed.fileError };
  return { rows: await previewModelImport(r.db, r.parsed.rows) };
}

export async function saveChannelPolicyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  return withValidForm(formData, channelPolicySchema, async (input) => {
    const result = await (await getDb()).transaction((tx) => saveChannelPolicy(tx, actorOf(admin), input));
    if (!result.ok) return writeRefused(result, formData);
    // The policy re-flags experiments (their privacy flags, the Insights page, the list's filter).
    revalidatePath('/models', 'layout');
    revalidatePath('/insights');
    revalidatePath('/experiments', 'layout');
    return { ok: true, message: `${input.vendor}: ${CHANNEL_LABEL[input.channel]} policy saved.` };
  });
}
