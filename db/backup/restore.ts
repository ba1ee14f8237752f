import { sql } from 'drizzle-orm';
import { seedBenchmarkCatalog } from '../seed/benchmark-catalog';
import type { Db, Queryable } from '../types';
import type { BackupSource } from './read';
import { readBackup, type Row } from './stream';
import { EFFORT_BACKFILL_SQL, predatesEfforts } from './effort-backfill';
import { BACKUP_TABLES, foreignKeys, predatesBenchmarkCatalog, predatesChannels, writableColumns } from './tables';
import { seedVendorChannelPolicies } from '../seed/vendor-policies';
import { ident, rawRows } from '../sql';
import { validateBackup, type BackupHead } from './validate';

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
 * instance as it was. The file is read twice, streaming: first checked whole (validateBackup), then
 * inserted in batches of CHUNK rows, so memory holds one batch, never the file. Sessions are cleared
 * (everyone signs in again with the backup's accounts).
 */
export async function restoreBackup(db: Db, source: BackupSource): Promise<{ head: BackupHead; counts: Record<string, number> }> {
  const needsOwner = await restoreNeedsOwner(db);
  if (needsOwner) throw new RestoreError([needsOwner]);
  await assertRestorable(db);
  const { head, errors } = await validateBackup(source, await foreignKeys(db));
  if (!head) throw new RestoreError(errors);

  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    // The audit trail is append-only for the app; a restore replaces it wholesale.
    await tx.execute(sql`alter table audit_log disable trigger user`);
    // Sessions, one-time tokens and throttling records are never restored (see BACKUP_TABLES).
    for (const table of ['session', 'password_reset_tokens', 'verification', 'login_attempts']) await tx.execute(sql`delete from ${ident(table)}`);
    for (const table of [...BACKUP_TABLES].reverse()) await tx.execute(sql`delete from ${ident(table)}`);

    const tables = new Set<string>(BACKUP_TABLES);
    let insert: ((rows: Row[]) => Promise<void>) | null = null;
    // Self-references (a re-test's original) are set after every row exists.
    const links: { id: unknown; ref: unknown }[] = [];
    for await (const event of readBackup(source, CHUNK)) {
      if (event.kind === 'tableStart') {
        insert = tables.has(event.table) ? await inserter(tx, event.table) : null;
        counts[event.table] = 0;
      } else if (event.kind === 'rows' && insert) {
        if (event.table === 'experiments') for (const r of event.rows) if (r.retest_of_id != null) links.push({ id: r.id, ref: r.retest_of_id });
        await insert(event.rows);
        counts[event.table] += event.rows.length;
      }
    }
    for (const table of Object.keys(counts)) if (!tables.has(table)) delete counts[table];
    await tx.execute(sql`update experiments e set retest_of_id = (x->>'ref')::int
      from jsonb_array_elements(${JSON.stringify(links)}::jsonb) x where e.id = (x->>'id')::int`);

    // A backup from before the benchmark catalog gets it from the shipped reference data, for its own models.
    if (predatesBenchmarkCatalog(head.schemaVersion)) await seedBenchmarkCatalog(tx);
    // …and one from before per-link efforts gets them as migration 0011 gave them (the catalog must be there first).
    if (predatesEfforts(head.schemaVersion)) for (const statement of EFFORT_BACKFILL_SQL) await tx.execute(sql.raw(statement));
    // One from before access channels has no vendor policies: the shipped reference rows, as a new install gets.
    if (predatesChannels(head.schemaVersion)) await seedVendorChannelPolicies(tx);

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
  return { head, counts };
}

/** Columns migrations 0021 and 0023 added with a default, as SQL: an older file's rows get that default. */
const SINCE_0021_DEFAULTS: Record<string, string> = {
  'experiment_models.channel': "'api'",
  'experiments.exploration': 'false',
  'experiments.target_metric': "''",
  'teams.participants_may_record': 'false',
};

/** Inserts a batch of a table's rows as PostgreSQL reads them back from JSON (jsonb_populate_recordset). */
async function inserter(tx: Queryable, table: string) {
  const columns = await writableColumns(tx, table);
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  // Self-references (a re-test's original) are set after every row exists. A backup from before per-link
  // efforts has none: 'default' for now, the backfill after the inserts decides.
  // A backup from before 0017 has no row versions on check-ins and outcomes: they start at 1, as the migration gave them.
  // One from before 0021 has no explorations, target metrics or team recording setting: the migration's defaults.
  const column = (c: string) =>
    SINCE_0021_DEFAULTS[`${table}.${c}`] !== undefined
      ? `coalesce(r."${c}", ${SINCE_0021_DEFAULTS[`${table}.${c}`]})`
      : table === 'experiments' && c === 'retest_of_id'
      ? 'null'
      : table === 'experiment_models' && c === 'effort'
        ? `coalesce(r."effort", 'default')`
        : (table === 'checkins' || table === 'capability_outcomes') && c === 'version'
          ? `coalesce(r."version", 1)`
          : `r."${c}"`;
  const select = sql.raw(columns.map(column).join(', '));
  return async (rows: Row[]) => {
    await tx.execute(sql`insert into ${ident(table)} (${list}) overriding system value
      select ${select} from jsonb_populate_recordset(null::${ident(table)}, ${JSON.stringify(rows)}::jsonb) r`);
  };
}
