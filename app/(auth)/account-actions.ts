'use server';

import { randomBytes } from 'node:crypto';
import { APIError } from 'better-auth/api';
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb, type Db } from '@/db';
import { writeAudit } from '@/db/queries/admin/audit';
import { beginAttempt, pruneOldAttempts, recordFailure, recordSuccess, type AttemptKey } from '@/db/queries/people/login-attempts';
import { RESET_LINK_INVALID, resetPasswordWithToken, resetTokenIsValid } from '@/db/queries/people/password-reset';
import { countUsers } from '@/db/queries/people/users';
import { updateSettings } from '@/db/queries/admin/settings';
import { written } from '@/db/queries/write-result';
import { insertUserWithPassword } from '@/db/seed/demo';
import { fieldErrorsOf, formFields, writeRefused, type ActionState } from '@/lib/action-state';
import { requireUser } from '@/lib/auth/guard';
import { authFor } from '@/lib/auth/server';
import { THROTTLE, passwordChangeVerdict, tooManyMessage } from '@/lib/auth/throttle';
import { clientIp } from '@/lib/security/forwarded';
import { changePasswordSchema, resetPasswordSchema, setupSchema } from '@/lib/validation/auth';

const pick = formFields;

/** Throttled per user like a sign-in: a stolen session cannot be used to guess the password. */
export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const parsed = changePasswordSchema.safeParse(pick(formData, ['currentPassword', 'newPassword', 'confirmPassword']));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const h = await headers();
  const db = await getDb();
  const key: AttemptKey = { purpose: 'password-change', account: user.email, client: 'user', clientIp: clientIp(h) };
  const { id, verdict } = await beginAttempt(db, key, THROTTLE.windowMinutes, passwordChangeVerdict);
  await pruneOldAttempts(db, THROTTLE.keepHours);
  if (verdict.refuse) return { fieldErrors: { currentPassword: [tooManyMessage('wrong current passwords', verdict.retryAfterSeconds)] } };
  try {
    await (await authFor(h)).api.changePassword({
      body: { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, revokeOtherSessions: true },
      headers: h,
    });
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    await recordFailure(db, id);
    return { fieldErrors: { currentPassword: ['Your current password is not right.'] } };
  }
  await recordSuccess(db, id, key);
  await writeAudit(db, { actor: user, action: 'user.change-password', entityType: 'user', entityId: user.id });
  return { ok: true, message: 'Password changed. Your other sessions were signed out.' };
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = resetPasswordSchema.safeParse(pick(formData, ['token', 'newPassword', 'confirmPassword']));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const db = await getDb();
  // Checked before the (slow) hashing; the token is consumed atomically below.
  if (!(await resetTokenIsValid(db, parsed.data.token))) return { error: RESET_LINK_INVALID };
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const result = await resetPasswordWithToken(db, parsed.data.token, passwordHash);
  if (!result.ok) return writeRefused(result);
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
    // Two submissions at once: the second waits here until the first commits, then sees its admin.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('uplift:first-run-setup', 0))`);
    if ((await countUsers(tx)) > 0) return false;
    const id = `admin_${randomBytes(9).toString('base64url')}`;
    await insertUserWithPassword(tx, { id, email: parsed.data.email, name: parsed.data.name, role: 'admin', passwordHash });
    const settings = { name: parsed.data.organisation, currency: 'USD', timeZone: 'UTC', fiscalYearStartMonth: 1 };
    written(await updateSettings(tx, { id, email: parsed.data.email }, settings));
    return true;
  });
  if (!created) return { error: 'This instance is already set up: sign in instead.' };
  redirect('/login');
}
