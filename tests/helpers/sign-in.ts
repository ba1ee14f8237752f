/**
 * Sign-in calls for the throttling tests: the real server action (app/(auth)/actions.ts) with the
 * request headers a browser or a proxy would send. Needs the harness's next/headers mock (see
 * ./security-harness).
 */
import { hashPassword } from 'better-auth/crypto';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { signIn } from '@/app/(auth)/actions';
import { loginAttempts, type Role } from '@/db/schema';
import { insertUserWithPassword } from '@/db/seed/demo';
import type { Db } from '@/db/types';
import { DEVICE_COOKIE } from '@/lib/auth/device-cookie';
import { getAuth } from '@/lib/auth/server';
import { actionOutcome, formDataOf, responseCookie, setRequest, type Outcome } from './security-harness';

export const PASSWORD = 'the right passphrase';
export const WRONG = 'Wrong email or password.';
export const TOO_MANY = /^Too many failed sign-ins\. Try again in \d+ minutes?\.$/;

export type Browser = { deviceCookie?: string; forwardedFor?: string; forwardedProto?: string; extraCookie?: string };

let hash: Promise<string> | undefined;

/** A fresh user (an executive unless said otherwise) with PASSWORD. */
export async function newAccount(db: Db, role: Role = 'executive'): Promise<{ id: string; email: string }> {
  hash ??= hashPassword(PASSWORD);
  const id = `th_${randomBytes(6).toString('hex')}`;
  const email = `${id}@throttle.test`;
  await insertUserWithPassword(db, { id, email, name: `Throttle ${id}`, role, passwordHash: await hash });
  return { id, email };
}

/** A session cookie header for the account, straight from better-auth (no throttling involved). */
export async function sessionCookieOf(email: string, password = PASSWORD): Promise<string> {
  const res = await (await getAuth()).api.signInEmail({ body: { email, password }, returnHeaders: true });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export function requestOf(browser: Browser = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  const cookies = [browser.deviceCookie ? `${DEVICE_COOKIE}=${browser.deviceCookie}` : '', browser.extraCookie ?? ''].filter(Boolean);
  if (cookies.length) headers.cookie = cookies.join('; ');
  if (browser.forwardedFor) headers['x-forwarded-for'] = browser.forwardedFor;
  if (browser.forwardedProto) headers['x-forwarded-proto'] = browser.forwardedProto;
  return headers;
}

/** One sign-in through the action; what it answered, and the device cookie it set (if any). */
export async function attempt(email: string, password: string, browser: Browser = {}, extra: Record<string, string> = {}) {
  setRequest(requestOf(browser));
  const outcome = await actionOutcome(() => signIn({}, formDataOf({ email, password, ...extra })));
  return { outcome, deviceCookie: responseCookie(DEVICE_COOKIE)?.value };
}

/** `n` sign-ins sent at once from the same browser. */
export async function parallel(n: number, email: string, password: string, browser: Browser = {}): Promise<Outcome[]> {
  setRequest(requestOf(browser));
  return Promise.all(Array.from({ length: n }, () => actionOutcome(() => signIn({}, formDataOf({ email, password })))));
}

export const messageOf = (o: Outcome) => ('state' in o ? o.state?.error : undefined);

/** Outcomes of the account's recorded attempts, counted. */
export async function outcomesOf(db: Db, email: string): Promise<Record<string, number>> {
  const rows = await db.select({ outcome: loginAttempts.outcome }).from(loginAttempts).where(eq(loginAttempts.email, email));
  const out: Record<string, number> = {};
  for (const r of rows) out[r.outcome] = (out[r.outcome] ?? 0) + 1;
  return out;
}
