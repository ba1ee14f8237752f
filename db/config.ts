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

/** Checks DATABASE_URL's shape so a typo gets one clear sentence, not a driver stack trace. */
export function postgresUrl(raw = process.env.DATABASE_URL ?? ''): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'DATABASE_URL is not a valid URL: expected something like postgres://user:password@host:5432/database.',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (it starts with ${url.protocol}//).`);
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new ConfigError('DATABASE_URL must name a host and a database, e.g. postgres://user@host:5432/uplift.');
  }
  return raw;
}

/** Whether the demo organisation is loaded into an empty database. */
export function demoWanted(): boolean {
  const v = process.env.UPLIFT_DEMO;
  if (v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  return databaseKind() === 'pglite';
}
