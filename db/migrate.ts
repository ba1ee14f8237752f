import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DatabaseKind } from './config';
import { applyDerived } from './derived/apply';
import type { Db } from './types';
import { resultRows } from './sql';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/**
 * Applies pending migrations, then the functions and triggers of db/derived/ whose files changed. Each
 * migration and each derived file runs in one transaction, so a failure leaves none half-applied.
 */
export async function migrateDb(db: Db, kind: DatabaseKind, migrationsSchema = 'drizzle'): Promise<void> {
  if (kind === 'pglite') {
    await migratePglite(db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder, migrationsSchema });
  } else {
    await migratePostgres(db, { migrationsFolder, migrationsSchema });
  }
  await applyDerived(db, { migrationsSchema });
}

/** How many migrations the code ships, and how many this database has applied (0 for a new one). */
export async function migrationCounts(db: Db, migrationsSchema = 'drizzle'): Promise<{ shipped: number; applied: number }> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const result = (await db.execute(
    sql`select count(*)::int as n from information_schema.tables where table_schema = ${migrationsSchema} and table_name = '__drizzle_migrations'`,
  )) as unknown;
  const rows = resultRows<{ n: number }>(result);
  if (rows[0].n === 0) return { shipped: journal.entries.length, applied: 0 };
  const appliedResult = (await db.execute(sql.raw(`select count(*)::int as n from "${migrationsSchema}"."__drizzle_migrations"`))) as unknown;
  const applied = resultRows<{ n: number }>(appliedResult);
  return { shipped: journal.entries.length, applied: applied[0].n };
}

export const BACKUPS_KEPT = 3;

/**
 * Before migrating an existing embedded database, a copy of its folder goes to
 * <data>/backups/pre-migration-<time>.tar.gz (the last BACKUPS_KEPT are kept). Restore by
 * opening PGlite with `loadDataDir` from that file into an empty folder.
 */
export async function backupBeforeMigration(
  client: { dumpDataDir: (compression?: 'gzip' | 'none' | 'auto') => Promise<Blob> },
  dataDir: string,
  now = new Date(),
): Promise<string> {
  const dir = path.join(dataDir, 'backups');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700); // also when an older version made it
  const file = path.join(dir, `pre-migration-${now.toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  const dump = await client.dumpDataDir('gzip');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  const old = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('pre-migration-'))
    .sort()
    .slice(0, -BACKUPS_KEPT);
  for (const f of old) fs.rmSync(path.join(dir, f), { force: true });
  return file;
}
