'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { setSubscribed } from '@/db/queries/alerts/digest-subscriptions';
import { answer, withValidForm, writeRefused, type ActionState } from '@/lib/action-state';
import { requireUser } from '@/lib/auth/guard';
import { digestSubscriptionSchema } from '@/lib/validation/alerts';

/** The caller's own weekly digest, on or off (audited). */
export async function saveDigestSubscriptionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const me = await requireUser();
  return withValidForm(formData, { schema: digestSubscriptionSchema, invalid: answer('Choose on or off.') }, async ({ subscribed }) => {
    const on = subscribed === 'on';
    const db = await getDb();
    const result = await db.transaction((tx) => setSubscribed(tx, actorOf(me), on, 'page'));
    revalidatePath('/digest');
    if (!result.ok) return writeRefused(result);
    return { ok: true, message: on ? 'You will get this digest by email every week.' : 'You will no longer get the weekly digest by email.' };
  });
}
