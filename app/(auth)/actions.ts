'use server';

import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { countRecentFailures, recordFailedSignIn } from '@/db/queries/login-attempts';
import { fieldErrorsOf, formFields, type ActionState } from '@/lib/action-state';
import { clientIp } from '@/lib/auth/client-ip';
import { homePath } from '@/lib/auth/permissions';
import { getAuth } from '@/lib/auth/server';
import { THROTTLE, isThrottled, minutesUntilRetry } from '@/lib/auth/throttle';
import { signInSchema } from '@/lib/validation/auth';
import type { Role } from '@/db/schema';

const WRONG = 'Wrong email or password.';

export async function signIn(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData, ['email', 'password']);
  const parsed = signInSchema.safeParse(fields);
  const email = fields.email;
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { email } };

  const h = await headers();
  const ip = clientIp(h);
  const db = await getDb();
  const counts = await countRecentFailures(db, parsed.data.email, ip, THROTTLE.windowMinutes);
  if (isThrottled(counts)) {
    const minutes = minutesUntilRetry(counts.oldestAccountFailure);
    return { error: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, values: { email } };
  }
  let role: Role;
  try {
    const result = await (await getAuth()).api.signInEmail({ body: parsed.data, headers: h });
    role = (result.user as { role?: Role }).role ?? 'executive';
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    await recordFailedSignIn(db, parsed.data.email, ip);
    // The same words for an unknown email, a wrong password and a deactivated account.
    return { error: WRONG, values: { email } };
  }
  const next = String(formData.get('next') ?? '');
  redirect(next.startsWith('/') && !next.startsWith('//') ? next : homePath(role));
}

export async function signOut(): Promise<void> {
  const auth = await getAuth();
  try {
    await auth.api.signOut({ headers: await headers() });
  } catch {
    // no session: nothing to end
  }
  redirect('/login');
}
