'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createApiToken, revokeApiToken } from '@/db/queries/people/api-tokens';
import { answer, refused, withValidForm, writeRefused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { createServiceTokenSchema, expiryFromDays, revokeTokenSchema } from '@/lib/validation/api-tokens';
import { actorOf } from '@/db/queries/admin/audit';


/** Admins create service tokens for a BI tool: the organisation's data (as an executive sees it) or one team's. */
export async function createServiceTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, { schema: createServiceTokenSchema, invalid: refused }, async (data) => {
    const teamId = data.teamId === '' ? null : data.teamId;
    const result = await (await getDb()).transaction((tx) =>
      createApiToken(tx, actorOf(admin), { kind: 'service', name: data.name, teamId, expiresAt: expiryFromDays(data.expiresInDays) }),
    );
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/admin');
    return { ok: true, message: `Copy this token now; it will not be shown again: ${result.token}` };
  });
}

export async function revokeServiceTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, { schema: revokeTokenSchema, invalid: answer('Invalid request.') }, async (data) => {
    const db = await getDb();
    const result = await db.transaction((tx) => revokeApiToken(tx, actorOf(admin), data.tokenId, null));
    if (!result.ok) return writeRefused(result);
    revalidatePath('/admin');
    return { ok: true, message: 'Token revoked.' };
  });
}
