import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileSource, restoreLimitMb, tooLarge } from '@/db/backup/read';
import { SCHEMA_VERSION } from '@/db/backup/tables';
import { rawRows } from '@/db/sql';
import { saveUpload } from '@/db/backup/upload';
import { validateBackup } from '@/db/backup/validate';
import { teamMembers, user } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { describeEachDb, openTestDb } from './helpers/db';

// The route runs as in the server, with the signed-in user and the database swapped for the test's.
const current: { user: SessionUser | null; db?: Db } = { user: null };
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => current.user }));
vi.mock('@/db', () => ({ getDb: async () => current.db, getHandle: async () => ({ db: current.db, kind: 'pglite' }) }));
const { GET, POST } = await import('@/app/api/admin/backup/route');

const MB = 1024 * 1024;
const HEAD = `{"format":"uplift-backup","formatVersion":1,"schemaVersion":"${SCHEMA_VERSION}","createdAt":"2026-01-01T00:00:00.000Z","source":"test","tables":{"user":[`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-limits-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const saved = process.env.UPLIFT_RESTORE_MAX_MB;
afterEach(() => {
  if (saved === undefined) delete process.env.UPLIFT_RESTORE_MAX_MB;
  else process.env.UPLIFT_RESTORE_MAX_MB = saved;
});

/**
 * A gzip bomb that is valid JSON as far as it goes: a backup's head, then `mb` MB of spaces, as many
 * copies of one small gzip member (gunzip reads concatenated members as one stream). Under 1 MB on disk.
 */
function gzipBomb(mb: number): string {
  const file = path.join(dir, `bomb-${mb}.json.gz`);
  const spaces = gzipSync(Buffer.alloc(MB, 0x20), { level: 9 });
  fs.writeFileSync(file, Buffer.concat([gzipSync(HEAD), ...Array.from({ length: mb }, () => spaces)]));
  return file;
}

/** The highest resident memory seen while `run` runs, above what it was before (sampled every 5 ms). */
async function peakGrowth<T>(run: () => Promise<T>): Promise<{ result: T; mb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, mb: (peak - start) / MB };
  } finally {
    clearInterval(timer);
  }
}

describe('a restore reads a bounded amount', () => {
  it('UPLIFT_RESTORE_MAX_MB sets the limit, 2048 MB by default', () => {
    delete process.env.UPLIFT_RESTORE_MAX_MB;
    expect(restoreLimitMb()).toBe(2048);
    process.env.UPLIFT_RESTORE_MAX_MB = '5';
    expect(restoreLimitMb()).toBe(5);
    process.env.UPLIFT_RESTORE_MAX_MB = 'lots';
    expect(restoreLimitMb()).toBe(2048);
  });

  it('refuses a gzip bomb with one sentence once the limit is read, and memory stays small', async () => {
    const bomb = gzipBomb(1024); // 1 GB of spaces inside about 1 MB
    expect(fs.statSync(bomb).size).toBeLessThan(2 * MB);
    const { result, mb } = await peakGrowth(() => validateBackup(fileSource(bomb, 64)));
    expect(result.errors).toEqual([tooLarge(64)]);
    expect(result.errors[0]).toBe(
      'The backup holds more than 64 MB once uncompressed, the most a restore reads (UPLIFT_RESTORE_MAX_MB): raise the limit if the file is genuine.',
    );
    expect(mb).toBeLessThan(48);
  });

  it('refuses a plain file over the limit, and reads one under it to the end', async () => {
    const over = path.join(dir, 'over.json');
    fs.writeFileSync(over, HEAD + ' '.repeat(MB));
    expect((await validateBackup(fileSource(over, 1))).errors).toEqual([tooLarge(1)]);
    expect((await validateBackup(fileSource(over, 2))).errors[0]).toMatch(/^The file is not complete JSON/);
  });

  it('refuses one value longer than 16 M characters before it fills memory', async () => {
    const long = path.join(dir, 'long.json');
    fs.writeFileSync(long, `${HEAD}{"id":"${'x'.repeat(17 * MB)}`);
    expect((await validateBackup(fileSource(long)).then((r) => r.errors))[0]).toMatch(/^The file is not complete JSON \(truncated or damaged\): .*maxPackedLength/);
  });
});

async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, email));
  const teams = await db.select({ teamId: teamMembers.teamId, teamRole: teamMembers.teamRole }).from(teamMembers).where(eq(teamMembers.userId, u.id));
  return { ...u, teamIds: teams.map((t) => t.teamId), leadTeamIds: teams.filter((t) => t.teamRole === 'lead').map((t) => t.teamId) };
}

const upload = (bytes: Buffer, name = 'backup.json.gz') => {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  return new Request('http://test.local/api/admin/backup', { method: 'POST', body: form });
};
const count = async (db: Db, table: string) => Number((await rawRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${table}"`)))[0].n);

describeEachDb(
  'the admin restore route',
  (ctx) => {
    let backup: Buffer;
    let admin: SessionUser;
    beforeAll(async () => {
      admin = await sessionUser(ctx.db, 'admin@uplift.demo');
      current.user = admin;
      current.db = ctx.db;
      backup = Buffer.from(await (await GET()).arrayBuffer());
    });

    it('streams an upload and refuses one over UPLIFT_RESTORE_MAX_MB, or a gzip bomb, with the sentence; a real backup restores whole', async () => {
      const fresh = await openTestDb(ctx.kind, { demo: false });
      try {
        current.db = fresh.ownerDb;
        // The upload stops at the limit (busboy), before the restore reads anything.
        expect(await saveUpload(upload(Buffer.from(HEAD + ' '.repeat(MB + 10)), 'big.json'), 'file', 1)).toEqual({ error: tooLarge(1) });
        process.env.UPLIFT_RESTORE_MAX_MB = '1';
        const over = await POST(upload(Buffer.from(HEAD + ' '.repeat(MB + 10)), 'big.json'));
        expect(over.status).toBe(400);
        expect(await over.json()).toEqual({ error: `Nothing was restored: ${tooLarge(1)}` });

        process.env.UPLIFT_RESTORE_MAX_MB = '16';
        const bombed = await POST(upload(fs.readFileSync(gzipBomb(64))));
        expect(await bombed.json()).toEqual({ error: `Nothing was restored: ${tooLarge(16)}` });
        expect(await count(fresh.db, 'experiments')).toBe(0);

        const restored = await POST(upload(backup));
        const body = (await restored.json()) as { counts: Record<string, number> };
        expect(restored.status).toBe(200);
        expect(body.counts.experiments).toBe(await count(ctx.db, 'experiments'));
        expect(await count(fresh.db, 'experiments')).toBe(await count(ctx.db, 'experiments'));
        expect(await count(fresh.db, 'capability_outcomes')).toBe(await count(ctx.db, 'capability_outcomes'));

        // The upload waits in a private file that the route removes afterwards.
        const saved = await saveUpload(upload(backup), 'file', 16);
        if ('error' in saved) throw new Error(saved.error);
        expect([fs.statSync(saved.file).mode & 0o777, fs.statSync(path.dirname(saved.file)).mode & 0o777]).toEqual([0o600, 0o700]);
        expect(fs.readFileSync(saved.file).equals(backup)).toBe(true);
        await saved.remove();
        expect(fs.existsSync(path.dirname(saved.file))).toBe(false);
      } finally {
        current.db = ctx.db;
        await fresh.close();
      }
    }, 120_000);
  },
  { demo: true },
);
