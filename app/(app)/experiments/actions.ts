'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { addCheckin, addOutcome, deleteOutcome } from '@/db/queries/experiments/children';
import { deleteCheckin, updateCheckin, updateOutcome } from '@/db/queries/experiments/corrections';
import { reassignOwner } from '@/db/queries/experiments/owner';
import { graduateExperiment } from '@/db/queries/experiments/graduate';
import { createExperiment, setArchived, updateExperiment } from '@/db/queries/experiments/write';
import { answer, markFields, refused, withValidForm, writeRefused, type ActionState, type OnInvalid } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { cleanText } from '@/lib/security/clean-text';
import { checkinSchema, experimentFormObject, experimentSchema, graduateSchema, idSchema, outcomeSchema, versionSchema } from '@/lib/validation/experiment';

/**
 * Every action: signed in with write permission (executives stop here, recorded) — except adding an outcome,
 * a check-in or a technique, which the people who ran an experiment may do whatever their role when their team
 * allows it (mayAddResults, checked by the query) — validated with the
 * shared zod schema, then the query checks the team scope against the stored row — ids and versions in
 * hidden fields are only pointers, never trusted for rights.
 */

/** The experiment form: every field's messages, and one line above the form saying so. */
const correctFields: OnInvalid = (error, formData) => ({ error: 'Please correct the fields marked below.', ...markFields(error, formData) });

export async function createExperimentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  return withValidForm(formData, { schema: experimentSchema, input: experimentFormObject(formData), invalid: correctFields }, async (data) => {
    const result = await createExperiment(await getDb(), user, data);
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/experiments');
    redirect(`/experiments/${result.id}`);
  });
}

export async function updateExperimentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse(formData.get('id'));
  const version = versionSchema.safeParse(formData.get('version'));
  if (!id.success || !version.success) return { error: 'This form is out of date: reload the page.' };
  return withValidForm(formData, { schema: experimentSchema, input: experimentFormObject(formData), invalid: correctFields }, async (data) => {
    const result = await updateExperiment(await getDb(), user, id.data, version.data, data);
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/experiments');
    revalidatePath(`/experiments/${id.data}`);
    redirect(`/experiments/${id.data}`);
  });
}

async function archiveOrRestore(formData: FormData, archived: boolean): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success) return { error: 'Invalid request.' };
  const result = await setArchived(await getDb(), user, id.data, archived);
  if (!result.ok) return writeRefused(result);
  revalidatePath('/experiments');
  revalidatePath(`/experiments/${id.data}`);
  return { ok: true, message: archived ? 'Archived: it no longer appears in lists and dashboards.' : 'Restored.' };
}

export async function archiveExperimentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return archiveOrRestore(formData, true);
}

export async function restoreExperimentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return archiveOrRestore(formData, false);
}

export async function addOutcomeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.read');
  const id = idSchema.safeParse(formData.get('experimentId'));
  if (!id.success) return { error: 'Invalid request.' };
  return withValidForm(formData, { schema: outcomeSchema, invalid: refused }, async (data) => {
    const result = await addOutcome(await getDb(), user, id.data, data);
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath(`/experiments/${id.data}`);
    return { ok: true, message: 'Outcome added.' };
  });
}

export async function deleteOutcomeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse(formData.get('experimentId'));
  const outcomeId = idSchema.safeParse(formData.get('outcomeId'));
  const version = versionSchema.safeParse(formData.get('version'));
  if (!id.success || !outcomeId.success || !version.success) return OUT_OF_DATE;
  const result = await deleteOutcome(await getDb(), user, id.data, outcomeId.data, version.data);
  if (!result.ok) return writeRefused(result);
  revalidatePath(`/experiments/${id.data}`);
  return { ok: true, message: 'Outcome removed.' };
}

export async function addCheckinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.read');
  const id = idSchema.safeParse(formData.get('experimentId'));
  if (!id.success) return { error: 'Invalid request.' };
  return withValidForm(formData, { schema: checkinSchema, invalid: refused }, async (data) => {
    const result = await addCheckin(await getDb(), user, id.data, data);
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath(`/experiments/${id.data}`);
    return { ok: true, message: 'Check-in added.' };
  });
}

/** The experiment, the row and the version the edit form was loaded with (pointers only: rights are checked on the stored rows). */
function childRef(formData: FormData, idField: 'checkinId' | 'outcomeId') {
  const id = idSchema.safeParse(formData.get('experimentId'));
  const childId = idSchema.safeParse(formData.get(idField));
  const version = versionSchema.safeParse(formData.get('version'));
  return id.success && childId.success && version.success ? { id: id.data, childId: childId.data, version: version.data } : null;
}

const OUT_OF_DATE = { error: 'This form is out of date: reload the page.' };

export async function updateOutcomeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const ref = childRef(formData, 'outcomeId');
  if (!ref) return OUT_OF_DATE;
  return withValidForm(formData, { schema: outcomeSchema, invalid: refused }, async (data) => {
    const result = await updateOutcome(await getDb(), user, ref.id, ref.childId, ref.version, data);
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath(`/experiments/${ref.id}`);
    return { ok: true, message: 'Outcome saved.' };
  });
}

export async function updateCheckinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const ref = childRef(formData, 'checkinId');
  if (!ref) return OUT_OF_DATE;
  return withValidForm(formData, { schema: checkinSchema, invalid: refused }, async (data) => {
    const result = await updateCheckin(await getDb(), user, ref.id, ref.childId, ref.version, data);
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath(`/experiments/${ref.id}`);
    return { ok: true, message: 'Check-in saved.' };
  });
}

export async function deleteCheckinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const ref = childRef(formData, 'checkinId');
  if (!ref) return OUT_OF_DATE;
  const result = await deleteCheckin(await getDb(), user, ref.id, ref.childId, ref.version);
  if (!result.ok) return writeRefused(result);
  revalidatePath(`/experiments/${ref.id}`);
  return { ok: true, message: 'Check-in removed.' };
}

export async function reassignOwnerAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse(formData.get('id'));
  const version = versionSchema.safeParse(formData.get('version'));
  if (!id.success || !version.success) return OUT_OF_DATE;
  // Cleaned as every text field is (a NUL or other control character never reaches PostgreSQL).
  const raw = formData.get('ownerId');
  const ownerId = typeof raw === 'string' ? cleanText(raw).trim() : '';
  if (!ownerId || ownerId.length > 200) return { error: 'Choose the new owner.' };
  const result = await reassignOwner(await getDb(), user, id.data, version.data, ownerId);
  if (!result.ok) return writeRefused(result);
  revalidatePath('/experiments');
  revalidatePath(`/experiments/${id.data}`);
  return { ok: true, message: 'Owner changed.' };
}

/** An exploration becomes a measured experiment: its target metric is required from then on (issue 23 §2). */
export async function graduateExperimentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse(formData.get('id'));
  const version = versionSchema.safeParse(formData.get('version'));
  if (!id.success || !version.success) return OUT_OF_DATE;
  return withValidForm(formData, { schema: graduateSchema, invalid: answer('Name the target metric it will be measured on (up to 300 characters).') }, async (data) => {
    const result = await graduateExperiment(await getDb(), user, id.data, version.data, data.targetMetric);
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/experiments');
    revalidatePath(`/experiments/${id.data}`);
    return { ok: true, message: 'Graduated: it is now a measured experiment.' };
  });
}
