import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ConfigError } from './config';
import { makePrivate } from './private-files';
import { newestSnapshot, snapshotTime } from './snapshots';

/** The one sentence start-up prints when the embedded database will not open. */
export function openFailureMessage(dataDir: string, err: unknown): string {
  const why = err instanceof Error ? err.message : String(err);
  const snapshot = newestSnapshot(dataDir);
  const head = `The embedded database in ${path.join(dataDir, 'pgdata')} will not open (${why})`;
  if (!snapshot) return `${head}, and there is no snapshot in ${path.join(dataDir, 'backups')} to restore.`;
  const at = snapshotTime(path.basename(snapshot))!.toISOString();
  return `${head}: the newest snapshot is ${snapshot} (taken ${at}); run \`npm run restore-snapshot\` to restore it (the broken folder is moved aside, not deleted).`;
}

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

/**
 * Replaces the embedded database with a snapshot (the newest when no file is given). The current
 * folder is renamed pgdata.broken-<time>, never deleted. The caller holds the folder's lock.
 */
export async function restoreSnapshot(dataDir: string, file = newestSnapshot(dataDir), now = new Date()): Promise<{ file: string; movedAside?: string }> {
  if (!file) throw new ConfigError(`There is no snapshot in ${path.join(dataDir, 'backups')} to restore.`);
  if (!fs.existsSync(file)) throw new ConfigError(`No such snapshot: ${file}`);
  const pgdata = path.join(dataDir, 'pgdata');
  const movedAside = fs.existsSync(pgdata) ? `${pgdata}.broken-${stamp(now)}` : undefined;
  if (movedAside) fs.renameSync(pgdata, movedAside);
  try {
    const pg = await PGlite.create(pgdata, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    await pg.query('select 1');
    await pg.close();
  } catch (err) {
    // Leave things as they were: the half-restored folder aside, the previous one back in place.
    if (fs.existsSync(pgdata)) fs.renameSync(pgdata, `${pgdata}.failed-restore-${stamp(now)}`);
    if (movedAside) fs.renameSync(movedAside, pgdata);
    throw new ConfigError(`The snapshot ${file} could not be restored (${err instanceof Error ? err.message : String(err)}); nothing was changed.`);
  }
  makePrivate(dataDir);
  return { file, movedAside };
}
