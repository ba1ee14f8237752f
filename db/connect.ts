import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';
import { retryTransactions } from './transaction-retry';
import type { Db } from './types';

export type Connection = { db: Db; close: () => Promise<void> };

/**
 * The extensions the schema uses, loaded into every PGlite that writes: pg_trgm serves the searches' trigram
 * indexes (db/queries/experiments/search.ts); PostgreSQL ships it in contrib (CREATE EXTENSION in migration 0021).
 */
export const PGLITE_EXTENSIONS = { pg_trgm };

/** PGlite in a folder (or in memory when dir is undefined). The caller owns the folder lock. */
export async function connectPglite(dir?: string): Promise<Connection & { client: PGlite }> {
  const options = { extensions: PGLITE_EXTENSIONS };
  const client = dir ? await PGlite.create(path.join(dir, 'pgdata'), options) : await PGlite.create(options);
  // The same retrying transactions as on PostgreSQL; PGlite runs one transaction at a time, so no retry ever triggers.
  const db = retryTransactions(drizzlePglite({ client, schema }) as unknown as Db);
  return { db, client, close: () => client.close() };
}

/**
 * A PostgreSQL pool. Its transactions retry on deadlock and serialization failures (see
 * transaction-retry.ts); `retryTransactions: false` only for a test that must see the raw error.
 */
export function connectPostgres(
  url: string,
  options: { max?: number; searchPath?: string; retryTransactions?: boolean } = {},
): Connection & { client: postgres.Sql } {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // JIT compilation cost more than it saved on every dashboard aggregation (tens of ms per query).
    connection: { jit: 'off', ...(options.searchPath ? { search_path: options.searchPath } : {}) },
  });
  const db = drizzlePostgres({ client, schema });
  if (options.retryTransactions !== false) retryTransactions(db);
  return { db, client, close: () => client.end({ timeout: 5 }) };
}
