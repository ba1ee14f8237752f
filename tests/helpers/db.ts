import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe } from 'vitest';
import { connectPglite, connectPostgres } from '@/db/connect';
import { prepareDatabase } from '@/db/prepare';
import type { Db } from '@/db/types';
import type { DatabaseKind } from '@/db/config';

export type TestDb = { db: Db; kind: DatabaseKind; close: () => Promise<void> };

/**
 * A fresh, migrated database: in-memory PGlite, or a throw-away database on TEST_DATABASE_URL.
 * `empty: true` leaves it unmigrated (to build an older release's schema first).
 */
export async function openTestDb(kind: DatabaseKind, options: { demo?: boolean; today?: string; empty?: boolean } = {}): Promise<TestDb> {
  if (kind === 'pglite') {
    const conn = await connectPglite();
    if (!options.empty) await prepareDatabase(conn.db, 'pglite', { demo: options.demo ?? false, today: options.today });
    return { db: conn.db, kind, close: conn.close };
  }
  // One throw-away database per test file (the migrations name the public schema, so schemas cannot isolate).
  const base = process.env.TEST_DATABASE_URL!;
  const name = `uplift_t_${randomBytes(6).toString('hex')}`;
  const admin = connectPostgres(base, { max: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  const conn = connectPostgres(url.toString(), { max: 4 });
  if (!options.empty) await prepareDatabase(conn.db, 'postgres', { demo: options.demo ?? false, today: options.today });
  return {
    db: conn.db,
    kind,
    close: async () => {
      await conn.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

export const postgresAvailable = Boolean(process.env.TEST_DATABASE_URL);
if (!postgresAvailable && !(globalThis as { warned?: boolean }).warned) {
  (globalThis as { warned?: boolean }).warned = true;
  console.warn('PostgreSQL integration tests skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.');
}

/** The databases every integration test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DB_KINDS: DatabaseKind[] = postgresAvailable ? ['pglite', 'postgres'] : ['pglite'];

/**
 * Runs `body` once per database with one shared database per file (initdb costs seconds).
 * `ctx.db` is valid inside tests.
 */
export function describeEachDb(name: string, body: (ctx: { readonly db: Db; readonly kind: DatabaseKind }) => void, options: { demo?: boolean; today?: string } = {}) {
  for (const kind of DB_KINDS) {
    describe(`${name} [${kind}]`, () => {
      let handle: TestDb | undefined;
      beforeAll(async () => {
        handle = await openTestDb(kind, options);
      });
      afterAll(async () => {
        await handle?.close();
      });
      body({
        get db() {
          if (!handle) throw new Error('database not open yet');
          return handle.db;
        },
        kind,
      });
    });
  }
}
