// The usage tables are in every backup, except usage_connections' sealed credential, which a copied file must not
// carry: a restore gives it null and an admin enters it again. Backups of older schemas (0018's, made before the
// usage tables were backed up) still restore, with no usage.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupJson } from '@/db/backup/create';
import { textSource } from '@/db/backup/read';
import { restoreBackup } from '@/db/backup/restore';
import { TABLES_SINCE_USAGE, type BackupFile } from '@/db/backup/tables';
import { validateBackup } from '@/db/backup/validate';
import { importUsage } from '@/db/queries/usage/import';
import { teams, usageConnections, usageDaily, usageFxRates, usageTeamMappings } from '@/db/schema';
import { rawRows } from '@/db/sql';
import type { Db } from '@/db/types';
import { parseUsage } from '@/lib/usage/sources';
import { DB_KINDS, openTestDb, type TestDb } from './helpers/db';
import fs from 'node:fs';
import path from 'node:path';

const SEALED = 'v1.sealed-credential-that-must-never-leave-the-database';

async function backupText(db: Db) {
  let text = '';
  for await (const chunk of backupJson(db, 'test')) text += chunk;
  return text;
}

/** Every usage table's rows as text, timestamps in UTC, ordered, so two databases compare equal. */
async function usageContent(db: Db) {
  const out: Record<string, string[]> = {};
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    for (const table of TABLES_SINCE_USAGE) {
      const rows = await rawRows<{ r: string }>(tx, sql.raw(`select to_jsonb(t)::text as r from "${table}" t order by 1`));
      out[table] = rows.map((x) => x.r);
    }
  });
  return out;
}

let source: TestDb;
let text: string;

beforeAll(async () => {
  source = await openTestDb('pglite', { demo: true });
  const [team] = await source.db.select({ id: teams.id }).from(teams).limit(1);
  await source.db.insert(usageConnections).values({ source: 'openai', name: 'OpenAI prod', baseUrl: 'https://api.openai.com', sealedCredential: SEALED, createdBy: 'admin@example.com', lastImportedDate: '2025-12-01' });
  await source.db.insert(usageTeamMappings).values({ source: 'csv', externalTeam: 'platform', teamId: team.id });
  await source.db.insert(usageFxRates).values({ month: '2026-11-01', currency: 'EUR', rate: '1.08', setBy: 'admin@example.com' });
  const parsed = parseUsage('csv', fs.readFileSync(path.join(__dirname, 'fixtures/usage/usage.csv'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const r = await importUsage(source.db, { source: 'csv', origin: 'upload', fileName: 'usage.csv', records: parsed.records, actor: { id: 'a', email: 'admin@example.com' } });
  if (!r.ok) throw new Error(r.message);
  text = await backupText(source.db);
}, 120_000);
afterAll(async () => {
  await source?.close();
});

describe('a backup with usage', () => {
  it('holds every usage table but never the sealed credential', () => {
    const file = JSON.parse(text) as BackupFile;
    expect(text).not.toContain(SEALED);
    expect(text).not.toContain('sealed_credential');
    expect(file.tables.usage_connections).toHaveLength(1);
    expect(file.tables.usage_connections[0]).toMatchObject({ name: 'OpenAI prod', last_imported_date: '2025-12-01' });
    expect(file.tables.usage_daily).toHaveLength(3);
    expect(file.tables.usage_imports).toHaveLength(1);
    expect(file.tables.usage_team_mappings).toHaveLength(1);
    expect(file.tables.usage_fx_rates).toHaveLength(1);
  });
});

for (const target of DB_KINDS) {
  describe(`restored into a fresh ${target} instance`, () => {
    let fresh: TestDb;
    beforeAll(async () => {
      fresh = await openTestDb(target, { demo: false });
    }, 120_000);
    afterAll(async () => {
      await fresh?.close();
    });

    it('brings every usage row back, the credential as null for an admin to enter again', async () => {
      await restoreBackup(fresh.ownerDb, textSource(text));
      const expected = await usageContent(source.db);
      const got = await usageContent(fresh.db);
      expect(got.usage_daily).toEqual(expected.usage_daily);
      expect(got.usage_imports).toEqual(expected.usage_imports);
      expect(got.usage_team_mappings).toEqual(expected.usage_team_mappings);
      expect(got.usage_fx_rates).toEqual(expected.usage_fx_rates);
      const [conn] = await fresh.db.select().from(usageConnections);
      expect(conn).toMatchObject({ name: 'OpenAI prod', sealedCredential: null, lastImportedDate: '2025-12-01' });
      // Identity columns continue after the restored ids.
      const [next] = await fresh.db.insert(usageDaily).values({ day: '2026-12-01', source: 'csv', vendor: 'Acme' }).returning({ id: usageDaily.id });
      expect(next.id).toBeGreaterThan(Math.max(...(await fresh.db.select({ id: usageDaily.id }).from(usageDaily)).filter((r) => r.id !== next.id).map((r) => r.id)));
    }, 120_000);
  });
}

describe('a backup of schema 0018, when the usage tables were not yet backed up', () => {
  it('validates and restores with no usage', async () => {
    const file = JSON.parse(text) as BackupFile;
    const old = { ...file, schemaVersion: '0018_usage_data', tables: Object.fromEntries(Object.entries(file.tables).filter(([t]) => !(TABLES_SINCE_USAGE as readonly string[]).includes(t))) };
    expect((await validateBackup(textSource(JSON.stringify(old)))).errors).toEqual([]);
    const fresh = await openTestDb('pglite', { demo: false });
    try {
      const { counts } = await restoreBackup(fresh.ownerDb, textSource(JSON.stringify(old)));
      expect(counts.usage_daily).toBeUndefined();
      expect((await rawRows<{ n: number }>(fresh.db, sql`select count(*)::int as n from usage_daily`))[0].n).toBe(0);
      expect((await rawRows<{ n: number }>(fresh.db, sql`select count(*)::int as n from experiments`))[0].n).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
