'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { resendDeadLetter } from '@/db/queries/alerts/outbox';
import { actorOf } from '@/db/queries/admin/audit';
import { formObject, writeRefused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { resendSchema } from '@/lib/validation/alerts';

/** Puts a dead-lettered message back in the queue (the next delivery run sends it); admins only, audited. */
export async function resendDeadLetterAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  const parsed = resendSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'Invalid request.' };
  const db = await getDb();
  const result = await db.transaction((tx) => resendDeadLetter(tx, actorOf(admin), parsed.data.id));
  if (!result.ok) return writeRefused(result);
  revalidatePath('/admin');
  return { ok: true, message: 'Queued again: the next delivery run sends it.' };
}
