'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { recordPrivacyMitigation, startRetest } from '@/db/queries/insights/actions';
import { markFields, withValidForm, writeRefused, type ActionState, type OnInvalid } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { recordMitigationSchema, startRetestSchema } from '@/lib/validation/insights';

/**
 * Leads change only the teams they lead, admins any: the query checks the experiment's team and the
 * page's version inside its transaction, on the locked row, and records a refusal in the audit trail.
 */

/** A form of hidden fields: its first problem, said in one line. */
const firstIssue = (fallback: string): OnInvalid => (error) => ({ error: error.issues[0]?.message ?? fallback });

function revalidateInsights() {
  revalidatePath('/insights');
  revalidatePath('/dashboard');
  revalidatePath('/experiments');
}


export async function startRetestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  return withValidForm(formData, { schema: startRetestSchema, invalid: firstIssue('Choose an experiment and a candidate model.') }, async (data) => {
    const result = await startRetest(await getDb(), user, data);
    if (!result.ok) return writeRefused(result);
    revalidateInsights();
    return { ok: true, message: `Re-test proposed as experiment #${result.id}.` };
  });
}

export async function recordMitigationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  return withValidForm(formData, { schema: recordMitigationSchema, invalid: (error, form) => ({ ...markFields(error, form), error: error.issues[0]?.message }) }, async (data) => {
    const result = await recordPrivacyMitigation(await getDb(), user, data);
    if (!result.ok) return writeRefused(result, formData);
    revalidateInsights();
    return { ok: true, message: 'Mitigation recorded; the flag is cleared.' };
  });
}
