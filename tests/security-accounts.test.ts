// First-run setup under a race, throttled password changes, and the admin's view of lock-outs
// (app/(auth)/account-actions.ts, app/(app)/admin/actions.ts, db/queries/people/login-attempts.ts).
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { changePasswordAction, setupAction } from '@/app/(auth)/account-actions';
import { clearLockOutAction } from '@/app/(app)/admin/actions';
import { listLockOuts } from '@/db/queries/people/login-attempts';
import { auditLog, loginAttempts, user } from '@/db/schema';
import { getAuth } from '@/lib/auth/server';
import { THROTTLE } from '@/lib/auth/throttle';
import { describeEachDb } from './helpers/db';
import { actionOutcome, formDataOf, installDb, setRequest, type Outcome } from './helpers/security-harness';
import { PASSWORD, TOO_MANY, WRONG, attempt, messageOf, newAccount, sessionCookieOf } from './helpers/sign-in';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);
vi.mock('node:timers/promises', () => ({ setTimeout: async () => undefined }));

const LIMIT = THROTTLE.maxFailuresPerAccountClient;
const LIMITS = { windowMinutes: THROTTLE.windowMinutes, perAccountClient: LIMIT, perClient: THROTTLE.maxFailuresPerClient, keepHours: THROTTLE.keepHours };
afterEach(() => void delete process.env.UPLIFT_TRUST_PROXY);

describeEachDb('first-run setup', (ctx) => {
  beforeAll(() => installDb(ctx.db, ctx.kind));

  it('two submissions at once create exactly one admin (eight rounds, so a lost race shows)', async () => {
    const submit = (name: string) =>
      actionOutcome(() =>
        setupAction({}, formDataOf({ name, email: `${name}@setup.test`, organisation: `${name}'s org`, password: 'a setup passphrase', confirmPassword: 'a setup passphrase' })),
      );
    for (let round = 0; round < 8; round++) {
      await ctx.db.delete(user); // a fresh instance again
      setRequest();
      const outcomes = await Promise.all([submit(`first${round}`), submit(`second${round}`)]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['invalid', 'login']);
      expect(outcomes.find((o) => o.kind === 'invalid')).toEqual({ kind: 'invalid', state: { error: 'This instance is already set up: sign in instead.' } });
      expect(await ctx.db.select({ role: user.role }).from(user)).toEqual([{ role: 'admin' }]);
    }
  });
});

describeEachDb('throttled password changes and the lock-outs admins see', (ctx) => {
  let passwordChecks = 0;
  beforeAll(async () => {
    installDb(ctx.db, ctx.kind);
    const api = (await getAuth()).api;
    const check = api.changePassword;
    (api as { changePassword: typeof check }).changePassword = Object.assign((...args: Parameters<typeof check>) => {
      passwordChecks++;
      return check(...args);
    }, check);
  });
  beforeEach(() => void (passwordChecks = 0));

  async function changePassword(cookie: string, currentPassword: string): Promise<Outcome> {
    setRequest({ cookie });
    return actionOutcome(() => changePasswordAction({}, formDataOf({ currentPassword, newPassword: PASSWORD, confirmPassword: PASSWORD })));
  }
  const fieldError = (o: Outcome) => ('state' in o ? o.state?.fieldErrors?.currentPassword?.[0] : undefined);

  it(`a change of password is refused after ${LIMIT} wrong current passwords, and no more are checked even in parallel`, async () => {
    const u = await newAccount(ctx.db);
    const cookie = await sessionCookieOf(u.email);
    setRequest({ cookie });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => actionOutcome(() => changePasswordAction({}, formDataOf({ currentPassword: 'wrong', newPassword: PASSWORD, confirmPassword: PASSWORD })))),
    );
    expect(passwordChecks).toBe(LIMIT);
    expect(outcomes.filter((o) => fieldError(o) === 'Your current password is not right.')).toHaveLength(LIMIT);
    expect(outcomes.filter((o) => /^Too many wrong current passwords\. Try again in \d+ minutes?\.$/.test(fieldError(o) ?? ''))).toHaveLength(20 - LIMIT);
    // Even the right password now; another user is not affected; signing in is not affected either.
    expect(fieldError(await changePassword(cookie, PASSWORD))).toMatch(/^Too many wrong current passwords/);
    const other = await newAccount(ctx.db);
    expect((await changePassword(await sessionCookieOf(other.email), PASSWORD)).kind).toBe('ok');
    expect((await attempt(u.email, PASSWORD)).outcome.kind).toBe('ok');
  });

  it('a successful change resets the count', async () => {
    const u = await newAccount(ctx.db);
    let cookie = await sessionCookieOf(u.email);
    for (let i = 0; i < LIMIT - 1; i++) await changePassword(cookie, 'wrong');
    expect((await changePassword(cookie, PASSWORD)).kind).toBe('ok');
    cookie = await sessionCookieOf(u.email); // the change signed the other sessions out
    for (let i = 0; i < LIMIT; i++) expect(fieldError(await changePassword(cookie, 'wrong'))).toBe('Your current password is not right.');
    expect(fieldError(await changePassword(cookie, 'wrong'))).toMatch(/^Too many/);
  });

  it('admins see a lock-out with its counts, clear it (audited), and the client may try again at once', async () => {
    const admin = await newAccount(ctx.db, 'admin');
    const { email } = await newAccount(ctx.db);
    for (let i = 0; i < LIMIT + 2; i++) await attempt(email, 'guess');
    expect(messageOf((await attempt(email, PASSWORD)).outcome)).toMatch(TOO_MANY);

    const listed = (await listLockOuts(ctx.db, LIMITS)).find((l) => l.account === email);
    expect(listed).toMatchObject({ purpose: 'sign-in', account: email, client: 'unknown', clientIp: null, failures: LIMIT, refused: 3 });
    const minutesLeft = (listed!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(THROTTLE.windowMinutes - 2);
    expect(minutesLeft).toBeLessThanOrEqual(THROTTLE.windowMinutes);

    setRequest({ cookie: await sessionCookieOf(admin.email) });
    const clear = () => actionOutcome(() => clearLockOutAction({}, formDataOf({ purpose: 'sign-in', account: email, client: 'unknown' })));
    expect(await clear()).toEqual({ kind: 'ok', state: { ok: true, message: 'Cleared: this client can try again now.' } });
    expect((await listLockOuts(ctx.db, LIMITS)).find((l) => l.account === email)).toBeUndefined();
    const audit = await ctx.db.select({ actor: auditLog.actorId, after: auditLog.after }).from(auditLog).where(eq(auditLog.action, 'security.clear-lockout'));
    expect(audit).toContainEqual({ actor: admin.id, after: { purpose: 'sign-in', account: email, client: 'unknown', cleared: LIMIT + 3 } });
    expect(await clear()).toEqual({ kind: 'invalid', state: { error: 'This lock-out has already been cleared.' } });
    // "Every account" exists only for a client of its own, never for all browsers without a cookie.
    const everyone = await actionOutcome(() => clearLockOutAction({}, formDataOf({ purpose: 'sign-in', account: '', client: 'unknown' })));
    expect(everyone).toEqual({ kind: 'invalid', state: { error: 'Invalid request.' } });

    expect(messageOf((await attempt(email, 'still wrong')).outcome)).toBe(WRONG);
    expect((await attempt(email, PASSWORD)).outcome.kind).toBe('ok');
  });

  it('an address refused on every account is listed once, and clearing it frees it everywhere', async () => {
    process.env.UPLIFT_TRUST_PROXY = '1';
    const sprayer = { forwardedFor: '198.51.100.99' };
    const accounts = Array.from({ length: THROTTLE.maxFailuresPerClient }, (_, i) => `victim${i}.${Date.now()}@spray.test`);
    for (const account of accounts) await attempt(account, 'guess', sprayer);
    const listed = (await listLockOuts(ctx.db, LIMITS)).filter((l) => l.client === 'ip:198.51.100.99');
    expect(listed).toEqual([expect.objectContaining({ account: null, clientIp: '198.51.100.99', failures: THROTTLE.maxFailuresPerClient, refused: 0 })]);
    expect(listed[0].lockedUntil).not.toBeNull();

    const admin = await newAccount(ctx.db, 'admin');
    setRequest({ cookie: await sessionCookieOf(admin.email) });
    const outcome = await actionOutcome(() => clearLockOutAction({}, formDataOf({ purpose: 'sign-in', account: '', client: 'ip:198.51.100.99' })));
    expect(outcome.kind).toBe('ok');
    const { email } = await newAccount(ctx.db);
    expect((await attempt(email, PASSWORD, sprayer)).outcome.kind).toBe('ok');
  });

  it('a lock-out that ran out is still listed for a day, as expired', async () => {
    const email = `expired.${Date.now()}@throttle.test`;
    const hourAgo = new Date(Date.now() - 3600_000);
    await ctx.db.insert(loginAttempts).values([
      ...Array.from({ length: LIMIT }, () => ({ email, client: 'unknown', outcome: 'failed' as const, at: hourAgo })),
      { email, client: 'unknown', outcome: 'refused' as const, at: hourAgo },
    ]);
    expect((await listLockOuts(ctx.db, LIMITS)).find((l) => l.account === email)).toMatchObject({ failures: LIMIT, refused: 1, lockedUntil: null, lastAttempt: hourAgo });
    const [{ n }] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.outcome, 'cleared')));
    expect(n).toBe(0);
  });
});
