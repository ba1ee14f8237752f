'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { applyImport, planImport, type ImportPlan } from '@/db/queries/experiments/import';
import { requirePermission } from '@/lib/auth/guard';
import { MAX_IMPORT_BYTES, type ImportState } from '@/lib/validation/experiment-import';


const view = (plan: ImportPlan) => ({
  rows: plan.rows.map((r) => ({ line: r.line, title: r.title, ok: r.ok, errors: r.ok ? [] : r.errors, becomes: r.becomes })),
  creatable: plan.creatable,
  rejected: plan.rejected,
  error: plan.error,
});

export async function previewImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const user = await requirePermission('experiments.write');
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { error: 'Choose a CSV file first.' };
  if (file.size > MAX_IMPORT_BYTES) return { error: 'The file is larger than 900 KB: split it into several imports.' };
  const csv = await file.text();
  const plan = await planImport(await getDb(), user, csv);
  return { csv, fileName: file.name, ...view(plan) };
}

export async function applyImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const user = await requirePermission('experiments.write');
  const csv = formData.get('csv');
  if (typeof csv !== 'string' || !csv) return { error: 'Preview a file first.' };
  const result = await applyImport(await getDb(), user, csv);
  if (!result.ok) return { csv, ...view(result.plan), error: result.message };
  revalidatePath('/experiments');
  return { message: `Imported ${result.created.length} experiment${result.created.length === 1 ? '' : 's'}.` };
}
