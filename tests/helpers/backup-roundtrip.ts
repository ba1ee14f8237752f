import { expect } from 'vitest';
import { backupJson } from '@/db/backup/create';
import { textSource, type BackupSource } from '@/db/backup/read';
import { restoreBackup } from '@/db/backup/restore';
import type { BackupFile } from '@/db/backup/tables';
import { validateBackup } from '@/db/backup/validate';
import type { DatabaseKind } from '@/db/config';
import type { Db } from '@/db/types';
import { openTestDb } from './db';

/** The database's backup, parsed (and checked to be valid) so a test can edit it before restoring. */
export async function backupFileOf(db: Db): Promise<BackupFile> {
  let text = '';
  for await (const chunk of backupJson(db, 'test')) text += chunk;
  expect((await validateBackup(textSource(text))).errors).toEqual([]);
  return JSON.parse(text) as BackupFile;
}

/** A parsed (perhaps edited) backup as something a restore reads. */
export const sourceOf = (file: BackupFile): BackupSource => textSource(JSON.stringify(file));

/** The file as a backup of an older schema: only the given columns dropped from some tables. */
export async function asOlderBackup(file: BackupFile, schemaVersion: string, dropColumns: Partial<Record<string, (column: string) => boolean>>): Promise<BackupFile> {
  const tables = Object.fromEntries(
    Object.entries(file.tables).map(([table, rows]) => {
      const drop = dropColumns[table];
      return [table, drop ? rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !drop(k)))) : rows];
    }),
  );
  const old = { ...file, tables, schemaVersion } as BackupFile;
  expect((await validateBackup(sourceOf(old))).errors).toEqual([]);
  return old;
}

/** Restores the file (as the owner, as `npm run restore` does) into a fresh, empty database of the same kind and runs `check` on it as the app. */
export async function inFreshRestore<T>(kind: DatabaseKind, file: BackupFile, check: (db: Db) => Promise<T>): Promise<T> {
  const fresh = await openTestDb(kind, { demo: false });
  try {
    await restoreBackup(fresh.ownerDb, sourceOf(file));
    return await check(fresh.db);
  } finally {
    await fresh.close();
  }
}
