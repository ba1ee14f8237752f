'use server';

import { setTimeout as sleep } from 'node:timers/promises';
import { APIError } from 'better-auth/api';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { beginAttempt, pruneOldAttempts, recordFailure, recordSuccess, type AttemptKey } from '@/db/queries/people/login-attempts';
import { fieldErrorsOf, formFields, type ActionState } from '@/lib/action-state';
import { deviceCookieOf, identifyClient, requestIsHttps } from '@/lib/auth/client-identity';
import { DEVICE_COOKIE, deviceCookieAfterSignIn, deviceCookieOptions } from '@/lib/auth/device-cookie';
import { homePath } from '@/lib/auth/permissions';
import { safeNextPath } from '@/lib/auth/safe-next';
import { authSecret } from '@/lib/auth/secret';
import { authFor } from '@/lib/auth/server';
import { PASSWORDS_OFF } from '@/lib/auth/sso/messages';
import { THROTTLE, signInVerdict, tooManyMessage } from '@/lib/auth/throttle';
import { signInSchema } from '@/lib/validation/auth';
import type { Role } from '@/db/schema';

const WRONG = 'Wrong email or password.';

/**
 * Sign-in, throttled per (account, client) and per client (lib/auth/throttle.ts). The attempt is
 * recorded before the password is checked, so parallel guesses cannot all slip under the limit.
 */
export async function signIn(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData, ['email', 'password']);
  const parsed = signInSchema.safeParse(fields);
  const email = fields.email;
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { email } };

  const h = await headers();
  const db = await getDb();
  const secret = authSecret();
  const client = identifyClient(h, parsed.data.email, secret);
  const key: AttemptKey = { purpose: 'sign-in', account: parsed.data.email, client: client.key, clientIp: client.ip };
  const { id, verdict } = await beginAttempt(db, key, THROTTLE.windowMinutes, (prior) => signInVerdict(prior, client));
  await pruneOldAttempts(db, THROTTLE.keepHours);
  if (verdict.refuse) return { error: tooManyMessage('failed sign-ins', verdict.retryAfterSeconds), values: { email } };
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);

  let role: Role;
  try {
    const result = await (await authFor(h)).api.signInEmail({ body: parsed.data, headers: h });
    role = (result.user as { role?: Role }).role ?? 'executive';
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    await recordFailure(db, id);
    // Passwords turned off on /admin (lib/auth/sso/options.ts): said plainly, the same for every email.
    if (err.body?.code === 'passwords_off') return { error: PASSWORDS_OFF, values: { email } };
    // The same words for an unknown email, a wrong password and a deactivated account.
    return { error: WRONG, values: { email } };
  }
  await recordSuccess(db, id, key);
  (await cookies()).set(DEVICE_COOKIE, deviceCookieAfterSignIn(deviceCookieOf(h), parsed.data.email, secret), deviceCookieOptions(requestIsHttps(h)));
  redirect(safeNextPath(formData.get('next')) ?? homePath(role));
}

export async function signOut(): Promise<void> {
  const h = await headers();
  try {
    await (await authFor(h)).api.signOut({ headers: h });
  } catch {
    // no session: nothing to end
  }
  redirect('/login');
}
