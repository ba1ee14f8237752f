// Sign-in throttling (lib/auth/throttle.ts, db/queries/people/login-attempts.ts, app/(auth)/actions.ts):
// nobody can lock another person out, parallel guesses get no more checks than the limit, forwarded
// addresses come from the trusted proxy only, device cookies are signed, old attempts are pruned.
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { loginAttempts } from '@/db/schema';
import { authFor, getAuth } from '@/lib/auth/server';
import { getCurrentUser } from '@/lib/auth/session';
import { THROTTLE } from '@/lib/auth/throttle';
import { describeEachDb } from './helpers/db';
import { installDb, responseCookie, setRequest } from './helpers/security-harness';
import { PASSWORD, TOO_MANY, WRONG, attempt, messageOf, newAccount, outcomesOf, parallel, requestOf } from './helpers/sign-in';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);
// The growing delay is asked of this sleep: recorded, not waited for.
const sleeps = vi.hoisted(() => [] as number[]);
vi.mock('node:timers/promises', () => ({ setTimeout: async (ms: number) => void sleeps.push(ms) }));

const LIMIT = THROTTLE.maxFailuresPerAccountClient;
const trustProxy = (value: string | undefined) => {
  if (value === undefined) delete process.env.UPLIFT_TRUST_PROXY;
  else process.env.UPLIFT_TRUST_PROXY = value;
};
afterEach(() => trustProxy(undefined));
beforeEach(() => void sleeps.splice(0));

describeEachDb('sign-in throttling', (ctx) => {
  let passwordChecks = 0;
  beforeAll(async () => {
    installDb(ctx.db, ctx.kind);
    // Counts better-auth's password checks (a vi.spyOn would report each rejected check as unhandled).
    const api = (await getAuth()).api;
    const check = api.signInEmail;
    (api as { signInEmail: typeof check }).signInEmail = Object.assign((...args: Parameters<typeof check>) => {
      passwordChecks++;
      return check(...args);
    }, check);
  });
  beforeEach(() => void (passwordChecks = 0));

  /** The owner signs in once from their browser and keeps its device cookie. */
  async function ownersBrowser(email: string) {
    const { outcome, deviceCookie } = await attempt(email, PASSWORD);
    expect(outcome.kind).toBe('ok');
    return { deviceCookie: deviceCookie! };
  }

  for (const client of ['no identity', 'a trusted proxy address', 'a device cookie'] as const) {
    it(`20 wrong guesses sent at once from ${client}: exactly ${LIMIT} reach the password check`, async () => {
      const { email } = await newAccount(ctx.db);
      let browser = {};
      if (client === 'a trusted proxy address') {
        trustProxy('1');
        browser = { forwardedFor: '203.0.113.20' };
      }
      if (client === 'a device cookie') browser = await ownersBrowser(email);
      passwordChecks = 0;

      const outcomes = await parallel(20, email, 'a wrong guess', browser);
      expect(passwordChecks).toBe(LIMIT);
      expect(outcomes.filter((o) => messageOf(o) === WRONG)).toHaveLength(LIMIT);
      expect(outcomes.filter((o) => TOO_MANY.test(messageOf(o) ?? ''))).toHaveLength(20 - LIMIT);
      const recorded = await outcomesOf(ctx.db, email);
      expect({ failed: recorded.failed, refused: recorded.refused }).toEqual({ failed: LIMIT, refused: 20 - LIMIT });
      // That client is refused even the right password now.
      expect(messageOf((await attempt(email, PASSWORD, browser)).outcome)).toMatch(TOO_MANY);
    });
  }

  it('an attacker without the cookie cannot lock the owner out of their own browser', async () => {
    const { email } = await newAccount(ctx.db);
    const owner = await ownersBrowser(email);
    for (let i = 0; i < 12; i++) await attempt(email, `guess ${i}`);
    expect(await outcomesOf(ctx.db, email)).toEqual({ succeeded: 1, failed: LIMIT, refused: 12 - LIMIT });
    // Browsers without a device cookie share the account's "unknown" client: refused for now.
    expect(messageOf((await attempt(email, PASSWORD)).outcome)).toMatch(TOO_MANY);

    passwordChecks = 0;
    const { outcome } = await attempt(email, PASSWORD, owner);
    expect(outcome).toEqual({ kind: 'ok', location: '/dashboard' });
    expect(passwordChecks).toBe(1);
    expect(sleeps).toEqual([]); // the owner's own browser never waits for the attacker's failures
  });

  it('a forged, unsigned or foreign device cookie counts as no cookie', async () => {
    const victim = await newAccount(ctx.db);
    const attacker = await newAccount(ctx.db);
    const attackersOwnCookie = (await ownersBrowser(attacker.email)).deviceCookie;
    const [deviceId] = attackersOwnCookie.split('.');
    const cookies = [attackersOwnCookie, deviceId, `${deviceId}.${'A'.repeat(22)}`, 'forged'];
    for (const deviceCookie of cookies) await attempt(victim.email, 'guess', { deviceCookie });
    const clients = await ctx.db.selectDistinct({ client: loginAttempts.client }).from(loginAttempts).where(eq(loginAttempts.email, victim.email));
    expect(clients).toEqual([{ client: 'unknown' }]);
  });

  it('behind a trusted proxy: the attacker’s address is refused, the owner’s address is only slowed down', async () => {
    trustProxy('1');
    const { email } = await newAccount(ctx.db);
    // The attacker fails from 203.0.113.7 until refused, and puts the owner's address first to no avail.
    for (let i = 0; i < LIMIT + 2; i++) await attempt(email, `guess ${i}`, { forwardedFor: '198.51.100.1, 203.0.113.7' });
    await attempt(email, 'guess', { forwardedFor: '203.0.113.8' });
    await attempt(email, 'guess', { forwardedFor: '203.0.113.9' });
    const clients = await ctx.db
      .select({ client: loginAttempts.client, ip: loginAttempts.clientIp, n: sql<number>`count(*)::int` })
      .from(loginAttempts)
      .where(eq(loginAttempts.email, email))
      .groupBy(loginAttempts.client, loginAttempts.clientIp)
      .orderBy(loginAttempts.client);
    expect(clients).toEqual([
      { client: 'ip:203.0.113.7', ip: '203.0.113.7', n: LIMIT + 2 },
      { client: 'ip:203.0.113.8', ip: '203.0.113.8', n: 1 },
      { client: 'ip:203.0.113.9', ip: '203.0.113.9', n: 1 },
    ]);
    expect(messageOf((await attempt(email, PASSWORD, { forwardedFor: '203.0.113.7' })).outcome)).toMatch(TOO_MANY);

    // 7 failures on the account: a client that has not been failing waits 0.5 s × 2^(7 − 5), then gets in.
    sleeps.splice(0);
    expect((await attempt(email, PASSWORD, { forwardedFor: '198.51.100.1' })).outcome.kind).toBe('ok');
    expect(sleeps).toEqual([2000]);
  });

  it('without a trusted proxy, forwarded addresses are ignored: everyone without a cookie is one client', async () => {
    trustProxy('0');
    const { email } = await newAccount(ctx.db);
    for (let i = 0; i < LIMIT; i++) await attempt(email, 'guess', { forwardedFor: `203.0.113.${i}` });
    expect(messageOf((await attempt(email, PASSWORD, { forwardedFor: '192.0.2.1' })).outcome)).toMatch(TOO_MANY);
    expect(await ctx.db.selectDistinct({ client: loginAttempts.client, ip: loginAttempts.clientIp }).from(loginAttempts).where(eq(loginAttempts.email, email))).toEqual([
      { client: 'unknown', ip: null },
    ]);
  });

  it(`one address failing on ${THROTTLE.maxFailuresPerClient} accounts is refused on every account; other addresses are not`, async () => {
    trustProxy('1');
    const sprayer = { forwardedFor: '203.0.113.66' };
    for (let i = 0; i < THROTTLE.maxFailuresPerClient; i++) await attempt(`spray${i}.${Date.now()}@throttle.test`, 'guess', sprayer);
    const { email } = await newAccount(ctx.db);
    passwordChecks = 0;
    expect(messageOf((await attempt(email, PASSWORD, sprayer)).outcome)).toMatch(TOO_MANY);
    expect(passwordChecks).toBe(0);
    expect((await attempt(email, PASSWORD, { forwardedFor: '203.0.113.67' })).outcome.kind).toBe('ok');
  });

  it('a success resets that client’s count', async () => {
    const { email } = await newAccount(ctx.db);
    for (let i = 0; i < LIMIT - 1; i++) await attempt(email, 'guess');
    expect((await attempt(email, PASSWORD)).outcome.kind).toBe('ok');
    for (let i = 0; i < LIMIT; i++) expect(messageOf((await attempt(email, 'guess')).outcome)).toBe(WRONG);
    expect(messageOf((await attempt(email, 'guess')).outcome)).toMatch(TOO_MANY);
    expect(await outcomesOf(ctx.db, email)).toEqual({ cleared: LIMIT - 1, succeeded: 1, failed: LIMIT, refused: 1 });
  });

  it('the device cookie is set at sign-in: httpOnly, SameSite=Lax, a year; Secure when the trusted proxy says HTTPS', async () => {
    const { email } = await newAccount(ctx.db);
    await attempt(email, PASSWORD, { forwardedProto: 'https' }); // no trusted proxy: the forwarded proto is ignored
    expect(responseCookie('uplift_device')?.options).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 365 * 24 * 3600 });
    trustProxy('1');
    await attempt(email, PASSWORD, { forwardedFor: '203.0.113.5', forwardedProto: 'https' });
    expect(responseCookie('uplift_device')?.options.secure).toBe(true);
  });

  it('session cookies are Secure when the trusted proxy says HTTPS, and such a session is recognised', async () => {
    const { id, email } = await newAccount(ctx.db);
    const overHttps = requestOf({ forwardedFor: '203.0.113.5', forwardedProto: 'https' });
    const sessionCookie = async () => {
      const h = new Headers(overHttps);
      const res = await (await authFor(h)).api.signInEmail({ body: { email, password: PASSWORD }, headers: h, returnHeaders: true });
      return res.headers.getSetCookie().find((c) => c.includes('session_token'))!;
    };
    const untrusted = await sessionCookie();
    expect(untrusted).toMatch(/^better-auth\.session_token=/);
    expect(untrusted).not.toMatch(/;\s*Secure/i);

    trustProxy('1');
    const secure = await sessionCookie();
    expect(secure).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(secure).toMatch(/;\s*Secure/i);
    expect(secure).toMatch(/;\s*HttpOnly/i);
    setRequest({ ...overHttps, cookie: secure.split(';')[0] });
    expect((await getCurrentUser())?.id).toBe(id);
  });

  it('after sign-in, next leads only to a page of this app', async () => {
    const { email } = await newAccount(ctx.db);
    const hostile = ['/%5Cevil.example', '//evil.example', '/\\evil.example', 'https://evil.example', '/%2F%2Fevil.example', '/%2F/evil', '/\t/evil.example', 'javascript:alert(1)'];
    for (const next of hostile) expect((await attempt(email, PASSWORD, {}, { next })).outcome).toEqual({ kind: 'ok', location: '/dashboard' });
    expect((await attempt(email, PASSWORD, {}, { next: '/experiments?team=3' })).outcome).toEqual({ kind: 'ok', location: '/experiments?team=3' });
  });

  it('attempts older than a day are pruned on later sign-ins, a bounded batch at a time; recent ones stay', async () => {
    const old = `old.${Date.now()}@throttle.test`;
    const rows = (hoursAgo: number, n: number) =>
      Array.from({ length: n }, () => ({ email: old, client: 'unknown', outcome: 'failed' as const, at: new Date(Date.now() - hoursAgo * 3600_000) }));
    await ctx.db.insert(loginAttempts).values([...rows(THROTTLE.keepHours + 1, 600), ...rows(THROTTLE.keepHours - 1, 3)]);
    const { email } = await newAccount(ctx.db);
    const left = async () => (await outcomesOf(ctx.db, old)).failed ?? 0;
    await attempt(email, PASSWORD);
    expect(await left()).toBe(600 - 500 + 3);
    await attempt(email, PASSWORD);
    expect(await left()).toBe(3);
  });
}, {});
