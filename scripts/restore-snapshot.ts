// npm run restore-snapshot [-- <file>]: replaces the embedded database (UPLIFT_DATA_DIR, default ./data)
// with a snapshot from data/backups/ (the newest when no file is given). Stop Uplift first; the current
// database folder is moved aside as pgdata.broken-<time>, never deleted.
import { ConfigError, dataDir, databaseKind } from '@/db/config';
import { acquireLock, releaseLock } from '@/db/lock';
import { privateUmask } from '@/db/private-files';
import { restoreSnapshot } from '@/db/snapshot-restore';

async function main() {
  if (databaseKind() !== 'pglite') throw new ConfigError('Snapshots are of the embedded database: unset DATABASE_URL (on PostgreSQL use its own backups).');
  const dir = dataDir();
  privateUmask();
  await acquireLock(dir); // refuses while a server runs on the folder
  try {
    const { file, movedAside } = await restoreSnapshot(dir, process.argv[2]);
    console.log(`Restored ${file} into ${dir}.${movedAside ? ` The previous database folder is kept as ${movedAside}.` : ''} Start Uplift again.`);
  } finally {
    await releaseLock(dir);
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `Nothing was restored: ${err.message}` : err);
  process.exit(1);
});
