'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { resendDeadLetter } from '@/db/queries/alerts/outbox';
import { formObject, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { resendSchema } from '@/lib/validation/alerts';

/** Puts a dead-lettered message back in the queue (the next delivery run sends it); admins only, audited. */
export async function resendDeadLetterAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  const parsed = resendSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'Invalid request.' };
  const db = await getDb();
  const ok = await db.transaction((tx) => resendDeadLetter(tx, { id: admin.id, email: admin.email }, parsed.data.id));
  revalidatePath('/admin');
  return ok ? { ok: true, message: 'Queued again: the next delivery run sends it.' } : { error: 'This message is no longer on the dead-letter list.' };
}
