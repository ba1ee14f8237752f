import { sql } from 'drizzle-orm';
import { seedBenchmarkCatalog } from '../seed/benchmark-catalog';
import type { Db } from '../types';
import { EFFORT_BACKFILL_SQL, predatesEfforts } from './effort-backfill';
import { BACKUP_TABLES, foreignKeys, ident, predatesBenchmarkCatalog, rawRows, writableColumns, type BackupFile } from './tables';
import { checkReferences } from './validate';

export class RestoreError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join(' '));
  }
}

/** A restore replaces everything, so it is allowed only where nothing has been logged yet. */
export async function assertRestorable(db: Db) {
  const [row] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from experiments`);
  if (Number(row.n) > 0) throw new RestoreError([`This instance already holds ${row.n} experiments: restore into a fresh instance (UPLIFT_DEMO=0).`]);
}

/**
 * A restore replaces the append-only audit trail, which only its owner may do (it switches the table's
 * triggers off). When the app connects as an ordinary role, restores run from the command line
 * (`npm run restore`), which connects as the owner with UPLIFT_MIGRATE_DATABASE_URL. Null when allowed.
 */
export async function restoreNeedsOwner(db: Db): Promise<string | null> {
  const [row] = await rawRows<{ role: string; may: boolean }>(
    db,
    sql`select current_user as role, pg_has_role(c.relowner, 'USAGE') as may from pg_class c where c.oid = 'audit_log'::regclass`,
  );
  if (row.may) return null;
  return (
    `The database role "${row.role}" may not replace the audit trail (only the role that owns the schema may). ` +
    'Restore with `npm run restore -- <file>` and UPLIFT_MIGRATE_DATABASE_URL set to that role (README, Backups).'
  );
}

const CHUNK = 2000;

/**
 * Replaces every table with the backup's rows in one transaction: a failure anywhere leaves the
 * instance as it was. Sessions are cleared (everyone signs in again with the backup's accounts).
 */
export async function restoreBackup(db: Db, file: BackupFile): Promise<Record<string, number>> {
  const needsOwner = await restoreNeedsOwner(db);
  if (needsOwner) throw new RestoreError([needsOwner]);
  const problems = checkReferences(file, await foreignKeys(db));
  if (problems.length) throw new RestoreError(problems);
  await assertRestorable(db);

  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    // The audit trail is append-only for the app; a restore replaces it wholesale.
    await tx.execute(sql`alter table audit_log disable trigger user`);
    // Sessions, one-time tokens and throttling records are never restored (see BACKUP_TABLES).
    for (const table of ['session', 'password_reset_tokens', 'verification', 'login_attempts']) await tx.execute(sql`delete from ${ident(table)}`);
    for (const table of [...BACKUP_TABLES].reverse()) await tx.execute(sql`delete from ${ident(table)}`);

    for (const table of BACKUP_TABLES) {
      const columns = await writableColumns(tx, table);
      const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
      // Self-references (a re-test's original) are set after every row exists.
      const selfRef = table === 'experiments' ? 'retest_of_id' : null;
      // A backup from before migration 0010 has no link efforts: 'default' for now, the backfill below decides.
      const column = (c: string) => (c === selfRef ? 'null' : table === 'experiment_models' && c === 'effort' ? `coalesce(r."effort", 'default')` : `r."${c}"`);
      const select = sql.raw(columns.map(column).join(', '));
      const rows = file.tables[table];
      for (let i = 0; i < rows.length; i += CHUNK) {
        const json = JSON.stringify(rows.slice(i, i + CHUNK));
        await tx.execute(sql`insert into ${ident(table)} (${list}) overriding system value
          select ${select} from jsonb_populate_recordset(null::${ident(table)}, ${json}::jsonb) r`);
      }
      if (selfRef) {
        const links = JSON.stringify(rows.filter((r) => r[selfRef] != null).map((r) => ({ id: r.id, ref: r[selfRef] })));
        await tx.execute(sql`update experiments e set retest_of_id = (x->>'ref')::int
          from jsonb_array_elements(${links}::jsonb) x where e.id = (x->>'id')::int`);
      }
      counts[table] = rows.length;
    }

    // A backup from before the benchmark catalog gets it from the shipped reference data, for its own models.
    if (predatesBenchmarkCatalog(file.schemaVersion)) await seedBenchmarkCatalog(tx);
    // …and one from before per-link efforts gets them as migration 0010 gave them (the catalog must be there first).
    if (predatesEfforts(file.schemaVersion)) for (const statement of EFFORT_BACKFILL_SQL) await tx.execute(sql.raw(statement));

    // Identity columns continue after the restored ids.
    const identities = await rawRows<{ table_name: string; column_name: string }>(
      tx,
      sql`select table_name, column_name from information_schema.columns where table_schema = current_schema() and is_identity = 'YES'`,
    );
    for (const { table_name, column_name } of identities) {
      await tx.execute(sql`select setval(pg_get_serial_sequence(${`"${table_name}"`}, ${column_name}),
        coalesce((select max(${ident(column_name)}) from ${ident(table_name)}), 0) + 1, false)`);
    }
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
  return counts;
}
