import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import { ConfigError, dataDir, databaseKind, demoWanted, postgresUrl, type DatabaseKind } from './config';
import { connectPglite, connectPostgres, type Connection } from './connect';
import { vacuumWhereNeeded } from './maintenance';
import { acquireLock, releaseLock } from './lock';
import { backupBeforeMigration, migrateDb, migrationCounts } from './migrate';
import { user } from './schema';
import { hasAnyExperiments, insertUserWithPassword, seedDemo } from './seed/demo';
import { seedReferenceCatalog } from './seed/reference';
import type { Db } from './types';

export type PrepareReport = {
  kind: DatabaseKind;
  demo: 'loaded' | 'present' | 'off';
  admin: 'created' | 'exists' | 'setup-page';
  /** The copy taken before pending migrations were applied to an existing embedded database. */
  backup?: string;
};

/** Translates driver errors into one sentence that says what to fix. */
export function explainConnectionError(err: unknown, kind: DatabaseKind): string {
  if (err instanceof ConfigError) return err.message;
  // Drizzle wraps driver errors ("Failed query: …"); the driver's error with its code is the cause.
  let e = err as { code?: string; message?: string; cause?: unknown };
  while (!e.code && e.cause) e = e.cause as typeof e;
  if (kind === 'postgres') {
    const where = (() => {
      try {
        const u = new URL(process.env.DATABASE_URL ?? '');
        return `${u.hostname}:${u.port || 5432}`;
      } catch {
        return 'the address in DATABASE_URL';
      }
    })();
    if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'ETIMEDOUT' || e.code === 'CONNECT_TIMEOUT' || e.code === 'EAI_AGAIN')
      return `Cannot reach PostgreSQL at ${where} (${e.code}): check DATABASE_URL and that the server is running.`;
    if (e.code === '28P01' || e.code === '28000') return `PostgreSQL at ${where} refused the user or password in DATABASE_URL.`;
    if (e.code === '3D000') return `The database named in DATABASE_URL does not exist on ${where}: create it first (createdb).`;
  }
  return `The database could not be prepared: ${e.message ?? String(err)}`;
}

async function ensureFirstAdmin(db: Db): Promise<PrepareReport['admin']> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(user);
  if (n > 0) return 'exists';
  const email = process.env.UPLIFT_ADMIN_EMAIL;
  const password = process.env.UPLIFT_ADMIN_PASSWORD;
  if (!email || !password) return 'setup-page';
  if (password.length < 8) throw new ConfigError('UPLIFT_ADMIN_PASSWORD must be at least 8 characters long.');
  await insertUserWithPassword(db, {
    id: `admin_${Date.now().toString(36)}`,
    email: email.toLowerCase(),
    name: 'Administrator',
    role: 'admin',
    passwordHash: await hashPassword(password),
  });
  return 'created';
}

/** Migrates, loads the reference catalog, and the demo organisation when wanted and the database is empty. */
export async function prepareDatabase(
  db: Db,
  kind: DatabaseKind,
  options: { demo?: boolean; migrationsSchema?: string; today?: string } = {},
): Promise<PrepareReport> {
  await migrateDb(db, kind, options.migrationsSchema);
  await seedReferenceCatalog(db);
  const wantDemo = options.demo ?? demoWanted();
  let demo: PrepareReport['demo'] = 'off';
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(user);
  if (wantDemo) {
    if (n === 0 && !(await hasAnyExperiments(db))) {
      await seedDemo(db, options.today);
      demo = 'loaded';
    } else demo = 'present';
  }
  const admin = await ensureFirstAdmin(db);
  return { kind, demo, admin };
}

/** Checks the configuration that needs no connection: DATABASE_URL's shape first, then the secret. */
export function checkConfiguration(ensureSecret: () => unknown): void {
  if (databaseKind() === 'postgres') postgresUrl();
  ensureSecret();
}

/** Opens the configured database (locking PGlite's folder), prepares it and closes it again. */
export async function prepareConfiguredDatabase(): Promise<PrepareReport> {
  const kind = databaseKind();
  let conn: Connection | undefined;
  const dir = dataDir();
  try {
    if (kind === 'postgres') {
      conn = connectPostgres(postgresUrl(), { max: 1 });
      await conn.db.execute(sql`select 1`);
    } else {
      acquireLock(dir);
      const pglite = await connectPglite(dir);
      conn = pglite;
      const { shipped, applied } = await migrationCounts(pglite.db);
      const backup = applied > 0 && applied < shipped ? await backupBeforeMigration(pglite.client, dir) : undefined;
      if (backup) console.log(`Backed up the database to ${backup} before applying ${shipped - applied} migration(s).`);
      const report = await prepareDatabase(pglite.db, kind);
      // What autovacuum would have done since the last run (PGlite has none); the server keeps doing it hourly.
      await vacuumWhereNeeded(pglite.db);
      return { ...report, backup };
    }
    return await prepareDatabase(conn.db, kind);
  } catch (err) {
    throw new ConfigError(explainConnectionError(err, kind));
  } finally {
    await conn?.close().catch(() => {});
    if (kind === 'pglite') releaseLock(dir);
  }
}
