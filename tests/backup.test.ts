import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupJson } from '@/db/backup/create';
import { restoreBackup, RestoreError } from '@/db/backup/restore';
import { BACKUP_TABLES, rawRows, SCHEMA_VERSION } from '@/db/backup/tables';
import { parseBackup } from '@/db/backup/validate';
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

describe('backup file checks', () => {
  it('refuses a truncated file, another format and another schema version, saying why', () => {
    expect(parseBackup('{"format":"uplift-backup","tables":{"user":[').errors[0]).toMatch(/not complete JSON/);
    expect(parseBackup('{"hello":1}').errors).toEqual(['This is not an Uplift backup file.']);
    expect(parseBackup(JSON.stringify({ format: 'uplift-backup', formatVersion: 1, schemaVersion: '0000_old', tables: {} })).errors[0]).toMatch(
      /schema 0000_old; this instance runs/,
    );
    const missing = parseBackup(JSON.stringify({ format: 'uplift-backup', formatVersion: 1, schemaVersion: SCHEMA_VERSION, tables: { user: [] } }));
    expect(missing.errors).toContain('Table experiments is missing.');
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
      expect(parseBackup(text.slice(0, Math.floor(text.length / 2))).errors[0]).toMatch(/not complete JSON/);

      const broken = parseBackup(text).file!;
      broken.tables.capability_outcomes = [...broken.tables.capability_outcomes, { ...broken.tables.capability_outcomes[0], id: 999_999, experiment_id: 424_242 }];
      await expect(restoreBackup(fresh.ownerDb, broken)).rejects.toThrow(/capability_outcomes point at a missing experiments \(experiment_id = 424242\)/);

      // A row the database refuses (impact out of range) rolls the whole restore back.
      const invalid = parseBackup(text).file!;
      invalid.tables.capability_outcomes = invalid.tables.capability_outcomes.map((o, i) => (i === 3 ? { ...o, impact: 99 } : o));
      await expect(restoreBackup(fresh.ownerDb, invalid)).rejects.toThrow();
      expect(await fingerprint(fresh.db)).toEqual(before);
    });

    it('the round trip reproduces every table: row counts and content hashes', async () => {
      const { file, errors } = parseBackup(text);
      expect(errors).toEqual([]);
      expect((file!.tables as Record<string, unknown>).session).toBeUndefined();
      expect(file!.tables.account.some((a) => typeof a.password === 'string' && a.password.length > 20)).toBe(true);
      await restoreBackup(fresh.ownerDb, file!);
      const expected = await fingerprint(source.db);
      expect(Number(expected.experiments.split(':')[0])).toBeGreaterThan(50);
      expect(await fingerprint(fresh.db)).toEqual(expected);
      // New rows continue after the restored ids.
      await fresh.db.execute(sql`insert into teams (name) values ('After restore')`);
      expect(await count(fresh.db, 'teams')).toBe(Number(expected.teams.split(':')[0]) + 1);
    });

    it('refuses to restore over an instance that already has experiments', async () => {
      await expect(restoreBackup(fresh.ownerDb, parseBackup(text).file!)).rejects.toBeInstanceOf(RestoreError);
    });

    if (target === 'postgres') {
      it('and back: the PostgreSQL instance backs up into a PGlite one identically', async () => {
        const back = await openTestDb('pglite', { demo: false });
        try {
          await restoreBackup(back.ownerDb, parseBackup(await backupText(fresh.db)).file!);
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
