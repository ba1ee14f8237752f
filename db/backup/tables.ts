import { sql } from 'drizzle-orm';
import journal from '../migrations/meta/_journal.json';
import type { Queryable } from '../types';
import { rawRows } from '../sql';

/** The backup file's own format version; bump it when the file's shape changes. */
export const BACKUP_FORMAT = 'uplift-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The schema the file was written with: the newest migration's tag. */
export const SCHEMA_VERSION = journal.entries[journal.entries.length - 1].tag;

/**
 * Schemas whose backups this version restores: its own and every one since the first release (0001),
 * because the migrations after it only added what the database derives itself — 0002 the model usage
 * summary and 0003 the data version (neither is in a backup), 0004 check-in summaries and outcome copies,
 * 0005 each experiment's model summary and 0006 its models' best blocker score (triggers fill them in as
 * the rows are restored, whatever the file holds); 0007 took reset tokens and sign-in attempts out of
 * backups (an older file's `verification` and `login_attempts` are skipped); 0008 changed only who may
 * run the summary triggers; 0009 added the benchmark catalog (REFERENCE_TABLES_SINCE_0009: an older file
 * has none, and a restore loads them from the shipped reference data) and models' retirement date (null);
 * 0010 put every blocker's bar explicitly on GPQA Diamond (the column's default, so nothing to do); 0011
 * each model link's reasoning effort (an older file's links get it as the migration gave it,
 * effort-backfill.ts) and check-ins' usage (null: not recorded); 0012 added API tokens, which are never
 * in a backup; 0013 let three experiment fields be not set (only relaxes); 0014 added catalog syncs and the job history (TABLES_SINCE_CATALOG_SYNC: an older file has none,
 * and restores with both empty), job leases (never in a backup) and prices' retrieval time (null); 0015 only
 * added the single sign-on configuration, which is not in a backup either, so a 0014 file restores as it is;
 * 0016 added alerts and alert preferences (TABLES_SINCE_ALERTS: an older file restores with none); 0017 gave
 * check-ins and outcomes a row version (an older file's rows start at 1, restore.ts); 0018 added the usage tables,
 * backed up from the usage import migration (0020) on (TABLES_SINCE_USAGE: an older file restores with none;
 * usage_connections' sealed credential is never in a file, OMITTED_COLUMNS); 0019 added the models' best scores
 * (derived, never in a backup); 0021 added webhooks (never in a backup: sealed secrets) and digest subscriptions
 * (TABLES_SINCE_DIGEST: an older file restores with none, everyone on the default); 0022 added techniques
 * (TABLES_SINCE_TECHNIQUES: an older file restores with none), explorations with their target metric and the teams'
 * recording setting (an older file's rows get the defaults, restore.ts); 0023 added price tiers' retrieval time
 * (null in an older file, like the prices' of 0014); 0024 gave model links their access channel (an older file's
 * links were API use: 'api', restore.ts) and added vendors' per-channel data-use policies (TABLES_SINCE_CHANNELS:
 * an older file restores with the shipped reference rows, as a new install); 0025 added the usage rollup (derived,
 * never in a backup: the triggers rebuild it as usage_daily is restored); 0026 added people's language (null in an
 * older file: English, as before); 0027 gave alerts their message and its values (null in an older file: such an
 * alert is shown with its title and body as stored); 0028 added the monthly usage rollup (derived, rebuilt like 0025's).
 */
export const RESTORABLE_SCHEMA_VERSIONS: readonly string[] = [
  '0001_audit_append_only',
  '0002_model_usage',
  '0003_data_version',
  '0004_dashboard_summaries',
  '0005_insights_summaries',
  '0006_retest_summary',
  '0007_auth_throttle_reset_tokens',
  '0008_summary_writers_definer',
  '0009_benchmarks_catalog',
  '0010_blocker_benchmark',
  '0011_reasoning_effort_usage',
  '0012_api_tokens',
  '0013_not_set_choices',
  '0014_catalog_sync_jobs',
  '0015_sso',
  '0016_alerts',
  '0017_child_versions',
  '0018_usage_data',
  '0019_model_best_scores',
  '0020_usage_import',
  '0021_webhooks_digest',
  '0022_everyday_use',
  '0023_price_tier_provenance',
  '0024_access_channels',
  '0025_usage_rollup',
  '0026_user_locale',
  '0027_alert_messages',
  SCHEMA_VERSION,
];

/**
 * Every table, parents before children (the order a restore inserts in). Sessions are left out:
 * a restore signs everyone out. The signing secret lives outside the database and is never exported.
 * Neither are one-time secrets and throttling records: better-auth's `verification` table, password
 * reset tokens (`password_reset_tokens`) and sign-in attempts (`login_attempts`).
 */
export const BACKUP_TABLES = [
  'user',
  'account',
  'teams',
  'team_members',
  'org_settings',
  'ai_models',
  'model_prices',
  'model_benchmarks',
  'model_price_tiers',
  'benchmarks',
  'benchmark_scores',
  'model_aliases',
  'vendor_channel_policies',
  'catalog_syncs',
  'job_runs',
  'experiments',
  'experiment_models',
  'capability_outcomes',
  'checkins',
  'techniques',
  'alerts',
  'alert_preferences',
  'usage_connections',
  'usage_imports',
  'usage_team_mappings',
  'usage_fx_rates',
  'usage_daily',
  'digest_subscriptions',
  'audit_log',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Catalog tables added by migration 0009. Backups of older schemas do not hold them: such a file restores
 * with these tables loaded from the shipped reference data for the restored models (db/seed/benchmark-catalog.ts).
 */
export const REFERENCE_TABLES_SINCE_0009: readonly BackupTable[] = ['model_price_tiers', 'benchmarks', 'benchmark_scores', 'model_aliases'];

/** The migration that added the benchmark catalog, found by name so a renumbering at merge cannot break it. */
const CATALOG_MIGRATION = journal.entries.find((e) => e.tag.endsWith('_benchmarks_catalog'))!.tag;

/** Whether a backup of `schemaVersion` predates the benchmark catalog (tags start with a 4-digit number). */
export function predatesBenchmarkCatalog(schemaVersion: string): boolean {
  return schemaVersion.slice(0, 4) < CATALOG_MIGRATION.slice(0, 4);
}

/** Tables added by the catalog-sync migration: backups of older schemas do not hold them (they restore empty). */
export const TABLES_SINCE_CATALOG_SYNC: readonly BackupTable[] = ['catalog_syncs', 'job_runs'];

const SYNC_MIGRATION = journal.entries.find((e) => e.tag.endsWith('_catalog_sync_jobs'))!.tag;

/** Tables added by the alerts migration (issue 20 §3): backups of older schemas do not hold them (they restore empty). */
export const TABLES_SINCE_ALERTS: readonly BackupTable[] = ['alerts', 'alert_preferences'];

const ALERTS_MIGRATION = journal.entries.find((e) => e.tag.endsWith('_alerts'))!.tag;

/** Tables added by the everyday-use migration (issue 23 §3): backups of older schemas do not hold them (they restore empty). */
export const TABLES_SINCE_TECHNIQUES: readonly BackupTable[] = ['techniques'];

const TECHNIQUES_MIGRATION = journal.entries.find((e) => e.tag.endsWith('_everyday_use'))!.tag;

export function predatesTechniques(schemaVersion: string): boolean {
  return schemaVersion.slice(0, 4) < TECHNIQUES_MIGRATION.slice(0, 4);
}

/** Tables added by the access-channel migration (issue 23 §4): an older file restores with the reference rows. */
export const TABLES_SINCE_CHANNELS: readonly BackupTable[] = ['vendor_channel_policies'];

const CHANNELS_MIGRATION = journal.entries.find((e) => e.tag.endsWith('_access_channels'))!.tag;

export function predatesChannels(schemaVersion: string): boolean {
  return schemaVersion.slice(0, 4) < CHANNELS_MIGRATION.slice(0, 4);
}

/**
 * The usage tables (issue 21) joined backups with the usage import migration: a file of an older schema (0018's
 * included, when they were not yet backed up) has none of them and restores with them empty.
 */
export const TABLES_SINCE_USAGE: readonly BackupTable[] = ['usage_connections', 'usage_imports', 'usage_team_mappings', 'usage_fx_rates', 'usage_daily'];

const USAGE_MIGRATION = journal.entries.find((e) => e.tag.endsWith('_usage_import'))!.tag;

export function predatesUsage(schemaVersion: string): boolean {
  return schemaVersion.slice(0, 4) < USAGE_MIGRATION.slice(0, 4);
}

/**
 * Columns a backup leaves out of a table's rows: secrets a copied file must not carry. A restore gives them null
 * (jsonb_populate_recordset), so an admin enters the credential again.
 */
export const OMITTED_COLUMNS: Readonly<Partial<Record<BackupTable, readonly string[]>>> = {
  usage_connections: ['sealed_credential'],
};

/** Tables added by the webhooks and digest migration (issue 20 §3–4): backups of older schemas do not hold them. */
export const TABLES_SINCE_DIGEST: readonly BackupTable[] = ['digest_subscriptions'];

const DIGEST_MIGRATION = journal.entries.find((e) => e.tag.endsWith('_webhooks_digest'))!.tag;

export function predatesDigest(schemaVersion: string): boolean {
  return schemaVersion.slice(0, 4) < DIGEST_MIGRATION.slice(0, 4);
}

export function predatesAlerts(schemaVersion: string): boolean {
  return schemaVersion.slice(0, 4) < ALERTS_MIGRATION.slice(0, 4);
}

export function predatesCatalogSync(schemaVersion: string): boolean {
  return schemaVersion.slice(0, 4) < SYNC_MIGRATION.slice(0, 4);
}

/** Tables that backups of older schemas hold and a restore now skips (reset tokens were kept there in plain text). */
export const DROPPED_FROM_BACKUPS: readonly string[] = ['verification', 'login_attempts'];

/**
 * The schema's tables deliberately left out of a backup, and why. Every other table must be in
 * BACKUP_TABLES (tests/backup-tables.test.ts): a new table joins one list or the other.
 */
export const NOT_BACKED_UP: Readonly<Record<string, string>> = {
  outbox: 'a delivery queue: a restore must not send old mail again (the alerts themselves are backed up)',
  webhooks: 'outgoing webhooks hold a sealed signing secret and a URL that is often a secret itself (Slack, Teams): a copied file must not carry them; an admin adds them again after a restore',
  session: 'sessions: a restore signs everyone out',
  verification: "one-time secrets (better-auth's verification values)",
  password_reset_tokens: 'one-time secrets: password-reset links',
  login_attempts: 'throttling records of sign-in attempts',
  api_tokens: 'secrets: API token hashes; like sessions, a restore revokes every token (a copied file must not grant API access)',
  sso_settings: 'single sign-on configuration: holds the sealed OIDC client secret, which a copied file must not carry; an admin enters it again after a restore',
  sso_role_mappings: 'goes with the single sign-on configuration it belongs to (sso_settings), re-entered with it after a restore',
  data_version: 'derived: a counter that every write bumps (db/derived/data-version.sql)',
  model_usage: 'derived: kept by triggers from experiments and their models (db/derived/model-usage.sql)',
  insights_rollup: 'derived: kept by triggers from experiments (db/derived/insights-rollup.sql)',
  model_best_scores: 'derived: kept by triggers from the score tables and the models (db/derived/model-best-scores.sql)',
  usage_rollup: 'derived: kept by triggers from usage_daily (db/derived/usage-rollup.sql)',
  usage_rollup_month: 'derived: kept by the same triggers from usage_daily (db/derived/usage-rollup.sql)',
  job_leases: "the job runner's live leases: a restored lease would stop or repeat a run on this server",
};

export type BackupFile = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: string;
  createdAt: string;
  source: string;
  tables: Record<BackupTable, Record<string, unknown>[]>;
};

/** Columns a restore writes: every stored column except generated ones (the database derives those). */
export async function writableColumns(db: Queryable, table: string): Promise<string[]> {
  const rows = await rawRows<{ column_name: string }>(
    db,
    sql`select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
        order by ordinal_position`,
  );
  return rows.map((r) => r.column_name);
}

export type ForeignKey = { table: string; column: string; refTable: string; refColumn: string };

/** Single-column foreign keys between backed-up tables, read from the catalog so the check follows the schema. */
export async function foreignKeys(db: Queryable): Promise<ForeignKey[]> {
  const rows = await rawRows<{ tbl: string; col: string; reftbl: string; refcol: string }>(
    db,
    sql`select cl.relname as tbl, a.attname as col, rcl.relname as reftbl, ra.attname as refcol
        from pg_constraint c
        join pg_class cl on cl.oid = c.conrelid
        join pg_namespace n on n.oid = cl.relnamespace and n.nspname = current_schema()
        join pg_class rcl on rcl.oid = c.confrelid
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
        where c.contype = 'f' and array_length(c.conkey, 1) = 1`,
  );
  const tables = new Set<string>(BACKUP_TABLES);
  return rows
    .filter((r) => tables.has(r.tbl) && tables.has(r.reftbl))
    .map((r) => ({ table: r.tbl, column: r.col, refTable: r.reftbl, refColumn: r.refcol }));
}
