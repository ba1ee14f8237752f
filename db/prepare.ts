import fs from 'node:fs';
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import {
  ConfigError,
  dataDir,
  databaseKind,
  demoWanted,
  migratePostgresUrl,
  migrateVariable,
  postgresUrl,
  type DatabaseKind,
  type UrlVariable,
} from './config';
import { connectPglite, connectPostgres, type Connection } from './connect';
import { vacuumWhereNeeded } from './maintenance';
import { acquireLock, releaseLock } from './lock';
import { makePrivate, privateUmask } from './private-files';
import { backupBeforeMigration, migrateDb, migrationCounts } from './migrate';
import { openFailureMessage } from './snapshot-restore';
import { snapshotSettings } from './snapshots';
import { connectedRole, grantAppRole } from './roles';
import { user } from './schema';
import { hasAnyExperiments, insertUserWithPassword, seedDemo } from './seed/demo';
import { activeDemoAccounts } from './seed/demo-accounts';
import { seedReferenceCatalog } from './seed/reference';
import type { Db } from './types';

export type PrepareReport = {
  kind: DatabaseKind;
  demo: 'loaded' | 'present' | 'off';
  admin: 'created' | 'exists' | 'setup-page';
  /** Demo accounts that can still sign in (their password is published): where the server may listen. */
  demoAccounts: number;
  /** The copy taken before pending migrations were applied to an existing embedded database. */
  backup?: string;
};

/** Translates driver errors into one sentence that says what to fix. */
export function explainConnectionError(err: unknown, kind: DatabaseKind, variable: UrlVariable = 'DATABASE_URL'): string {
  if (err instanceof ConfigError) return err.message;
  // Drizzle wraps driver errors ("Failed query: …"); the driver's error with its code is the cause.
  let e = err as { code?: string; message?: string; cause?: unknown };
  while (!e.code && e.cause) e = e.cause as typeof e;
  if (kind === 'postgres') {
    const where = (() => {
      try {
        const u = new URL(process.env[variable] ?? '');
        return `${u.hostname}:${u.port || 5432}`;
      } catch {
        return `the address in ${variable}`;
      }
    })();
    if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'ETIMEDOUT' || e.code === 'CONNECT_TIMEOUT' || e.code === 'EAI_AGAIN')
      return `Cannot reach PostgreSQL at ${where} (${e.code}): check ${variable} and that the server is running.`;
    if (e.code === '28P01' || e.code === '28000') return `PostgreSQL at ${where} refused the user or password in ${variable}.`;
    if (e.code === '3D000') return `The database named in ${variable} does not exist on ${where}: create it first (createdb).`;
    if (e.code === '42501')
      return variable === 'DATABASE_URL'
        ? `The role in DATABASE_URL may not change the database's schema (${e.message}): set UPLIFT_MIGRATE_DATABASE_URL to the role that owns it (README, Production on PostgreSQL).`
        : `The role in UPLIFT_MIGRATE_DATABASE_URL may not change the database's schema (${e.message}): it must own the database (CREATE DATABASE … OWNER …).`;
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

/**
 * Migrates, grants the app role its privileges (PostgreSQL, when `appRole` is another role than the
 * connection's), loads the reference catalog, and the demo organisation when wanted and the database is empty.
 */
export async function prepareDatabase(
  db: Db,
  kind: DatabaseKind,
  options: { demo?: boolean; migrationsSchema?: string; today?: string; appRole?: string } = {},
): Promise<PrepareReport> {
  await migrateDb(db, kind, options.migrationsSchema);
  if (kind === 'postgres' && options.appRole) await grantAppRole(db, options.appRole);
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
  return { kind, demo, admin, demoAccounts: await activeDemoAccounts(db) };
}

/** Checks the configuration that needs no connection: the URLs' shapes first, then the secret. */
export function checkConfiguration(ensureSecret: () => unknown): void {
  if (databaseKind() === 'postgres') {
    postgresUrl();
    migratePostgresUrl();
  } else if (process.env.UPLIFT_MIGRATE_DATABASE_URL) {
    throw new ConfigError('UPLIFT_MIGRATE_DATABASE_URL is set but DATABASE_URL is not: set both (PostgreSQL) or neither (the embedded database).');
  } else snapshotSettings();
  ensureSecret();
}

/**
 * The connection migrations and restores use (UPLIFT_MIGRATE_DATABASE_URL, else DATABASE_URL) and, when
 * that is another role than DATABASE_URL's, the app's role to grant to. Connection problems come back
 * as one sentence naming the variable to fix.
 */
export async function connectForMigration(): Promise<{ conn: Connection; appRole?: string }> {
  let variable: UrlVariable = migrateVariable();
  let conn: Connection | undefined;
  try {
    conn = connectPostgres(migratePostgresUrl(), { max: 1 });
    const owner = await connectedRole(conn.db);
    if (variable === 'DATABASE_URL') return { conn };
    variable = 'DATABASE_URL';
    const app = connectPostgres(postgresUrl(), { max: 1 });
    const appSide = await connectedRole(app.db).finally(() => app.close().catch(() => {}));
    if (appSide.database !== owner.database)
      throw new ConfigError(
        `UPLIFT_MIGRATE_DATABASE_URL names the database ${owner.database} and DATABASE_URL ${appSide.database}: both must name the app's database.`,
      );
    return { conn, appRole: appSide.role };
  } catch (err) {
    await conn?.close().catch(() => {});
    throw new ConfigError(explainConnectionError(err, 'postgres', variable));
  }
}

async function openEmbedded(dir: string) {
  const pglite = await connectPglite(dir);
  try {
    return { pglite, counts: await migrationCounts(pglite.db) };
  } catch (err) {
    await pglite.close().catch(() => {});
    throw err;
  }
}

/** Opens the configured database (locking PGlite's folder), prepares it and closes it again. */
export async function prepareConfiguredDatabase(): Promise<PrepareReport> {
  const kind = databaseKind();
  let conn: Connection | undefined;
  const dir = dataDir();
  try {
    if (kind === 'postgres') {
      const migration = await connectForMigration();
      conn = migration.conn;
      return await prepareDatabase(conn.db, kind, { appRole: migration.appRole });
    }
    privateUmask();
    await acquireLock(dir);
    // A folder that will not open (an OS crash or power loss can corrupt it): offer the newest snapshot.
    const { pglite, counts } = await openEmbedded(dir).catch((err: unknown) => {
      throw new ConfigError(openFailureMessage(dir, err));
    });
    conn = pglite;
    const { shipped, applied } = counts;
    const backup = applied > 0 && applied < shipped ? await backupBeforeMigration(pglite.client, dir) : undefined;
    if (backup) console.log(`Backed up the database to ${backup} before applying ${shipped - applied} migration(s).`);
    const report = await prepareDatabase(pglite.db, kind);
    // What autovacuum would have done since the last run (PGlite has none); the server keeps doing it hourly.
    await vacuumWhereNeeded(pglite.db);
    return { ...report, backup };
  } catch (err) {
    throw new ConfigError(explainConnectionError(err, kind, kind === 'postgres' ? migrateVariable() : 'DATABASE_URL'));
  } finally {
    await conn?.close().catch(() => {});
    if (kind === 'pglite') {
      if (fs.existsSync(dir)) makePrivate(dir);
      await releaseLock(dir);
    }
  }
}
