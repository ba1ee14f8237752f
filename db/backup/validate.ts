import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  DROPPED_FROM_BACKUPS,
  predatesBenchmarkCatalog,
  REFERENCE_TABLES_SINCE_0009,
  RESTORABLE_SCHEMA_VERSIONS,
  SCHEMA_VERSION,
  type BackupFile,
  type ForeignKey,
} from './tables';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a backup's text; a truncated or malformed file gives one sentence saying so. */
export function parseBackup(text: string): { file?: BackupFile; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { errors: [`The file is not complete JSON (truncated or damaged): ${(err as Error).message}`] };
  }
  const errors = checkShape(data);
  return errors.length ? { errors } : { file: data as BackupFile, errors };
}

function checkShape(data: unknown): string[] {
  if (!isObject(data) || data.format !== BACKUP_FORMAT) return ['This is not an Uplift backup file.'];
  if (data.formatVersion !== BACKUP_FORMAT_VERSION) return [`Backup format version ${String(data.formatVersion)} is not supported (expected ${BACKUP_FORMAT_VERSION}).`];
  if (!RESTORABLE_SCHEMA_VERSIONS.includes(String(data.schemaVersion)))
    return [`The backup was made with schema ${String(data.schemaVersion)}; this instance runs ${SCHEMA_VERSION}. Restore it with the matching Uplift version.`];
  if (!isObject(data.tables)) return ['The backup has no tables.'];
  const errors: string[] = [];
  const tables = data.tables;
  // Older schemas had no benchmark catalog: the restore loads it from the reference data instead.
  if (predatesBenchmarkCatalog(String(data.schemaVersion))) for (const table of REFERENCE_TABLES_SINCE_0009) tables[table] ??= [];
  for (const table of BACKUP_TABLES) {
    const rows = tables[table];
    if (!Array.isArray(rows)) errors.push(`Table ${table} is missing.`);
    else if (!rows.every(isObject)) errors.push(`Table ${table} holds something other than rows.`);
  }
  const unknown = Object.keys(tables).filter((t) => !(BACKUP_TABLES as readonly string[]).includes(t) && !DROPPED_FROM_BACKUPS.includes(t));
  if (unknown.length) errors.push(`Unknown tables: ${unknown.join(', ')}.`);
  if (!errors.length && (tables.user as unknown[]).length === 0) errors.push('The backup has no users: nobody could sign in after restoring it.');
  return errors;
}

/** Every reference points at a row that is in the file (checked before anything is written). */
export function checkReferences(file: BackupFile, keys: ForeignKey[]): string[] {
  const errors: string[] = [];
  for (const fk of keys) {
    const targets = new Set(file.tables[fk.refTable as keyof BackupFile['tables']].map((r) => String(r[fk.refColumn])));
    const rows = file.tables[fk.table as keyof BackupFile['tables']];
    const broken = rows.filter((r) => r[fk.column] != null && !targets.has(String(r[fk.column])));
    if (broken.length)
      errors.push(`${broken.length} row(s) of ${fk.table} point at a missing ${fk.refTable} (${fk.column} = ${String(broken[0][fk.column])}).`);
  }
  return errors;
}
