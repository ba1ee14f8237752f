import path from 'node:path';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DatabaseKind } from './config';
import type { Db } from './types';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Applies pending migrations; each migration runs in one transaction, so a failure leaves none half-applied. */
export async function migrateDb(db: Db, kind: DatabaseKind, migrationsSchema = 'drizzle'): Promise<void> {
  if (kind === 'pglite') {
    await migratePglite(db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder, migrationsSchema });
  } else {
    await migratePostgres(db, { migrationsFolder, migrationsSchema });
  }
}
