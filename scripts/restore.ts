// npm run restore -- <backup.json[.gz]>: restores an Uplift backup into the configured database
// (the PGlite folder UPLIFT_DATA_DIR, or PostgreSQL as the schema's owner: UPLIFT_MIGRATE_DATABASE_URL,
// else DATABASE_URL), which must hold no experiments yet.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { fileSource } from '@/db/backup/read';
import { restoreBackup, RestoreError } from '@/db/backup/restore';
import { validateBackup } from '@/db/backup/validate';
import { ConfigError, dataDir, databaseKind, migrateVariable } from '@/db/config';
import { connectPglite, type Connection } from '@/db/connect';
import { acquireLock, releaseLock } from '@/db/lock';
import { makePrivate, privateUmask } from '@/db/private-files';
import { checkConfiguration, connectForMigration, explainConnectionError, prepareDatabase } from '@/db/prepare';

async function main() {
  const file = process.argv[2];
  if (!file) throw new RestoreError(['Usage: npm run restore -- <backup.json or backup.json.gz>']);
  if (!fs.existsSync(file)) throw new RestoreError([`No such file: ${file}`]);
  // Check the whole file (streaming, structure only) before touching the database; the restore checks references too.
  const source = fileSource(file);
  const { errors } = await validateBackup(source);
  if (errors.length) throw new RestoreError(errors);

  checkConfiguration(() => undefined);
  const kind = databaseKind();
  const dir = dataDir();
  let conn: Connection | undefined;
  let appRole: string | undefined;
  try {
    if (kind === 'postgres') ({ conn, appRole } = await connectForMigration());
    else {
      privateUmask();
      await acquireLock(dir); // fails while the server runs on the same folder: stop it first
      conn = await connectPglite(dir);
    }
    await prepareDatabase(conn.db, kind, { demo: false, appRole }).catch((err: unknown) => {
      throw new ConfigError(explainConnectionError(err, kind, migrateVariable()));
    });
    const started = Date.now();
    const { head: backup, counts } = await restoreBackup(conn.db, source);
    await conn.db.execute(sql`select 1`);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Restored ${total} rows from ${file} (made ${backup.createdAt} on ${backup.source}) into ${kind} in ${Date.now() - started} ms:`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(20)} ${n}`);
    console.log('Sign in with an account from the backup.');
  } finally {
    await conn?.close().catch(() => {});
    if (kind === 'pglite') {
      makePrivate(dir);
      await releaseLock(dir);
    }
  }
}

main().catch((err) => {
  if (err instanceof RestoreError || err instanceof ConfigError) console.error(`Nothing was restored: ${err.message}`);
  else console.error('Nothing was restored:', err);
  process.exit(1);
});
