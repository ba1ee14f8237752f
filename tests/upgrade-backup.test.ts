// Upgrades of the embedded database: a backup before pending migrations (last few kept), restorable,
// and a database of the previous release migrates forward with its data intact.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPglite } from '@/db/connect';
import { BACKUPS_KEPT, backupBeforeMigration, migrationCounts } from '@/db/migrate';
import { prepareConfiguredDatabase } from '@/db/prepare';
import { teams } from '@/db/schema';
import { earlierMigrationsFolder, shippedMigrationCount } from './helpers/migrations';

const saved = { ...process.env };
const dirs: string[] = [];
afterEach(() => {
  process.env = { ...saved };
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-backup-'));
  dirs.push(d);
  return d;
};
const rows = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

/** A data folder as the previous release left it: data present, the newest migration not yet applied. */
async function previousReleaseFolder(dir: string) {
  const conn = await connectPglite(dir);
  const folder = earlierMigrationsFolder(shippedMigrationCount() - 1);
  try {
    await migratePglite(conn.db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder: folder });
    // In SQL: the current schema's columns (db/schema) may not exist yet in the previous release.
    await conn.db.execute(sql`insert into teams (name, function) values ('Kept across the upgrade', 'ops')`);
    return await migrationCounts(conn.db);
  } finally {
    await conn.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

describe('upgrading the embedded database', () => {
  it('backs up before applying pending migrations, then migrates with the data intact', async () => {
    const dir = tempDir();
    const before = await previousReleaseFolder(dir);
    expect(before.applied).toBe(before.shipped - 1);
    process.env.UPLIFT_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    process.env.UPLIFT_DEMO = '0';

    const report = await prepareConfiguredDatabase();
    expect(report.backup).toMatch(/backups\/pre-migration-.*\.tar\.gz$/);
    expect(fs.existsSync(report.backup!)).toBe(true);

    const conn = await connectPglite(dir);
    try {
      expect(await migrationCounts(conn.db)).toEqual({ shipped: before.shipped, applied: before.shipped });
      const kept = await conn.db.select().from(teams);
      expect(kept.map((t) => t.name)).toContain('Kept across the upgrade');
      await expect(conn.db.execute(sql.raw('truncate audit_log'))).rejects.toThrow(); // the audit trail is still append-only
    } finally {
      await conn.close();
    }

    // The backup is the folder as it was: open it and find the data, one migration behind.
    const restored = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(report.backup!)]) });
    try {
      const applied = rows<{ n: number }>(await restored.query('select count(*)::int as n from drizzle.__drizzle_migrations'));
      expect(applied[0].n).toBe(before.shipped - 1);
      const names = rows<{ name: string }>(await restored.query('select name from teams'));
      expect(names.map((n) => n.name)).toContain('Kept across the upgrade');
    } finally {
      await restored.close();
    }

    const again = await prepareConfiguredDatabase(); // nothing pending: no new backup
    expect(again.backup).toBeUndefined();
  }, 180_000); // two PGlite databases created and migrated: 34 s alone, over a minute on 2 busy cores

  it(`keeps only the last ${BACKUPS_KEPT} backups`, async () => {
    const dir = tempDir();
    const client = { dumpDataDir: async () => new Blob(['tar']) };
    for (let i = 0; i < BACKUPS_KEPT + 2; i++) await backupBeforeMigration(client, dir, new Date(Date.UTC(2026, 0, 1 + i)));
    const files = fs.readdirSync(path.join(dir, 'backups')).sort();
    expect(files).toHaveLength(BACKUPS_KEPT);
    expect(files[0]).toContain('2026-01-03');
  });

  it('a new, empty database is migrated without a backup', async () => {
    const dir = tempDir();
    process.env.UPLIFT_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    process.env.UPLIFT_DEMO = '0';
    const report = await prepareConfiguredDatabase();
    expect(report.backup).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });
});
