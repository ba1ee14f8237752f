'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { markRead, savePreferences } from '@/db/queries/alerts/inbox';
import { formObject, refused, type ActionState } from '@/lib/action-state';
import { requireUser } from '@/lib/auth/guard';
import { markReadSchema, preferencesSchema } from '@/lib/validation/alerts';

/** Marks one of the caller's own alerts read (or all of them); another person's alert is left alone. */
export async function markReadAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const me = await requireUser();
  const parsed = markReadSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'Invalid request.' };
  const n = await markRead(await getDb(), me.id, 'id' in parsed.data ? [parsed.data.id] : undefined);
  revalidatePath('/', 'layout');
  return n ? { ok: true, message: n === 1 ? 'Marked as read.' : `${n} alerts marked as read.` } : { error: 'Nothing unread to mark.' };
}

/** The caller's own alert preferences; every change is audited (db/queries/alerts/inbox.ts). */
export async function savePreferencesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const me = await requireUser();
  const parsed = preferencesSchema.safeParse(formObject(formData));
  if (!parsed.success) return refused(parsed.error, formData);
  const changed = await savePreferences(await getDb(), { id: me.id, email: me.email }, parsed.data);
  revalidatePath('/inbox');
  // A save that changes nothing is answered as such, not as a success: an accepted request always writes.
  if (!changed.length) return { error: 'Nothing changed: these are already your preferences.' };
  return { ok: true, message: 'Preferences saved.' };
}
