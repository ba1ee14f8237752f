'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import type { WriteResult } from '@/db/queries/experiments/write';
import { recordPrivacyMitigation, startRetest } from '@/db/queries/insights/actions';
import { fieldErrorsOf, formObject, formValues, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { recordMitigationSchema, startRetestSchema } from '@/lib/validation/insights';

/**
 * Leads change only the teams they lead, admins any: the query checks the experiment's team and the
 * page's version inside its transaction, on the locked row, and records a refusal in the audit trail.
 */

function revalidateInsights() {
  revalidatePath('/insights');
  revalidatePath('/dashboard');
  revalidatePath('/experiments');
}

const refused = (result: Extract<WriteResult, { ok: false }>, formData?: FormData): ActionState => ({
  error: result.message,
  ...(formData ? { values: formValues(formData) } : {}),
});

export async function startRetestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const parsed = startRetestSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Choose an experiment and a candidate model.' };
  const result = await startRetest(await getDb(), user, parsed.data);
  if (!result.ok) return refused(result);
  revalidateInsights();
  return { ok: true, message: `Re-test proposed as experiment #${result.id}.` };
}

export async function recordMitigationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const parsed = recordMitigationSchema.safeParse(formObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), error: parsed.error.issues[0]?.message, values: formValues(formData) };
  const result = await recordPrivacyMitigation(await getDb(), user, parsed.data);
  if (!result.ok) return refused(result, formData);
  revalidateInsights();
  return { ok: true, message: 'Mitigation recorded; the flag is cleared.' };
}
