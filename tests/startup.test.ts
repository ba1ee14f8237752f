import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, demoWanted, postgresUrl } from '@/db/config';
import { explainConnectionError, prepareDatabase } from '@/db/prepare';
import { user } from '@/db/schema';
import { authSecret } from '@/lib/auth/secret';
import { sessionTimeouts } from '@/lib/auth/timeouts';
import { describeEachDb } from './helpers/db';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('configuration errors are one clear sentence', () => {
  it('rejects a malformed DATABASE_URL', () => {
    expect(() => postgresUrl('not a url')).toThrow(/DATABASE_URL is not a valid URL/);
    expect(() => postgresUrl('mysql://x@h/db')).toThrow(/must start with postgres:\/\//);
    expect(() => postgresUrl('postgres://user@host')).toThrow(/must name a host and a database/);
    expect(postgresUrl('postgres://user@host:5432/db')).toBe('postgres://user@host:5432/db');
  });

  it('explains an unreachable server, a bad password and a missing database', () => {
    process.env.DATABASE_URL = 'postgres://u@db.internal:6543/uplift';
    expect(explainConnectionError({ code: 'ECONNREFUSED' }, 'postgres')).toBe(
      'Cannot reach PostgreSQL at db.internal:6543 (ECONNREFUSED): check DATABASE_URL and that the server is running.',
    );
    // Drizzle wraps the driver's error: the code is on the cause.
    expect(explainConnectionError(new Error('Failed query: select 1', { cause: { code: 'ECONNREFUSED' } }), 'postgres')).toMatch(/^Cannot reach PostgreSQL at db.internal:6543/);
    expect(explainConnectionError({ code: '28P01' }, 'postgres')).toMatch(/refused the user or password/);
    expect(explainConnectionError({ code: '3D000' }, 'postgres')).toMatch(/does not exist/);
  });

  it('demands BETTER_AUTH_SECRET on PostgreSQL but generates one on PGlite', () => {
    process.env.DATABASE_URL = 'postgres://u@h/db';
    delete process.env.BETTER_AUTH_SECRET;
    expect(() => authSecret()).toThrow(ConfigError);
    delete process.env.DATABASE_URL;
    process.env.UPLIFT_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-secret-'));
    const first = authSecret({ create: true });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(authSecret()).toBe(first);
    process.env.BETTER_AUTH_SECRET = 'short';
    expect(() => authSecret()).toThrow(/at least 32 characters/);
  });

  it('loads demo data by default on PGlite only, and obeys UPLIFT_DEMO', () => {
    delete process.env.DATABASE_URL;
    delete process.env.UPLIFT_DEMO;
    expect(demoWanted()).toBe(true);
    process.env.UPLIFT_DEMO = '0';
    expect(demoWanted()).toBe(false);
    process.env.DATABASE_URL = 'postgres://u@h/db';
    delete process.env.UPLIFT_DEMO;
    expect(demoWanted()).toBe(false);
    process.env.UPLIFT_DEMO = '1';
    expect(demoWanted()).toBe(true);
  });

  it('reads session timeouts from the environment, idle never longer than absolute', () => {
    expect(sessionTimeouts({})).toEqual({ absoluteSeconds: 7 * 24 * 3600, idleSeconds: 24 * 3600 });
    expect(sessionTimeouts({ UPLIFT_SESSION_IDLE_HOURS: '2', UPLIFT_SESSION_MAX_HOURS: '8' })).toEqual({ absoluteSeconds: 8 * 3600, idleSeconds: 2 * 3600 });
    expect(sessionTimeouts({ UPLIFT_SESSION_IDLE_HOURS: '48', UPLIFT_SESSION_MAX_HOURS: '8' }).idleSeconds).toBe(8 * 3600);
    expect(sessionTimeouts({ UPLIFT_SESSION_IDLE_HOURS: 'abc' }).idleSeconds).toBe(24 * 3600);
  });
});

describeEachDb('first admin without demo data', (ctx) => {
  it('comes from UPLIFT_ADMIN_EMAIL / UPLIFT_ADMIN_PASSWORD, once', async () => {
    const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(user);
    expect(n).toBe(0);
    process.env.UPLIFT_ADMIN_EMAIL = 'IT@Example.com';
    process.env.UPLIFT_ADMIN_PASSWORD = 'correct horse battery';
    const report = await prepareDatabase(ctx.ownerDb, ctx.kind, { demo: false });
    expect(report.admin).toBe('created');
    const [admin] = await ctx.db.select().from(user).where(eq(user.email, 'it@example.com'));
    expect(admin.role).toBe('admin');
    expect((await prepareDatabase(ctx.ownerDb, ctx.kind, { demo: false })).admin).toBe('exists');
  });
});
