'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createApiToken, revokeApiToken } from '@/db/queries/people/api-tokens';
import { answer, refused, withValidForm, writeRefused, type ActionState } from '@/lib/action-state';
import { requireUser } from '@/lib/auth/guard';
import { createPersonalTokenSchema, expiryFromDays, revokeTokenSchema } from '@/lib/validation/api-tokens';
import { actorOf } from '@/db/queries/admin/audit';


/** Any signed-in user may create a personal read-only token; it acts as them. The token is shown once. */
export async function createPersonalTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const me = await requireUser();
  return withValidForm(formData, { schema: createPersonalTokenSchema, invalid: refused }, async (data) => {
    const result = await (await getDb()).transaction((tx) =>
      createApiToken(tx, actorOf(me), { kind: 'personal', name: data.name, userId: me.id, expiresAt: expiryFromDays(data.expiresInDays) }),
    );
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/account');
    return { ok: true, message: `Copy this token now; it will not be shown again: ${result.token}` };
  });
}

export async function revokePersonalTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const me = await requireUser();
  return withValidForm(formData, { schema: revokeTokenSchema, invalid: answer('Invalid request.') }, async (data) => {
    const db = await getDb();
    const result = await db.transaction((tx) => revokeApiToken(tx, actorOf(me), data.tokenId, me.id));
    if (!result.ok) return writeRefused(result);
    revalidatePath('/account');
    return { ok: true, message: 'Token revoked.' };
  });
}
