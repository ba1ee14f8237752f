'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { addCheckin, addOutcome, deleteOutcome } from '@/db/queries/experiments/children';
import { createExperiment, setArchived, updateExperiment, type WriteResult } from '@/db/queries/experiments/write';
import { fieldErrorsOf, formObject, formValues, refused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { checkinSchema, experimentFormObject, experimentSchema, idSchema, outcomeSchema, versionSchema } from '@/lib/validation/experiment';

/**
 * Every action: signed in with write permission (executives stop here, recorded), validated with the
 * shared zod schema, then the query checks the team scope against the stored row — ids and versions in
 * hidden fields are only pointers, never trusted for rights.
 */

function failed(result: Extract<WriteResult, { ok: false }>, formData: FormData): ActionState {
  if (result.field) return { fieldErrors: { [result.field]: [result.message] }, error: result.message, values: formValues(formData) };
  return { error: result.message, values: formValues(formData) };
}

export async function createExperimentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const parsed = experimentSchema.safeParse(experimentFormObject(formData));
  if (!parsed.success)
    return { error: 'Please correct the fields marked below.', fieldErrors: fieldErrorsOf(parsed.error), values: formValues(formData) };
  const result = await createExperiment(await getDb(), user, parsed.data);
  if (!result.ok) return failed(result, formData);
  revalidatePath('/experiments');
  redirect(`/experiments/${result.id}`);
}

export async function updateExperimentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse(formData.get('id'));
  const version = versionSchema.safeParse(formData.get('version'));
  if (!id.success || !version.success) return { error: 'This form is out of date: reload the page.' };
  const parsed = experimentSchema.safeParse(experimentFormObject(formData));
  if (!parsed.success)
    return { error: 'Please correct the fields marked below.', fieldErrors: fieldErrorsOf(parsed.error), values: formValues(formData) };
  const result = await updateExperiment(await getDb(), user, id.data, version.data, parsed.data);
  if (!result.ok) return failed(result, formData);
  revalidatePath('/experiments');
  revalidatePath(`/experiments/${id.data}`);
  redirect(`/experiments/${id.data}`);
}

async function archiveOrRestore(formData: FormData, archived: boolean): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success) return { error: 'Invalid request.' };
  const result = await setArchived(await getDb(), user, id.data, archived);
  if (!result.ok) return { error: result.message };
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
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse(formData.get('experimentId'));
  if (!id.success) return { error: 'Invalid request.' };
  const parsed = outcomeSchema.safeParse(formObject(formData));
  if (!parsed.success) return refused(parsed.error, formData);
  const result = await addOutcome(await getDb(), user, id.data, parsed.data);
  if (!result.ok) return failed(result, formData);
  revalidatePath(`/experiments/${id.data}`);
  return { ok: true, message: 'Outcome added.' };
}

export async function deleteOutcomeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse(formData.get('experimentId'));
  const outcomeId = idSchema.safeParse(formData.get('outcomeId'));
  if (!id.success || !outcomeId.success) return { error: 'Invalid request.' };
  const result = await deleteOutcome(await getDb(), user, id.data, outcomeId.data);
  if (!result.ok) return { error: result.message };
  revalidatePath(`/experiments/${id.data}`);
  return { ok: true, message: 'Outcome removed.' };
}

export async function addCheckinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const id = idSchema.safeParse(formData.get('experimentId'));
  if (!id.success) return { error: 'Invalid request.' };
  const parsed = checkinSchema.safeParse(formObject(formData));
  if (!parsed.success) return refused(parsed.error, formData);
  const result = await addCheckin(await getDb(), user, id.data, parsed.data);
  if (!result.ok) return failed(result, formData);
  revalidatePath(`/experiments/${id.data}`);
  return { ok: true, message: 'Check-in added.' };
}
