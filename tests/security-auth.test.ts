// Sign-in, sessions and passwords: hashing, one message for every failure, fresh sessions, sign-out
// and deactivation ending sessions on the server, timeouts, cookie flags, resets. Throttling:
// tests/security-throttle.test.ts; reset links: tests/security-reset-tokens.test.ts; first-run setup and
// password changes: tests/security-accounts.test.ts.
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { resetPasswordAction } from '@/app/(auth)/account-actions';
import { signIn, signOut } from '@/app/(auth)/actions';
import { setActiveAction } from '@/app/(app)/admin/actions';
import { written } from '@/db/queries/write-result';
import { createPasswordResetToken, hashResetToken } from '@/db/queries/people/password-reset';
import { account, passwordResetTokens, session } from '@/db/schema';
import { getAuth } from '@/lib/auth/server';
import { getCurrentUser } from '@/lib/auth/session';
import { describeEachDb } from './helpers/db';
import {
  DEMO_PASSWORD,
  actAs,
  actionOutcome,
  formDataOf,
  installDb,
  loadFixtures,
  runEntry,
  type Fixtures,
  type Outcome,
} from './helpers/security-harness';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

const WRONG = 'Wrong email or password.';
const signInEntry = { action: signIn };
const messageOf = (o: Outcome) => ('state' in o ? o.state?.error : undefined);

async function sessionCookie(email: string, password = DEMO_PASSWORD, headers?: Headers) {
  const auth = await getAuth();
  const res = await auth.api.signInEmail({ body: { email, password }, headers, returnHeaders: true });
  return res.headers.getSetCookie();
}
const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');
const tokenOf = (setCookies: string[]) => decodeURIComponent(/session_token=([^;]+)/.exec(setCookies.join(';'))![1]).split('.')[0];

describeEachDb(
  'authentication',
  (ctx) => {
    let fx: Fixtures;
    beforeAll(async () => {
      installDb(ctx.db, ctx.kind);
      fx = await loadFixtures(ctx.db);
    });
    const sessionsOf = async (userId: string) => (await ctx.db.select().from(session).where(eq(session.userId, userId))).length;

    it('stores passwords only as slow salted hashes (scrypt)', async () => {
      const u = await fx.newUser();
      const [row] = await ctx.db.select({ password: account.password }).from(account).where(eq(account.userId, u.id));
      expect(row.password).not.toContain(DEMO_PASSWORD);
      expect(row.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/); // better-auth's scrypt: salt:key
      const again = await hashPassword(DEMO_PASSWORD);
      expect(again.split(':')[0]).not.toBe(row.password!.split(':')[0]); // a fresh salt every time
      expect(await verifyPassword({ hash: row.password!, password: DEMO_PASSWORD })).toBe(true);
    });

    it('accepts passwords of 8 to 256 characters, refuses shorter and longer', async () => {
      const set = async (pw: string) => {
        await actAs(fx, 'anon');
        return actionOutcome(() => resetPasswordAction({}, formDataOf({ token: '', newPassword: pw, confirmPassword: pw })));
      };
      const tooShort = await set('seven77');
      expect(tooShort.kind === 'invalid' && tooShort.state?.fieldErrors?.newPassword).toEqual(['A password needs at least 8 characters.']);
      const tooLong = await set('x'.repeat(257));
      expect(tooLong.kind === 'invalid' && tooLong.state?.fieldErrors?.newPassword).toEqual(['A password has at most 256 characters.']);

      const passphrase = 'correct horse battery staple '.repeat(8).slice(0, 256);
      const token = await fx.resetToken();
      const [{ userId }] = await ctx.db
        .select({ userId: passwordResetTokens.userId })
        .from(passwordResetTokens)
        .where(eq(passwordResetTokens.tokenHash, hashResetToken(token)));
      await actAs(fx, 'anon');
      const ok = await actionOutcome(() => resetPasswordAction({}, formDataOf({ token, newPassword: passphrase, confirmPassword: passphrase })));
      expect(ok.kind).toBe('ok');
      const email = (await ctx.db.execute(sql`select email from "user" where id = ${userId}`)) as unknown;
      const [{ email: address }] = rowsOf<{ email: string }>(email);
      expect(await sessionCookie(address, passphrase)).not.toEqual([]);
    });

    it('a reset link works once, and ends the sessions the user had', async () => {
      const u = await fx.newUser();
      await sessionCookie(u.email);
      expect(await sessionsOf(u.id)).toBe(1);
      const token = await createToken(u.id);
      const fd = () => formDataOf({ token, newPassword: 'brand new passphrase', confirmPassword: 'brand new passphrase' });
      await actAs(fx, 'anon');
      expect((await actionOutcome(() => resetPasswordAction({}, fd()))).kind).toBe('ok');
      expect(await sessionsOf(u.id)).toBe(0);
      const second = await actionOutcome(() => resetPasswordAction({}, fd()));
      expect(messageOf(second)).toBe('This reset link is invalid or has expired. Ask an administrator for a new one.');
    });

    it('says the same for an unknown email, a wrong password and a deactivated account', async () => {
      const u = await fx.newUser();
      const deactivated = await fx.newUser();
      await ctx.db.execute(sql`update "user" set active = false where id = ${deactivated.id}`);
      const attempts = [
        { email: `nobody.${fx.uid()}@uplift.demo`, password: DEMO_PASSWORD },
        { email: u.email, password: 'not the password' },
        { email: deactivated.email, password: DEMO_PASSWORD },
      ];
      for (const a of attempts) expect(messageOf(await runEntry(signInEntry, fx, 'anon', a))).toBe(WRONG);
    });

    it('starts a new session at every sign-in, even when a session cookie is presented', async () => {
      const u = await fx.newUser();
      const first = await sessionCookie(u.email);
      const second = await sessionCookie(u.email, DEMO_PASSWORD, new Headers({ cookie: cookieHeader(first) }));
      expect(tokenOf(second)).not.toBe(tokenOf(first));
    });

    it('session cookies are HttpOnly and SameSite=Lax; Secure with an https public URL', async () => {
      const u = await fx.newUser();
      const plain = (await sessionCookie(u.email)).find((c) => c.includes('session_token'))!;
      expect(plain).toMatch(/HttpOnly/i);
      expect(plain).toMatch(/SameSite=Lax/i);
      expect(plain).not.toMatch(/;\s*Secure/i);

      process.env.BETTER_AUTH_URL = 'https://uplift.example.com';
      (globalThis as { upliftAuth?: unknown }).upliftAuth = undefined;
      try {
        const secure = (await sessionCookie(u.email)).find((c) => c.includes('session_token'))!;
        expect(secure).toMatch(/^__Secure-/);
        expect(secure).toMatch(/;\s*Secure/i);
        expect(secure).toMatch(/HttpOnly/i);
      } finally {
        installDb(ctx.db, ctx.kind);
      }
    });

    it('sign-out ends the session on the server: the old cookie is worthless', async () => {
      const u = await fx.newUser();
      const cookie = cookieHeader(await sessionCookie(u.email));
      await actAs(fx, 'anon', { cookie });
      expect((await getCurrentUser())?.id).toBe(u.id);
      expect((await actionOutcome(() => signOut())).kind).toBe('login');
      expect(await sessionsOf(u.id)).toBe(0);
      await actAs(fx, 'anon', { cookie });
      expect(await getCurrentUser()).toBeNull();
    });

    it('deactivating a user ends their sessions at once', async () => {
      const u = await fx.newUser();
      const cookie = cookieHeader(await sessionCookie(u.email));
      await actAs(fx, 'admin');
      expect((await actionOutcome(() => setActiveAction({}, formDataOf({ userId: u.id, active: 'false' })))).kind).toBe('ok');
      expect(await sessionsOf(u.id)).toBe(0);
      await actAs(fx, 'anon', { cookie });
      expect(await getCurrentUser()).toBeNull();
    });

    it('a session ends after the absolute timeout even while in use', async () => {
      const u = await fx.newUser();
      const setCookies = await sessionCookie(u.email);
      await actAs(fx, 'anon', { cookie: cookieHeader(setCookies) });
      expect((await getCurrentUser())?.id).toBe(u.id);
      const maxHours = Number(process.env.UPLIFT_SESSION_MAX_HOURS ?? 168);
      await ctx.db
        .update(session)
        .set({ createdAt: new Date(Date.now() - (maxHours + 1) * 3600_000) })
        .where(eq(session.token, tokenOf(setCookies)));
      expect(await getCurrentUser()).toBeNull();
    });

    async function createToken(userId: string) {
      return written(await createPasswordResetToken(ctx.db, null, userId)).token;
    }
  },
  { demo: true },
);

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
