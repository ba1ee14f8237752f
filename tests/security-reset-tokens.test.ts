// Password-reset links (db/queries/people/password-reset.ts): stored only as hashes, only the newest works,
// they die with deactivation, never enter a backup, and links issued before the upgrade survive it hashed.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { resetPasswordAction } from '@/app/(auth)/account-actions';
import { resetLinkAction } from '@/app/(app)/admin/actions';
import { rawRows } from '@/db/sql';
import { migrateDb } from '@/db/migrate';
import { written } from '@/db/queries/write-result';
import { createPasswordResetToken } from '@/db/queries/people/password-reset';
import { setUserActive } from '@/db/queries/people/users';
import { loginAttempts, passwordResetTokens, session, user, verification } from '@/db/schema';
import { backupFileOf, inFreshRestore } from './helpers/backup-roundtrip';
import { DB_KINDS, describeEachDb, openTestDb } from './helpers/db';
import { earlierMigrationsFolder } from './helpers/migrations';
import { actionOutcome, formDataOf, installDb, setRequest } from './helpers/security-harness';
import { PASSWORD, newAccount, sessionCookieOf } from './helpers/sign-in';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

const INVALID = 'This reset link is invalid or has expired. Ask an administrator for a new one.';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function reset(token: string, newPassword = 'a brand new passphrase') {
  setRequest();
  const outcome = await actionOutcome(() => resetPasswordAction({}, formDataOf({ token, newPassword, confirmPassword: newPassword })));
  return outcome.kind === 'ok' ? 'ok' : 'state' in outcome ? outcome.state?.error : outcome.kind;
}

describeEachDb('password-reset links', (ctx) => {
  beforeAll(() => installDb(ctx.db, ctx.kind));
  const tokensOf = (userId: string) => ctx.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));

  it('are stored only as the SHA-256 of the token, nowhere in plain text', async () => {
    const u = await newAccount(ctx.db);
    const token = written(await createPasswordResetToken(ctx.db, null, u.id)).token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await tokensOf(u.id)).map((r) => r.tokenHash)).toEqual([sha256(token)]);
    const plain = await rawRows<{ n: number }>(
      ctx.db,
      sql`select (select count(*) from password_reset_tokens where token_hash like ${`%${token}%`})::int
        + (select count(*) from verification where identifier like ${`%${token}%`} or value like ${`%${token}%`})::int as n`,
    );
    expect(Number(plain[0].n)).toBe(0);
    expect(await reset(token)).toBe('ok');
    expect(await tokensOf(u.id)).toEqual([]); // used up
    expect(await reset(token)).toBe(INVALID);
  });

  it('only the newest link of a user works', async () => {
    const u = await newAccount(ctx.db);
    const first = written(await createPasswordResetToken(ctx.db, null, u.id)).token;
    const second = written(await createPasswordResetToken(ctx.db, null, u.id)).token;
    expect(await tokensOf(u.id)).toHaveLength(1);
    expect(await reset(first)).toBe(INVALID);
    expect(await reset(second)).toBe('ok');
  });

  it('a link dies when its user is deactivated, and stays dead after reactivation', async () => {
    const u = await newAccount(ctx.db);
    const token = written(await createPasswordResetToken(ctx.db, null, u.id)).token;
    await ctx.db.transaction((tx) => setUserActive(tx, null, u.id, false));
    expect(await tokensOf(u.id)).toEqual([]);
    await ctx.db.transaction((tx) => setUserActive(tx, null, u.id, true));
    expect(await reset(token)).toBe(INVALID);
  });

  it('a link of a deactivated user is refused even if it was left behind, and changes nothing', async () => {
    const u = await newAccount(ctx.db);
    const token = written(await createPasswordResetToken(ctx.db, null, u.id)).token;
    await ctx.db.update(user).set({ active: false }).where(eq(user.id, u.id)); // not through setUserActive
    expect(await reset(token)).toBe(INVALID);
    await ctx.db.update(user).set({ active: true }).where(eq(user.id, u.id));
    expect(await sessionCookieOf(u.email, PASSWORD)).toContain('session_token'); // the old password still works
  });

  it('an expired link is refused', async () => {
    const u = await newAccount(ctx.db);
    const token = written(await createPasswordResetToken(ctx.db, null, u.id)).token;
    await ctx.db.update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResetTokens.userId, u.id));
    expect(await reset(token)).toBe(INVALID);
  });

  it('setting a password through a link ends every session of the user', async () => {
    const u = await newAccount(ctx.db);
    await sessionCookieOf(u.email);
    const token = written(await createPasswordResetToken(ctx.db, null, u.id)).token;
    expect(await reset(token, 'another fresh passphrase')).toBe('ok');
    expect(await ctx.db.select().from(session).where(eq(session.userId, u.id))).toEqual([]);
    expect(await sessionCookieOf(u.email, 'another fresh passphrase')).toContain('session_token');
  });

  it('admins get no link for a deactivated user', async () => {
    const admin = await newAccount(ctx.db, 'admin');
    const u = await newAccount(ctx.db);
    await ctx.db.update(user).set({ active: false }).where(eq(user.id, u.id));
    setRequest({ cookie: await sessionCookieOf(admin.email) });
    const outcome = await actionOutcome(() => resetLinkAction({}, formDataOf({ userId: u.id })));
    expect(outcome).toEqual({ kind: 'invalid', state: { error: 'This user is deactivated: reactivate them first.' } });
    expect(await tokensOf(u.id)).toEqual([]);
  });

  it('are never written into a backup; a backup of the previous schema restores without its plain-text tokens', async () => {
    const u = await newAccount(ctx.db);
    const token = written(await createPasswordResetToken(ctx.db, null, u.id)).token;
    const file = await backupFileOf(ctx.db);
    expect(Object.keys(file.tables).filter((t) => ['verification', 'login_attempts', 'password_reset_tokens', 'session'].includes(t))).toEqual([]);
    const text = JSON.stringify(file);
    expect(text).not.toContain(token);
    expect(text).not.toContain(sha256(token));

    // As 0006 wrote it: reset tokens in plain text in `verification`, and sign-in failures.
    const now = new Date().toISOString();
    const older = {
      ...file,
      schemaVersion: '0006_retest_summary',
      tables: {
        ...file.tables,
        verification: [{ id: 'reset_1', identifier: 'reset-password:plain-old-token', value: u.id, expires_at: now, created_at: now, updated_at: now }],
        login_attempts: [{ id: 1, email: u.email, client_ip: '203.0.113.7', at: now }],
      },
    };
    const restored = await inFreshRestore(ctx.kind, older, async (db) => ({
      users: (await db.select({ id: user.id }).from(user).where(eq(user.id, u.id))).length,
      verification: (await db.select().from(verification)).length,
      tokens: (await db.select().from(passwordResetTokens)).length,
      attempts: (await db.select().from(loginAttempts)).length,
    }));
    expect(restored).toEqual({ users: 1, verification: 0, tokens: 0, attempts: 0 });
  });
});

for (const kind of DB_KINDS) {
  it(`upgrading to hashed reset tokens (migration 0007) keeps the newest valid link of each active user, hashed, and drops every plain-text token [${kind}]`, async () => {
    const db = await openTestDb(kind, { empty: true });
    const folder = earlierMigrationsFolder(7); // 0000 … 0006
    try {
      if (kind === 'pglite') await migratePglite(db.ownerDb as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder: folder });
      else await migratePostgres(db.ownerDb, { migrationsFolder: folder });
      for (const statement of [
        `insert into "user" (id, name, email, active) values ('u1', 'One', 'one@x.test', true), ('u2', 'Two', 'two@x.test', false)`,
        `insert into verification (id, identifier, value, expires_at, created_at) values
           ('v1', 'reset-password:older-token', 'u1', now() + interval '1 day', now() - interval '1 hour'),
           ('v2', 'reset-password:newer-token', 'u1', now() + interval '1 day', now()),
           ('v3', 'reset-password:deactivated-token', 'u2', now() + interval '1 day', now()),
           ('v4', 'something-else:kept', 'x', now() + interval '1 day', now())`,
        `insert into login_attempts (email, client_ip) values ('one@x.test', '203.0.113.7'), ('one@x.test', 'unknown')`,
      ]) {
        await db.ownerDb.execute(sql.raw(statement));
      }
      await migrateDb(db.ownerDb, kind);
      expect(await db.ownerDb.select({ userId: passwordResetTokens.userId, tokenHash: passwordResetTokens.tokenHash }).from(passwordResetTokens)).toEqual([
        { userId: 'u1', tokenHash: sha256('newer-token') },
      ]);
      expect((await db.ownerDb.select({ id: verification.id }).from(verification)).map((r) => r.id)).toEqual(['v4']);
      const attempts = await db.ownerDb.select({ client: loginAttempts.client, ip: loginAttempts.clientIp, outcome: loginAttempts.outcome, purpose: loginAttempts.purpose }).from(loginAttempts).orderBy(loginAttempts.id);
      expect(attempts).toEqual([
        { client: 'ip:203.0.113.7', ip: '203.0.113.7', outcome: 'failed', purpose: 'sign-in' },
        { client: 'unknown', ip: null, outcome: 'failed', purpose: 'sign-in' },
      ]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      await db.close();
    }
  });
}
