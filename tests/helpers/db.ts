import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe } from 'vitest';
import { connectPglite, connectPostgres } from '@/db/connect';
import { prepareDatabase } from '@/db/prepare';
import type { Db } from '@/db/types';
import type { DatabaseKind } from '@/db/config';
import { TEST_APP_ROLE, TEST_OWNER_ROLE, asRole, ensureTestRoles } from '@/scripts/test-roles';

/**
 * `db` is the app's connection: on PostgreSQL the ordinary app role, as in production. `ownerDb` is the
 * schema owner's (migrations, restores, fault injection); on PGlite both are the one superuser.
 */
export type TestDb = { db: Db; ownerDb: Db; kind: DatabaseKind; close: () => Promise<void> };

let rolesReady: Promise<void> | undefined;

/**
 * An empty database on TEST_DATABASE_URL owned by the test owner role, with the URLs of the owner and
 * of the app role on it (the migrations name the public schema, so schemas cannot isolate test files).
 */
export async function createPostgresTestDatabase(prefix = 'uplift_t'): Promise<{ ownerUrl: string; appUrl: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  rolesReady ??= ensureTestRoles(base);
  await rolesReady;
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = connectPostgres(base, { max: 1 });
  await admin.db.execute(sql.raw(`create database ${name} owner ${TEST_OWNER_ROLE}`));
  return {
    ownerUrl: asRole(base, TEST_OWNER_ROLE, name),
    appUrl: asRole(base, TEST_APP_ROLE, name),
    drop: async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

/**
 * A fresh, migrated database: in-memory PGlite, or a throw-away database on TEST_DATABASE_URL.
 * `empty: true` leaves it unmigrated (to build an older release's schema first, as the owner).
 */
export async function openTestDb(kind: DatabaseKind, options: { demo?: boolean; today?: string; empty?: boolean } = {}): Promise<TestDb> {
  if (kind === 'pglite') {
    const conn = await connectPglite();
    if (!options.empty) await prepareDatabase(conn.db, 'pglite', { demo: options.demo ?? false, today: options.today });
    return { db: conn.db, ownerDb: conn.db, kind, close: conn.close };
  }
  const created = await createPostgresTestDatabase();
  const owner = connectPostgres(created.ownerUrl, { max: 2 });
  if (!options.empty) await prepareDatabase(owner.db, 'postgres', { demo: options.demo ?? false, today: options.today, appRole: TEST_APP_ROLE });
  const app = connectPostgres(created.appUrl, { max: 4 });
  return {
    db: app.db,
    ownerDb: owner.db,
    kind,
    close: async () => {
      await app.close();
      await owner.close();
      await created.drop();
    },
  };
}

export const postgresAvailable = Boolean(process.env.TEST_DATABASE_URL);
if (!postgresAvailable && !(globalThis as { warned?: boolean }).warned) {
  (globalThis as { warned?: boolean }).warned = true;
  console.warn('PostgreSQL integration tests skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.');
}

/**
 * The databases every integration test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 * TEST_DB_KINDS=pglite (or postgres) keeps one of them: `npm run test:reliability` runs its deep fuzz once per
 * database, both at once, since one file's two halves would otherwise run one after the other.
 */
const onlyKinds = process.env.TEST_DB_KINDS?.split(',').filter(Boolean);
export const DB_KINDS: DatabaseKind[] = (postgresAvailable ? (['pglite', 'postgres'] as const) : (['pglite'] as const)).filter((k) => !onlyKinds || onlyKinds.includes(k));

/**
 * Runs `body` once per database with one shared database per file (initdb costs seconds).
 * `ctx.db` (the app role's connection) and `ctx.ownerDb` are valid inside tests.
 */
export function describeEachDb(
  name: string,
  body: (ctx: { readonly db: Db; readonly ownerDb: Db; readonly kind: DatabaseKind }) => void,
  options: { demo?: boolean; today?: string } = {},
) {
  for (const kind of DB_KINDS) {
    describe(`${name} [${kind}]`, () => {
      let handle: TestDb | undefined;
      beforeAll(async () => {
        handle = await openTestDb(kind, options);
      });
      afterAll(async () => {
        await handle?.close();
      });
      const open = () => {
        if (!handle) throw new Error('database not open yet');
        return handle;
      };
      body({
        get db() {
          return open().db;
        },
        get ownerDb() {
          return open().ownerDb;
        },
        kind,
      });
    });
  }
}
