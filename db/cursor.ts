import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import type { Db } from './types';

const dialect = new PgDialect();

/** The driver under a drizzle database: postgres.js is a function with `unsafe`, PGlite an object with `exec`. */
function driverOf(db: Db): { kind: 'postgres'; client: Sql } | { kind: 'pglite'; client: PGlite } {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (typeof client === 'function' && 'unsafe' in client) return { kind: 'postgres', client: client as Sql };
  if (client && typeof client === 'object' && 'exec' in client && 'query' in client) return { kind: 'pglite', client: client as PGlite };
  throw new Error('cursorBatches needs a database opened by db/connect (a transaction has no cursor of its own)');
}

/**
 * The rows of ONE statement (as arrays of column values), `size` at a time, all from one snapshot and
 * never all in memory:
 * - PostgreSQL: a postgres.js cursor — a portal read `size` rows at a time on one reserved connection.
 * - PGlite: a `WITH HOLD` cursor. PGlite has a single session shared by every request, so a plain
 *   cursor (which lives inside a transaction) would hold the database for the whole download; a held
 *   cursor is materialised inside the database when declared (one snapshot, set-wise joins, far cheaper
 *   than fetching by lists of ids) and then fetched batch by batch, other queries running in between.
 * Stopping early (a client that disconnects) closes the cursor.
 */
export async function* cursorBatches(db: Db, statement: SQL, size: number): AsyncGenerator<unknown[][]> {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const driver = driverOf(db);
  if (driver.kind === 'postgres') {
    for await (const rows of driver.client.unsafe(text, params as never[]).values().cursor(size)) yield rows as unknown[][];
    return;
  }
  const pg = driver.client;
  const name = `uplift_cursor_${randomBytes(6).toString('hex')}`;
  await pg.query(`declare ${name} no scroll cursor with hold for ${text}`, params);
  try {
    for (;;) {
      const { rows } = await pg.query<unknown[]>(`fetch forward ${Math.max(1, Math.trunc(size))} from ${name}`, [], { rowMode: 'array' });
      if (rows.length) yield rows;
      if (rows.length < size) return;
    }
  } finally {
    // A failed close must not hide the error that ended the loop; the cursor dies with the session anyway.
    await pg.query(`close ${name}`).catch(() => undefined);
  }
}
