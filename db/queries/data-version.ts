import { eq, sql } from 'drizzle-orm';
// React's cache() only: it memoizes the version read for one server render, and passes through anywhere else.
// eslint-disable-next-line no-restricted-imports
import { cache as reactCache } from 'react';
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
 * The data version as this request first read it: a page's twenty cached sections cost one read, not twenty, and
 * show one version. React's `cache` keeps it for one server render; elsewhere (route handlers, scripts, tests) it
 * reads every time.
 */
const versionForRequest = reactCache(readDataVersion);

/** Freezes a value and everything in it, so that it can be shared between requests as it is. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * `fn(db, ...args)`, remembered until the data changes. The key is the name and the exact arguments
 * (filters, team scope, today), so a caller only ever gets what the same query would return now.
 * No one can change what the next request sees: each caller gets its own copy, or with `shared` (for results
 * only read, such as the dashboard's tables, where copying cost 6% of a view's CPU) the one result, frozen, so
 * that a change throws instead.
 */
export function cachedByDataVersion<A extends unknown[], R>(name: string, fn: (db: Queryable, ...args: A) => Promise<R>, options: { shared?: boolean } = {}) {
  const compute = options.shared ? async (db: Queryable, args: A) => deepFreeze(await fn(db, ...args)) : (db: Queryable, args: A) => fn(db, ...args);
  return async (db: Queryable, ...args: A): Promise<R> => {
    const version = await versionForRequest(db);
    const value = await cache.get(`${name}:${JSON.stringify(args)}`, version, () => compute(db, args));
    return options.shared ? value : structuredClone(value);
  };
}

/** The same, shared and frozen: for results their pages only read (see `shared` above). */
export const sharedByDataVersion = <A extends unknown[], R>(name: string, fn: (db: Queryable, ...args: A) => Promise<R>) => cachedByDataVersion(name, fn, { shared: true });
