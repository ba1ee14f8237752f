import { eq, sql } from 'drizzle-orm';
import { VersionedCache } from '@/lib/cache/versioned-cache';
import { dataVersion } from '../schema';
import type { Queryable } from '../types';

/**
 * The lock order of every write (db/derived/README.md): the data_version row first, then the rows the
 * transaction changes. Each data table's first trigger takes it per statement; a transaction that locks
 * rows itself (SELECT … FOR UPDATE) calls this before. The app role may not lock the row itself, so a
 * function with the owner's rights does (db/derived/data-version.sql).
 */
export async function lockDataVersion(tx: Queryable): Promise<void> {
  await tx.execute(sql`select data_version_lock()`);
}

/** The version of the data: goes up with every statement that writes it (triggers, db/derived/data-version.sql). */
export async function readDataVersion(db: Queryable): Promise<string> {
  const [row] = await db.select({ version: dataVersion.version }).from(dataVersion).where(eq(dataVersion.id, 1));
  return String(row?.version ?? 0);
}

const cache = new VersionedCache(300);

/**
 * `fn(db, ...args)`, remembered until the data changes. The key is the name and the exact arguments
 * (filters, team scope, today), so a caller only ever gets what the same query would return now.
 * Each caller gets its own copy, so no one can change what the next request sees.
 */
export function cachedByDataVersion<A extends unknown[], R>(name: string, fn: (db: Queryable, ...args: A) => Promise<R>) {
  return async (db: Queryable, ...args: A): Promise<R> => {
    const version = await readDataVersion(db);
    return structuredClone(await cache.get(`${name}:${JSON.stringify(args)}`, version, () => fn(db, ...args)));
  };
}
