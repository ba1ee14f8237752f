// The demo's published password never faces a network by default: with demo accounts
// that can sign in, `npm start` listens on 127.0.0.1 unless HOST is set, and refuses a HOST other
// machines can reach unless UPLIFT_DEMO_PUBLIC=1 accepts the risk.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '@/db/prepare';
import { user } from '@/db/schema';
import { DEMO_USERS } from '@/db/seed/demo-org';
import { isLoopback, listenHost } from '@/lib/security/listen-host';
import { describeEachDb } from './helpers/db';

const refusal = (host: string, n: number) =>
  `HOST=${host} would put ${n} demo account(s), whose password is published in the README, on the network: deactivate them on /admin (or start a new data folder with UPLIFT_DEMO=0), or accept the risk with UPLIFT_DEMO_PUBLIC=1.`;

describe('listenHost', () => {
  it('stays on this machine while demo accounts exist and HOST is unset', () => {
    expect(listenHost({}, 23)).toEqual({ host: '127.0.0.1' });
    expect(listenHost({ HOST: '  ' }, 1)).toEqual({ host: '127.0.0.1' });
    expect(listenHost({}, 0)).toEqual({ host: '0.0.0.0' });
  });

  it('refuses a reachable HOST with demo accounts, unless UPLIFT_DEMO_PUBLIC=1', () => {
    expect(listenHost({ HOST: '0.0.0.0' }, 23)).toEqual({ refusal: refusal('0.0.0.0', 23) });
    expect(listenHost({ HOST: '::' }, 2)).toEqual({ refusal: refusal('::', 2) });
    expect(listenHost({ HOST: '10.1.2.3', UPLIFT_DEMO_PUBLIC: '0' }, 1)).toEqual({ refusal: refusal('10.1.2.3', 1) });
    expect(listenHost({ HOST: '0.0.0.0', UPLIFT_DEMO_PUBLIC: '1' }, 23)).toEqual({ host: '0.0.0.0' });
    expect(listenHost({ HOST: '0.0.0.0', UPLIFT_DEMO_PUBLIC: 'true' }, 23)).toEqual({ host: '0.0.0.0' });
    expect(listenHost({ HOST: '0.0.0.0' }, 0)).toEqual({ host: '0.0.0.0' });
  });

  it('takes any loopback HOST as it is', () => {
    for (const h of ['127.0.0.1', '127.0.1.1', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopback(h)).toBe(true);
      expect(listenHost({ HOST: h }, 23)).toEqual({ host: h });
    }
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'uplift.example.com', '127.0.0.1.example.com', '1127.0.0.1']) expect(isLoopback(h)).toBe(false);
  });
});

describeEachDb('the listen decision on a database with the demo organisation', (ctx) => {
  it('counts the demo accounts that can sign in, and opens up once they are deactivated', async () => {
    const report = await prepareDatabase(ctx.ownerDb, ctx.kind, { demo: true });
    expect(report.demo).toBe('loaded');
    expect(report.demoAccounts).toBe(DEMO_USERS.length);
    expect(listenHost({}, report.demoAccounts)).toEqual({ host: '127.0.0.1' });
    expect(listenHost({ HOST: '0.0.0.0' }, report.demoAccounts)).toEqual({ refusal: refusal('0.0.0.0', DEMO_USERS.length) });
    const emails = DEMO_USERS.map((u) => u.email);
    await ctx.db.update(user).set({ active: false }).where(inArray(user.email, emails.slice(1)));
    expect((await prepareDatabase(ctx.ownerDb, ctx.kind, { demo: true })).demoAccounts).toBe(1);
    await ctx.db.update(user).set({ active: false }).where(inArray(user.email, emails));
    const after = await prepareDatabase(ctx.ownerDb, ctx.kind, { demo: true });
    expect(after).toMatchObject({ demo: 'present', demoAccounts: 0 });
    expect(listenHost({ HOST: '0.0.0.0' }, after.demoAccounts)).toEqual({ host: '0.0.0.0' });
  });
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('npm start with the demo data and HOST=0.0.0.0', () => {
  it('prepares the database, then refuses to start with one sentence (before building or listening)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-host-'));
    dirs.push(dir);
    const env: NodeJS.ProcessEnv = { ...process.env, UPLIFT_DATA_DIR: dir, HOST: '0.0.0.0', PORT: '3111' };
    for (const k of ['DATABASE_URL', 'UPLIFT_MIGRATE_DATABASE_URL', 'UPLIFT_DEMO', 'UPLIFT_DEMO_PUBLIC', 'BETTER_AUTH_SECRET']) delete env[k];
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'start.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stdout).toContain('Database ready: pglite, demo data loaded.');
    expect(stderr.trim()).toBe(`Uplift cannot start: ${refusal('0.0.0.0', DEMO_USERS.length)}`);
    expect(code).toBe(1);
    expect(stdout).not.toContain('building');
  }, 180_000);
});
