import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { ConfigError } from './config';
import { makePrivate } from './private-files';

/**
 * Snapshots of the embedded database: PGlite runs with fsync off and its file layer never syncs, so an
 * OS crash or power loss can lose recent writes or corrupt the folder. A snapshot is a whole copy of its
 * folder (dumpDataDir, gzip tar) taken between transactions, written to a temporary file and renamed
 * when complete, so a snapshot that exists is whole. Restore one with `npm run restore-snapshot`.
 */
export type SnapshotSettings = { everyHours: number; kept: number };

export function snapshotSettings(env: Record<string, string | undefined> = process.env): SnapshotSettings {
  const read = (name: string, fallback: number, min: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min)
      throw new ConfigError(`${name} must be a number of at least ${min} (it is "${raw}").`);
    return n;
  };
  return { everyHours: read('UPLIFT_SNAPSHOT_HOURS', 6, 0), kept: Math.floor(read('UPLIFT_SNAPSHOTS_KEPT', 7, 1)) };
}

export const snapshotFolder = (dataDir: string) => path.join(dataDir, 'backups');

const PATTERN = /^snapshot-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.tar\.gz$/;

/** snapshot-2026-12-04T22-15-00-000Z.tar.gz: names sort by time. */
export function snapshotName(at: Date): string {
  return `snapshot-${at.toISOString().replace(/[:.]/g, '-')}.tar.gz`;
}

export function snapshotTime(name: string): Date | undefined {
  if (!PATTERN.test(name)) return undefined;
  const [, d, h, m, s, ms] = /^snapshot-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name)!;
  return new Date(`${d}T${h}:${m}:${s}.${ms}Z`);
}

/** Snapshot file names in a folder, oldest first. */
export function listSnapshots(names: string[]): string[] {
  return names.filter((n) => PATTERN.test(n)).sort();
}

/** The snapshots to delete so that the newest `kept` remain. */
export function snapshotsToPrune(names: string[], kept: number): string[] {
  const all = listSnapshots(names);
  return all.slice(0, Math.max(0, all.length - kept));
}

/**
 * Whether a scheduled snapshot is due: none yet, or the interval has passed since the newest (so restarts do not
 * postpone it). Never when off (0 hours).
 */
export function snapshotDue(newest: Date | undefined, now: Date, everyHours: number): boolean {
  if (everyHours <= 0) return false;
  return !newest || newest.getTime() + everyHours * 3600_000 <= now.getTime();
}

export function newestSnapshot(dataDir: string): string | undefined {
  const dir = snapshotFolder(dataDir);
  if (!fs.existsSync(dir)) return undefined;
  const newest = listSnapshots(fs.readdirSync(dir)).at(-1);
  return newest ? path.join(dir, newest) : undefined;
}

/** Writes a snapshot, then prunes old ones (and temporary files a kill left behind). Returns its path. */
export async function writeSnapshot(client: PGlite, dataDir: string, kept: number, now = new Date()): Promise<string> {
  const dir = snapshotFolder(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A checkpoint first, so restoring replays little WAL; then the copy, between transactions (the one
  // PGlite connection is shared; a query inside this exclusive section would wait for itself).
  await client.exec('CHECKPOINT');
  const dump = await client._runExclusiveTransaction(() => client.dumpDataDir('gzip'));
  const file = path.join(dir, snapshotName(now));
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, Buffer.from(await dump.arrayBuffer()));
    fs.fsyncSync(fd); // the snapshot is what survives a power loss: unlike PGlite, sync it
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  syncFolder(dir);
  const names = fs.readdirSync(dir);
  for (const old of snapshotsToPrune(names, kept)) fs.rmSync(path.join(dir, old), { force: true });
  for (const t of names) if (t.startsWith('snapshot-') && t.endsWith('.tmp')) fs.rmSync(path.join(dir, t), { force: true });
  makePrivate(dir);
  return file;
}

function syncFolder(dir: string) {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
