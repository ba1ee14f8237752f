import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupJson } from '@/db/backup/create';
import { restoreBackup, RestoreError } from '@/db/backup/restore';
import { BACKUP_TABLES, SCHEMA_VERSION } from '@/db/backup/tables';
import { rawRows } from '@/db/sql';
import { textSource } from '@/db/backup/read';
import type { BackupFile } from '@/db/backup/tables';
import { validateBackup } from '@/db/backup/validate';
import type { Db } from '@/db/types';
import { DB_KINDS, openTestDb, type TestDb } from './helpers/db';

async function backupText(db: Db) {
  let text = '';
  for await (const chunk of backupJson(db, 'test')) text += chunk;
  return text;
}

/** Row count and a content hash of every table (timestamps rendered in UTC so both databases agree). */
async function fingerprint(db: Db) {
  const out: Record<string, string> = {};
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    for (const table of BACKUP_TABLES) {
      const [row] = await rawRows<{ n: number; h: string | null }>(
        tx,
        sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(to_jsonb(t)::text, '|' order by to_jsonb(t)::text), '')) as h from "${table}" t`),
      );
      out[table] = `${row.n}:${row.h}`;
    }
  });
  return out;
}

const count = async (db: Db, table: string) => Number((await rawRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${table}"`)))[0].n);

const errorsOf = async (text: string) => (await validateBackup(textSource(text))).errors;
const parse = (text: string) => JSON.parse(text) as BackupFile;
const sourceOf = (file: BackupFile) => textSource(JSON.stringify(file));

describe('backup file checks', () => {
  it('refuses a truncated file, another format and another schema version, saying why', async () => {
    const head = { format: 'uplift-backup', formatVersion: 1, schemaVersion: SCHEMA_VERSION };
    expect((await errorsOf(`${JSON.stringify(head).slice(0, -1)},"tables":{"user":[`))[0]).toMatch(/not complete JSON/);
    expect(await errorsOf('{"format":"uplift-backup","tables":{"user":[')).toEqual(['Backup format version undefined is not supported (expected 1).']);
    expect(await errorsOf('{"hello":1}')).toEqual(['This is not an Uplift backup file.']);
    expect(await errorsOf('[1,2]')).toEqual(['This is not an Uplift backup file.']);
    expect((await errorsOf(JSON.stringify({ ...head, schemaVersion: '0000_old', tables: {} })))[0]).toMatch(/schema 0000_old; this instance runs/);
    expect(await errorsOf(JSON.stringify({ ...head, tables: { user: [] } }))).toContain('Table experiments is missing.');
    expect(await errorsOf(JSON.stringify({ ...head, tables: 7 }))).toEqual(['The backup has no tables.']);
    expect(await errorsOf(JSON.stringify({ ...head, tables: { user: [1] } }))).toContain('Table user holds something other than rows.');
    expect(await errorsOf(JSON.stringify({ ...head, tables: { user: {} } }))).toContain('Table user holds something other than rows.');
    const reordered = Object.fromEntries([...BACKUP_TABLES].reverse().map((t) => [t, t === 'user' ? [{ id: 'u' }] : []]));
    expect((await errorsOf(JSON.stringify({ ...head, tables: reordered })))[0]).toMatch(/^The tables are not in the order a restore inserts them/);
  });
});

for (const target of DB_KINDS) {
  describe(`backup of a PGlite demo instance restored into a fresh ${target} instance`, () => {
    let source: TestDb;
    let fresh: TestDb;
    let text: string;
    beforeAll(async () => {
      source = await openTestDb('pglite', { demo: true });
      fresh = await openTestDb(target, { demo: false });
      text = await backupText(source.db);
    }, 120_000);
    afterAll(async () => {
      await source?.close();
      await fresh?.close();
    });

    it('a bad file changes nothing and says what is wrong', async () => {
      const before = await fingerprint(fresh.db);
      expect((await errorsOf(text.slice(0, Math.floor(text.length / 2))))[0]).toMatch(/not complete JSON/);

      const broken = parse(text);
      broken.tables.capability_outcomes = [...broken.tables.capability_outcomes, { ...broken.tables.capability_outcomes[0], id: 999_999, experiment_id: 424_242 }];
      await expect(restoreBackup(fresh.ownerDb, sourceOf(broken))).rejects.toThrow(/capability_outcomes point at a missing experiments \(experiment_id = 424242\)/);

      // A row the database refuses (impact out of range) rolls the whole restore back.
      const invalid = parse(text);
      invalid.tables.capability_outcomes = invalid.tables.capability_outcomes.map((o, i) => (i === 3 ? { ...o, impact: 99 } : o));
      await expect(restoreBackup(fresh.ownerDb, sourceOf(invalid))).rejects.toThrow();
      expect(await fingerprint(fresh.db)).toEqual(before);
    });

    it('the round trip reproduces every table: row counts and content hashes', async () => {
      expect(await errorsOf(text)).toEqual([]);
      const file = parse(text);
      expect((file!.tables as Record<string, unknown>).session).toBeUndefined();
      expect(file!.tables.account.some((a) => typeof a.password === 'string' && a.password.length > 20)).toBe(true);
      await restoreBackup(fresh.ownerDb, textSource(text));
      const expected = await fingerprint(source.db);
      expect(Number(expected.experiments.split(':')[0])).toBeGreaterThan(50);
      expect(await fingerprint(fresh.db)).toEqual(expected);
      // New rows continue after the restored ids.
      await fresh.db.execute(sql`insert into teams (name) values ('After restore')`);
      expect(await count(fresh.db, 'teams')).toBe(Number(expected.teams.split(':')[0]) + 1);
    });

    it('refuses to restore over an instance that already has experiments', async () => {
      await expect(restoreBackup(fresh.ownerDb, textSource(text))).rejects.toBeInstanceOf(RestoreError);
    });

    if (target === 'postgres') {
      it('and back: the PostgreSQL instance backs up into a PGlite one identically', async () => {
        const back = await openTestDb('pglite', { demo: false });
        try {
          await restoreBackup(back.ownerDb, textSource(await backupText(fresh.db)));
          const a = await fingerprint(fresh.db);
          const b = await fingerprint(back.db);
          expect(b).toEqual(a);
        } finally {
          await back.close();
        }
      }, 120_000);
    }
  });
}
