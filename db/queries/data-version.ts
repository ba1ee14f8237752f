import { eq } from 'drizzle-orm';
import { VersionedCache } from '@/lib/cache/versioned-cache';
import { dataVersion } from '../schema';
import type { Queryable } from '../types';

/** The version of the data: goes up with every statement that writes it (triggers, migration 0003). */
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
