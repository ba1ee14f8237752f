// Snapshots of the embedded database: their schedule and pruning, a real snapshot that
// restores the same rows, one taken while a transaction is open, the one written at SIGTERM, and the
// start-up message that names the newest snapshot when the database will not open.
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connectPglite } from '@/db/connect';
import { prepareConfiguredDatabase } from '@/db/prepare';
import { teams } from '@/db/schema';
import { restoreSnapshot } from '@/db/snapshot-restore';
import {
  listSnapshots,
  newestSnapshot,
  snapshotDue,
  snapshotName,
  snapshotSettings,
  snapshotsToPrune,
  snapshotTime,
  writeSnapshot,
} from '@/db/snapshots';
import { authSecret } from '@/lib/auth/secret';
import { runChild } from './helpers/run-child';

const saved = { ...process.env };
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  process.env = { ...saved };
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-snap-'));
  dirs.push(dir);
  return dir;
}

/** A prepared embedded database in a new data folder, as `npm start` leaves it. */
async function preparedFolder(): Promise<string> {
  const dir = tempDir();
  process.env.UPLIFT_DATA_DIR = dir;
  process.env.UPLIFT_DEMO = '0';
  delete process.env.DATABASE_URL;
  authSecret({ create: true });
  await prepareConfiguredDatabase();
  return dir;
}

/** The teams in a data folder's database, or in a database folder itself (`pgdata`, one moved aside). */
async function teamNames(dir: string, databaseFolder = path.join(dir, 'pgdata')): Promise<string[]> {
  const pg = await PGlite.create(databaseFolder);
  try {
    return (await pg.query<{ name: string }>('select name from teams order by name')).rows.map((r) => r.name);
  } finally {
    await pg.close();
  }
}

const H = 3600_000;

describe('snapshot schedule and pruning', () => {
  it('reads UPLIFT_SNAPSHOT_HOURS (default 6, 0 = off) and UPLIFT_SNAPSHOTS_KEPT (default 7)', () => {
    expect(snapshotSettings({})).toEqual({ everyHours: 6, kept: 7 });
    expect(snapshotSettings({ UPLIFT_SNAPSHOT_HOURS: '0', UPLIFT_SNAPSHOTS_KEPT: '2' })).toEqual({ everyHours: 0, kept: 2 });
    expect(snapshotSettings({ UPLIFT_SNAPSHOT_HOURS: '0.5' })).toEqual({ everyHours: 0.5, kept: 7 });
    expect(() => snapshotSettings({ UPLIFT_SNAPSHOT_HOURS: 'daily' })).toThrow('UPLIFT_SNAPSHOT_HOURS must be a number of at least 0 (it is "daily").');
    expect(() => snapshotSettings({ UPLIFT_SNAPSHOTS_KEPT: '0' })).toThrow('UPLIFT_SNAPSHOTS_KEPT must be a number of at least 1 (it is "0").');
  });

  it('names snapshots so they sort by time, and reads the time back', () => {
    const at = new Date('2026-12-04T22:15:00.123Z');
    expect(snapshotName(at)).toBe('snapshot-2026-12-04T22-15-00-123Z.tar.gz');
    expect(snapshotTime(snapshotName(at))).toEqual(at);
    expect(snapshotTime('snapshot-2026-12-04T22-15-00-123Z.tar.gz.tmp')).toBeUndefined();
    expect(snapshotTime('pre-migration-2026-12-04T22-15-00-123Z.tar.gz')).toBeUndefined();
  });

  it('keeps the newest ones and never touches other files', () => {
    const names = [
      'snapshot-2026-12-03T10-00-00-000Z.tar.gz',
      'pre-migration-2020-01-01T00-00-00-000Z.tar.gz',
      'snapshot-2026-12-01T10-00-00-000Z.tar.gz',
      'snapshot-2026-12-04T10-00-00-000Z.tar.gz.tmp',
      'snapshot-2026-12-02T10-00-00-000Z.tar.gz',
      'snapshot-2026-12-04T10-00-00-000Z.tar.gz',
    ];
    expect(snapshotsToPrune(names, 2)).toEqual(['snapshot-2026-12-01T10-00-00-000Z.tar.gz', 'snapshot-2026-12-02T10-00-00-000Z.tar.gz']);
    expect(snapshotsToPrune(names, 7)).toEqual([]);
    expect(listSnapshots(names).at(-1)).toBe('snapshot-2026-12-04T10-00-00-000Z.tar.gz');
  });

  it('plans the next snapshot from the newest one, so restarts do not postpone it', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    expect(snapshotDue(undefined, now, 6)).toBe(true); // none yet
    expect(snapshotDue(new Date(now.getTime() - 2 * H), now, 6)).toBe(false);
    expect(snapshotDue(new Date(now.getTime() - 6 * H), now, 6)).toBe(true); // exactly due
    expect(snapshotDue(new Date(now.getTime() - 30 * H), now, 6)).toBe(true); // overdue
    expect(snapshotDue(new Date(now.getTime() - 2 * H), now, 0)).toBe(false); // off
  });
});

describe('snapshots of a real embedded database', () => {
  it('a snapshot restores the rows it held; the current folder is moved aside, old snapshots pruned, no temporary file left', async () => {
    const dir = await preparedFolder();
    const conn = await connectPglite(dir);
    await conn.db.insert(teams).values([{ name: 'Alpha', function: 'ops' }, { name: 'Beta', function: 'ops' }]);
    const first = await writeSnapshot(conn.client, dir, 2, new Date('2026-12-01T00:00:00Z'));
    await writeSnapshot(conn.client, dir, 2, new Date('2026-12-02T00:00:00Z'));
    const kept = await writeSnapshot(conn.client, dir, 2, new Date('2026-12-03T00:00:00Z'));
    await conn.db.insert(teams).values({ name: 'After the snapshot', function: 'ops' });
    const before = (await conn.db.select({ n: sql<number>`count(*)::int` }).from(teams))[0].n;
    await conn.close();
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual([
      'snapshot-2026-12-02T00-00-00-000Z.tar.gz',
      'snapshot-2026-12-03T00-00-00-000Z.tar.gz',
    ]);
    expect(fs.statSync(kept).mode & 0o777).toBe(0o600);
    expect(newestSnapshot(dir)).toBe(kept);

    const { movedAside } = await restoreSnapshot(dir, undefined, new Date('2026-12-05T00:00:00Z'));
    expect(movedAside).toBe(path.join(dir, 'pgdata.broken-2026-12-05T00-00-00-000Z'));
    expect(await teamNames(dir)).toEqual(['Alpha', 'Beta']);
    expect(await teamNames(dir, movedAside!)).toHaveLength(before); // the folder moved aside is whole, untouched
  }, 120_000);

  it('waits for an open transaction to end, and holds what it committed', async () => {
    const dir = await preparedFolder();
    const conn = await connectPglite(dir);
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const tx = conn.db.transaction(async (t) => {
      await t.insert(teams).values({ name: 'In flight', function: 'ops' });
      await gate;
    });
    await new Promise((r) => setTimeout(r, 100));
    let done = false;
    const snapshot = writeSnapshot(conn.client, dir, 7).then((f) => ((done = true), f));
    await new Promise((r) => setTimeout(r, 500));
    expect(done).toBe(false); // not in the middle of the transaction
    finish();
    await tx;
    const file = await snapshot;
    await conn.db.insert(teams).values({ name: 'Later', function: 'ops' });
    await conn.close();
    await restoreSnapshot(dir, file);
    expect(await teamNames(dir)).toEqual(['In flight']);
  }, 120_000);

  it('writes one at SIGTERM', async () => {
    const dir = tempDir();
    const server = runChild(children, 'write', dir);
    await server.said('serving');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const file = newestSnapshot(dir);
    expect(server.output()).toContain(`Snapshot of the embedded database: ${file}`);
    fs.rmSync(path.join(dir, 'pgdata'), { recursive: true });
    await restoreSnapshot(dir);
    expect(await teamNames(dir)).toEqual(['Written before the signal']);
  }, 120_000);

  it('a database that will not open: start-up names the newest snapshot, and npm run restore-snapshot brings it back', async () => {
    const dir = await preparedFolder();
    const conn = await connectPglite(dir);
    await conn.db.insert(teams).values({ name: 'Saved', function: 'ops' });
    const file = await writeSnapshot(conn.client, dir, 7, new Date('2026-12-04T06:00:00Z'));
    await conn.close();
    fs.writeFileSync(path.join(dir, 'pgdata', 'global', 'pg_control'), Buffer.alloc(8192, 7)); // as after a torn write
    await expect(prepareConfiguredDatabase()).rejects.toThrow(
      `The embedded database in ${path.join(dir, 'pgdata')} will not open (PGlite failed to initialize properly): the newest snapshot is ${file} (taken 2026-12-04T06:00:00.000Z); run \`npm run restore-snapshot\` to restore it (the broken folder is moved aside, not deleted).`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts', 'restore-snapshot.ts')], { env: process.env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const aside = fs.readdirSync(dir).filter((n) => n.startsWith('pgdata.broken-'));
    expect(aside).toHaveLength(1);
    expect(r.stdout.trim()).toBe(`Restored ${file} into ${dir}. The previous database folder is kept as ${path.join(dir, aside[0])}. Start Uplift again.`);
    expect(r.status).toBe(0);
    await prepareConfiguredDatabase();
    expect(await teamNames(dir)).toEqual(['Saved']);
  }, 180_000);

  it('without a snapshot, start-up says there is none', async () => {
    const dir = await preparedFolder();
    fs.writeFileSync(path.join(dir, 'pgdata', 'global', 'pg_control'), Buffer.alloc(8192, 7));
    await expect(prepareConfiguredDatabase()).rejects.toThrow(
      `The embedded database in ${path.join(dir, 'pgdata')} will not open (PGlite failed to initialize properly), and there is no snapshot in ${path.join(dir, 'backups')} to restore.`,
    );
  }, 120_000);
});
