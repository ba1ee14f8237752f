'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addTechnique, deleteTechnique, updateTechnique } from '@/db/queries/techniques/write';
import { refused, withValidForm, writeRefused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { idSchema, versionSchema } from '@/lib/validation/experiment';
import { techniqueSchema } from '@/lib/validation/technique';

/**
 * An experiment's techniques (issue 23 §3). Adding is open to whoever may read (the people who ran an
 * experiment may add when their team allows it, whatever their role); the query decides on the stored rows.
 * Correcting and removing need write permission, then the experiment's team.
 */

const OUT_OF_DATE = { error: 'This form is out of date: reload the page.' };

function revalidate(experimentId: number) {
  revalidatePath(`/experiments/${experimentId}`);
  revalidatePath('/playbook');
}

export async function addTechniqueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.read');
  const id = idSchema.safeParse(formData.get('experimentId'));
  if (!id.success) return { error: 'Invalid request.' };
  return withValidForm(formData, { schema: techniqueSchema, invalid: refused }, async (data) => {
    const result = await addTechnique(await getDb(), user, id.data, data);
    if (!result.ok) return writeRefused(result, formData);
    revalidate(id.data);
    return { ok: true, message: 'Technique added to the playbook.' };
  });
}

function ref(formData: FormData) {
  const id = idSchema.safeParse(formData.get('experimentId'));
  const techniqueId = idSchema.safeParse(formData.get('techniqueId'));
  const version = versionSchema.safeParse(formData.get('version'));
  return id.success && techniqueId.success && version.success ? { id: id.data, techniqueId: techniqueId.data, version: version.data } : null;
}

export async function updateTechniqueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const r = ref(formData);
  if (!r) return OUT_OF_DATE;
  return withValidForm(formData, { schema: techniqueSchema, invalid: refused }, async (data) => {
    const result = await updateTechnique(await getDb(), user, r.id, r.techniqueId, r.version, data);
    if (!result.ok) return writeRefused(result, formData);
    revalidate(r.id);
    return { ok: true, message: 'Technique saved.' };
  });
}

export async function deleteTechniqueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const r = ref(formData);
  if (!r) return OUT_OF_DATE;
  const result = await deleteTechnique(await getDb(), user, r.id, r.techniqueId, r.version);
  if (!result.ok) return writeRefused(result);
  revalidate(r.id);
  return { ok: true, message: 'Technique removed.' };
}
