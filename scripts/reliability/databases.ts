// Throw-away databases for the reliability scripts and benches (outside vitest): PGlite in memory or in
// a folder, or a new PostgreSQL database on TEST_DATABASE_URL migrated by the owner role and used by the
// app role, as in production (scripts/test-roles.ts).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { connectPglite, connectPostgres } from '@/db/connect';
import type { DatabaseKind } from '@/db/config';
import { prepareDatabase } from '@/db/prepare';
import type { Db } from '@/db/types';
import { asRole, ensureTestRoles, TEST_APP_ROLE, TEST_OWNER_ROLE } from '../test-roles';

export type Opened = {
  kind: DatabaseKind;
  /** The app's handle (the app role on PostgreSQL). */
  db: Db;
  /** The schema owner's: restores, bulk generation. */
  ownerDb: Db;
  /** One SQL statement as the owner. */
  run: (statement: string) => Promise<void>;
  close: () => Promise<void>;
};

export async function openDatabase(kind: DatabaseKind, options: { demo: boolean; dir?: string; pool?: number }): Promise<Opened> {
  if (kind === 'pglite') {
    if (options.dir) fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    const conn = await connectPglite(options.dir);
    await prepareDatabase(conn.db, 'pglite', { demo: options.demo });
    return { kind, db: conn.db, ownerDb: conn.db, run: async (q) => void (await conn.client.exec(q)), close: conn.close };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is needed for PostgreSQL.');
  await ensureTestRoles(base);
  const name = `uplift_rel_${randomBytes(5).toString('hex')}`;
  const admin = connectPostgres(base, { max: 1 });
  await admin.db.execute(sql.raw(`create database ${name} owner ${TEST_OWNER_ROLE}`));
  const owner = connectPostgres(asRole(base, TEST_OWNER_ROLE, name), { max: 1 });
  await prepareDatabase(owner.db, 'postgres', { demo: options.demo, appRole: TEST_APP_ROLE });
  const app = connectPostgres(asRole(base, TEST_APP_ROLE, name), { max: options.pool ?? 10 });
  return {
    kind,
    db: app.db,
    ownerDb: owner.db,
    run: async (q) => void (await owner.client.unsafe(q)),
    close: async () => {
      await app.close();
      await owner.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}
