import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../types';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, OMITTED_COLUMNS, SCHEMA_VERSION, type BackupTable } from './tables';
import { ident, rawRows } from '../sql';

export type BackupOptions = {
  /** Rows per page (default 5000). */
  batch?: number;
  /** Called after each page is read, inside the snapshot: lets a test commit a write between two pages. */
  afterPage?: (table: string, page: number) => Promise<void> | void;
};

type Key = { column: string; type: string };

/** A row as JSON, without the columns a backup leaves out (OMITTED_COLUMNS: sealed credentials). */
function rowJson(table: BackupTable) {
  const omitted = OMITTED_COLUMNS[table] ?? [];
  return omitted.length ? sql.raw(`(to_jsonb(t) - ${omitted.map((c) => `'${c}'`).join(' - ')})`) : sql.raw('to_jsonb(t)');
}

/** A table's primary key columns and their types: the order keyset pagination walks in. */
async function primaryKey(db: Queryable, table: string): Promise<Key[]> {
  const keys = await rawRows<Key>(
    db,
    sql`select a.attname as column, format_type(a.atttypid, a.atttypmod) as type
        from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${`"${table}"`}::regclass and i.indisprimary
        order by array_position(i.indkey, a.attnum)`,
  );
  // Without a key a page could not say where the next one starts.
  if (!keys.length) throw new Error(`Table ${table} has no primary key, so it cannot be backed up page by page.`);
  return keys;
}

/**
 * Writes the whole instance as one JSON document to `write`, page by page so a large instance never
 * sits in memory. Everything is read in one read-only REPEATABLE READ transaction (one connection, one
 * snapshot): a write committed while the backup runs is either wholly in the file or not at all, so
 * every reference in the file resolves. Pages follow each table's primary key (keyset pagination), so
 * a page costs the same wherever it starts. Rows are PostgreSQL's own JSON of each row (to_jsonb),
 * column names as in the database, so a restore on either database reads them back exactly.
 */
async function writeSnapshot(db: Db, source: string, write: (text: string) => Promise<void>, options: BackupOptions, now: Date) {
  const batch = options.batch ?? 5000;
  let rows = 0;
  await db.transaction(
    async (tx) => {
      const head = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: SCHEMA_VERSION, createdAt: now.toISOString(), source };
      await write(`${JSON.stringify(head).slice(0, -1)},"tables":{`);
      for (const [i, table] of BACKUP_TABLES.entries()) {
        await write(`${i ? ',' : ''}\n${JSON.stringify(table)}:[`);
        const keys = await primaryKey(tx, table);
        const columns = sql.raw(keys.map((k) => `t."${k.column}"`).join(', '));
        let last: Record<string, unknown> | null = null;
        for (let page = 1; ; page++) {
          const after = last
            ? sql`where (${columns}) > (${sql.join(
                keys.map((k) => sql`cast(${String(last![k.column])} as ${sql.raw(k.type)})`),
                sql`, `,
              )})`
            : sql``;
          const found = await rawRows<{ row: string }>(
            tx,
            sql`select ${rowJson(table)}::text as row from ${ident(table)} t ${after} order by ${columns} limit ${batch}`,
          );
          if (found.length) await write((last ? ',' : '') + found.map((r) => `\n${r.row}`).join(','));
          rows += found.length;
          await options.afterPage?.(table, page);
          if (found.length < batch) break;
          last = JSON.parse(found[found.length - 1].row) as Record<string, unknown>;
        }
        await write(']');
      }
      await write('\n}}\n');
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return rows;
}

/** Writes with backpressure: waits for the stream to drain when its buffer is full. */
const writer = (stream: Writable) => async (text: string) => {
  if (!stream.write(text)) await once(stream, 'drain');
};

/**
 * Writes the backup to `file` (created 0600: it holds password hashes), gzip-compressed when asked.
 * A file that could not be completed is removed. Returns the number of rows written.
 */
export async function writeBackupFile(
  db: Db,
  source: string,
  file: string,
  options: BackupOptions & { gzip?: boolean; now?: Date } = {},
): Promise<number> {
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const gzip = options.gzip ? createGzip() : null;
  if (gzip) gzip.pipe(out);
  const head = gzip ?? out;
  const failed = new Promise<never>((_, reject) => {
    out.on('error', reject);
    gzip?.on('error', reject);
  });
  failed.catch(() => {}); // an error after the end is the close's to report, not an unhandled rejection
  try {
    const rows = await Promise.race([writeSnapshot(db, source, writer(head), options, options.now ?? new Date()), failed]);
    head.end();
    await Promise.race([once(out, 'close'), failed]);
    return rows;
  } catch (err) {
    head.destroy();
    await fs.promises.rm(file, { force: true });
    throw err;
  }
}

/**
 * The backup as a stream to send or copy: first written whole to a private temporary file (so the
 * snapshot's transaction is short and never waits for a slow reader), then read from it; the file is
 * removed when the stream closes.
 */
export async function openBackup(
  db: Db,
  source: string,
  options: BackupOptions & { gzip?: boolean; now?: Date } = {},
): Promise<fs.ReadStream & { removed: Promise<void> }> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'uplift-backup-'));
  const file = path.join(dir, options.gzip ? 'backup.json.gz' : 'backup.json');
  try {
    await writeBackupFile(db, source, file, options);
  } catch (err) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw err;
  }
  const stream = fs.createReadStream(file);
  const removed = new Promise<void>((resolve) => stream.on('close', () => void fs.promises.rm(dir, { recursive: true, force: true }).finally(resolve)));
  return Object.assign(stream, { removed });
}

/** The backup's text in chunks (plain JSON), for callers that collect or inspect it. */
export async function* backupJson(db: Db, source: string, options: BackupOptions & { now?: Date } = {}): AsyncGenerator<string> {
  const stream = await openBackup(db, source, options);
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) yield chunk as string;
  } finally {
    stream.destroy();
    await stream.removed;
  }
}
