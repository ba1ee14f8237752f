'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createApiToken, revokeApiToken } from '@/db/queries/people/api-tokens';
import { formObject, refused, type ActionState } from '@/lib/action-state';
import { requireUser } from '@/lib/auth/guard';
import { createPersonalTokenSchema, expiryFromDays, revokeTokenSchema } from '@/lib/validation/api-tokens';

const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });

/** Any signed-in user may create a personal read-only token; it acts as them. The token is shown once. */
export async function createPersonalTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const me = await requireUser();
  const parsed = createPersonalTokenSchema.safeParse(formObject(formData));
  if (!parsed.success) return refused(parsed.error, formData);
  const db = await getDb();
  const { token } = await db.transaction((tx) =>
    createApiToken(tx, actorOf(me), { kind: 'personal', name: parsed.data.name, userId: me.id, expiresAt: expiryFromDays(parsed.data.expiresInDays) }),
  );
  revalidatePath('/account');
  return { ok: true, message: `Copy this token now; it will not be shown again: ${token}` };
}

export async function revokePersonalTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const me = await requireUser();
  const parsed = revokeTokenSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'Invalid request.' };
  const db = await getDb();
  const ok = await db.transaction((tx) => revokeApiToken(tx, actorOf(me), parsed.data.tokenId, me.id));
  revalidatePath('/account');
  return ok ? { ok: true, message: 'Token revoked.' } : { error: 'This token is already revoked or is not yours.' };
}
