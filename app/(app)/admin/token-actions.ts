'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createApiToken, revokeApiToken } from '@/db/queries/people/api-tokens';
import { teams } from '@/db/schema';
import { answer, formValues, refused, withValidForm, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { createServiceTokenSchema, expiryFromDays, revokeTokenSchema } from '@/lib/validation/api-tokens';
import { actorOf } from '@/db/queries/admin/audit';


/** Admins create service tokens for a BI tool: the organisation's data (as an executive sees it) or one team's. */
export async function createServiceTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, { schema: createServiceTokenSchema, invalid: refused }, async (data) => {
    const teamId = data.teamId === '' ? null : data.teamId;
    const db = await getDb();
    if (teamId != null && !(await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId))).length)
      return { fieldErrors: { teamId: ['That team no longer exists.'] }, values: formValues(formData) };
    const { token } = await db.transaction((tx) =>
      createApiToken(tx, actorOf(admin), { kind: 'service', name: data.name, teamId, expiresAt: expiryFromDays(data.expiresInDays) }),
    );
    revalidatePath('/admin');
    return { ok: true, message: `Copy this token now; it will not be shown again: ${token}` };
  });
}

export async function revokeServiceTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, { schema: revokeTokenSchema, invalid: answer('Invalid request.') }, async (data) => {
    const db = await getDb();
    const ok = await db.transaction((tx) => revokeApiToken(tx, actorOf(admin), data.tokenId, null));
    revalidatePath('/admin');
    return ok ? { ok: true, message: 'Token revoked.' } : { error: 'This token is already revoked.' };
  });
}
