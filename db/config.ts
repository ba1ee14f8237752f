import path from 'node:path';

/** Where the app's data lives: PostgreSQL when DATABASE_URL is set, otherwise PGlite on disk. */
export type DatabaseKind = 'pglite' | 'postgres';

export class ConfigError extends Error {}

export function databaseKind(): DatabaseKind {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

export function dataDir(): string {
  return process.env.UPLIFT_DATA_DIR ? path.resolve(process.env.UPLIFT_DATA_DIR) : path.join(process.cwd(), 'data');
}

/** Checks a PostgreSQL URL's shape so a typo gets one clear sentence, not a driver stack trace. */
export function postgresUrl(raw = process.env.DATABASE_URL ?? '', variable: UrlVariable = 'DATABASE_URL'): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `${variable} is not a valid URL: expected something like postgres://user:password@host:5432/database.`,
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${variable} must start with postgres:// or postgresql:// (it starts with ${url.protocol}//).`);
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new ConfigError(`${variable} must name a host and a database, e.g. postgres://user@host:5432/uplift.`);
  }
  return raw;
}

export type UrlVariable = 'DATABASE_URL' | 'UPLIFT_MIGRATE_DATABASE_URL';

/**
 * Where migrations (and restores) connect: UPLIFT_MIGRATE_DATABASE_URL, the role that owns the schema,
 * when set; otherwise DATABASE_URL, the app's own connection (one role for everything).
 */
export function migrateVariable(): UrlVariable {
  return process.env.UPLIFT_MIGRATE_DATABASE_URL ? 'UPLIFT_MIGRATE_DATABASE_URL' : 'DATABASE_URL';
}

export function migratePostgresUrl(): string {
  const variable = migrateVariable();
  return postgresUrl(process.env[variable] ?? '', variable);
}

/** Whether the demo organisation is loaded into an empty database. */
export function demoWanted(): boolean {
  const v = process.env.UPLIFT_DEMO;
  if (v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  return databaseKind() === 'pglite';
}
