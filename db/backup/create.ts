import { sql } from 'drizzle-orm';
import type { Queryable } from '../types';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, ident, rawRows, SCHEMA_VERSION } from './tables';

const BATCH = 5000;

/**
 * The whole instance as one JSON document, written table by table in batches so a large instance
 * never sits in memory. Rows are PostgreSQL's own JSON of each row (to_jsonb), column names as in
 * the database, so a restore on either database reads them back exactly.
 */
export async function* backupJson(db: Queryable, source: string, now = new Date()): AsyncGenerator<string> {
  const head = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: SCHEMA_VERSION, createdAt: now.toISOString(), source };
  yield `${JSON.stringify(head).slice(0, -1)},"tables":{`;
  for (const [i, table] of BACKUP_TABLES.entries()) {
    yield `${i ? ',' : ''}\n${JSON.stringify(table)}:[`;
    for (let offset = 0; ; offset += BATCH) {
      // Ordered by the row's JSON text: unique (every table has a key) and the same on both databases.
      const rows = await rawRows<{ row: string }>(
        db,
        sql`select to_jsonb(t)::text as row from ${ident(table)} t order by 1 offset ${offset} limit ${BATCH}`,
      );
      if (rows.length) yield (offset ? ',' : '') + rows.map((r) => `\n${r.row}`).join(',');
      if (rows.length < BATCH) break;
    }
    yield ']';
  }
  yield '\n}}\n';
}
