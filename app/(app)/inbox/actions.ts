'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { markRead, savePreferences } from '@/db/queries/alerts/inbox';
import { formObject, refused, writeRefused, type ActionState } from '@/lib/action-state';
import { requireUser } from '@/lib/auth/guard';
import { markReadSchema, preferencesSchema } from '@/lib/validation/alerts';

/** Marks one of the caller's own alerts read (or all of them); another person's alert is left alone. */
export async function markReadAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const me = await requireUser();
  const parsed = markReadSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'Invalid request.' };
  const result = await (await getDb()).transaction((tx) => markRead(tx, me.id, 'id' in parsed.data ? [parsed.data.id] : undefined));
  revalidatePath('/', 'layout');
  if (!result.ok) return writeRefused(result);
  return { ok: true, message: result.count === 1 ? 'Marked as read.' : `${result.count} alerts marked as read.` };
}

/** The caller's own alert preferences; every change is audited (db/queries/alerts/inbox.ts). */
export async function savePreferencesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const me = await requireUser();
  const parsed = preferencesSchema.safeParse(formObject(formData));
  if (!parsed.success) return refused(parsed.error, formData);
  const result = await (await getDb()).transaction((tx) => savePreferences(tx, actorOf(me), parsed.data));
  revalidatePath('/inbox');
  if (!result.ok) return writeRefused(result);
  return { ok: true, message: 'Preferences saved.' };
}
