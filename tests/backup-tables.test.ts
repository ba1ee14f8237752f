// A backup holds every table of the schema except sessions and what the database derives itself. The
// round-trip tests compare only BACKUP_TABLES, so a table missing from that list would go unnoticed
// there: here the list is checked against the schema itself, on both databases.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { BACKUP_TABLES, NOT_BACKED_UP } from '@/db/backup/tables';
import { rawRows } from '@/db/sql';
import { describeEachDb } from './helpers/db';

describeEachDb('the backup covers the schema', (ctx) => {
  it('BACKUP_TABLES is every table of the schema except the sessions and derived ones listed in NOT_BACKED_UP', async () => {
    const tables = (
      await rawRows<{ name: string }>(
        ctx.ownerDb, // information_schema shows a role only the tables it has rights on
        sql`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
      )
    ).map((t) => t.name);
    expect([...BACKUP_TABLES].sort()).toEqual(tables.filter((t) => !(t in NOT_BACKED_UP)).sort());
    // Each exception names a table that exists, and none is backed up after all.
    expect(Object.keys(NOT_BACKED_UP).filter((t) => !tables.includes(t))).toEqual([]);
    expect(BACKUP_TABLES.filter((t) => t in NOT_BACKED_UP)).toEqual([]);
    expect(new Set(BACKUP_TABLES).size).toBe(BACKUP_TABLES.length);
  });
});
