'use server';

import { APIError } from 'better-auth/api';
import { hashPassword } from 'better-auth/crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb, type Db } from '@/db';
import { writeAudit } from '@/db/queries/audit';
import { countUsers } from '@/db/queries/users';
import { updateSettings } from '@/db/queries/settings';
import { insertUserWithPassword } from '@/db/seed/demo';
import { fieldErrorsOf, formFields, type ActionState } from '@/lib/action-state';
import { requireUser } from '@/lib/auth/guard';
import { getAuth } from '@/lib/auth/server';
import { changePasswordSchema, resetPasswordSchema, setupSchema } from '@/lib/validation/auth';

const pick = formFields;

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const parsed = changePasswordSchema.safeParse(pick(formData, ['currentPassword', 'newPassword', 'confirmPassword']));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await (await getAuth()).api.changePassword({
      body: { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, revokeOtherSessions: true },
      headers: await headers(),
    });
  } catch (err) {
    if (err instanceof APIError) return { fieldErrors: { currentPassword: ['Your current password is not right.'] } };
    throw err;
  }
  await writeAudit(await getDb(), { actor: user, action: 'user.change-password', entityType: 'user', entityId: user.id });
  return { ok: true, message: 'Password changed. Your other sessions were signed out.' };
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = resetPasswordSchema.safeParse(pick(formData, ['token', 'newPassword', 'confirmPassword']));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await (await getAuth()).api.resetPassword({ body: { token: parsed.data.token, newPassword: parsed.data.newPassword } });
  } catch (err) {
    if (err instanceof APIError) return { error: 'This reset link is invalid or has expired. Ask an administrator for a new one.' };
    throw err;
  }
  return { ok: true, message: 'Your password is set. You can sign in now.' };
}

/** First-run setup: creates the first admin, only while the instance has no users at all. */
export async function setupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = setupSchema.safeParse(pick(formData, ['name', 'email', 'organisation', 'password', 'confirmPassword']));
  const values = pick(formData, ['name', 'email', 'organisation']);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const db = await getDb();
  const passwordHash = await hashPassword(parsed.data.password);
  const created = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    if ((await countUsers(tx)) > 0) return false;
    const id = `admin_${Date.now().toString(36)}`;
    await insertUserWithPassword(tx, { id, email: parsed.data.email, name: parsed.data.name, role: 'admin', passwordHash });
    const settings = { name: parsed.data.organisation, currency: 'USD', timeZone: 'UTC', fiscalYearStartMonth: 1 };
    await updateSettings(tx, { id, email: parsed.data.email }, settings);
    return true;
  });
  if (!created) return { error: 'This instance is already set up: sign in instead.' };
  redirect('/login');
}
