import { ConfigError, dataDir, databaseKind, postgresUrl, type DatabaseKind } from './config';
import { connectPglite, connectPostgres } from './connect';
import { acquireLock, closeOnSignals, releaseLock } from './lock';
import { scheduleVacuum } from './maintenance';
import { makePrivate, privateUmask } from './private-files';
import { snapshotSettings, writeSnapshot } from './snapshots';
import type { Db } from './types';

export type { Db, Queryable, Tx } from './types';

/** `snapshot`: the embedded database only; the snapshot job (lib/jobs/snapshot.ts) calls it on its schedule. */
type Handle = { db: Db; kind: DatabaseKind; close: () => Promise<void>; snapshot?: (now: Date, kept: number) => Promise<string> };
const globalForDb = globalThis as unknown as { upliftDb?: Promise<Handle> };

async function open(): Promise<Handle> {
  const kind = databaseKind();
  if (kind === 'postgres') {
    const conn = connectPostgres(postgresUrl(), { max: Number(process.env.UPLIFT_DB_POOL ?? 10) });
    return { ...conn, kind };
  }
  const dir = dataDir();
  const snapshots = snapshotSettings();
  privateUmask();
  await acquireLock(dir);
  const conn = await connectPglite(dir);
  makePrivate(dir);
  // Ctrl-C / SIGTERM: a last snapshot, then close PGlite (flushes and ends cleanly) and release the lock.
  closeOnSignals(dir, async () => {
    if (snapshots.everyHours > 0) {
      await writeSnapshot(conn.client, dir, snapshots.kept)
        .then((file) => console.log(`Snapshot of the embedded database: ${file}`))
        .catch((err) => console.error(`The snapshot at shutdown failed: ${String(err)}`));
    }
    await conn.close();
    makePrivate(dir);
  });
  const stopVacuum = scheduleVacuum(conn.db);
  // Files PGlite adds while it runs (new tables, WAL segments) are made private within the hour.
  const privacy = setInterval(() => makePrivate(dir), 3600_000);
  privacy.unref();
  return {
    db: conn.db,
    kind,
    snapshot: (now, kept) => writeSnapshot(conn.client, dir, kept, now),
    close: async () => {
      stopVacuum();
      clearInterval(privacy);
      await conn.close();
      makePrivate(dir);
      await releaseLock(dir);
    },
  };
}

/**
 * The process's one database handle, opened lazily on first use (never at import time:
 * Next imports page modules during the build) and kept on globalThis across dev reloads.
 */
export function getHandle(): Promise<Handle> {
  if (!globalForDb.upliftDb) {
    globalForDb.upliftDb = open();
    globalForDb.upliftDb.catch(() => {
      globalForDb.upliftDb = undefined;
    });
  }
  return globalForDb.upliftDb;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.upliftDb;
  globalForDb.upliftDb = undefined;
  if (handle) await (await handle).close();
}

export { ConfigError, databaseKind };
