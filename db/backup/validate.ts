import type { BackupSource } from './read';
import { readBackup, type BackupEvent } from './stream';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  DROPPED_FROM_BACKUPS,
  predatesBenchmarkCatalog,
  predatesAlerts,
  predatesDigest,
  predatesTechniques,
  predatesCatalogSync,
  predatesUsage,
  predatesChannels,
  TABLES_SINCE_CHANNELS,
  REFERENCE_TABLES_SINCE_0009,
  TABLES_SINCE_ALERTS,
  TABLES_SINCE_DIGEST,
  TABLES_SINCE_TECHNIQUES,
  TABLES_SINCE_CATALOG_SYNC,
  TABLES_SINCE_USAGE,
  RESTORABLE_SCHEMA_VERSIONS,
  SCHEMA_VERSION,
  type ForeignKey,
} from './tables';

/** A backup's header: what it is and where it came from. */
export type BackupHead = { format: string; formatVersion: number; schemaVersion: string; createdAt: string; source: string };

const TABLES: readonly string[] = BACKUP_TABLES;

/** The header is wrong: the rest of the file is not read. */
class HeadError extends Error {}

/** The header's problems, if any: one sentence each (the first that applies). */
function checkHead(head: Record<string, unknown>): string[] {
  if (head.format !== BACKUP_FORMAT) return ['This is not an Uplift backup file.'];
  if (head.formatVersion !== BACKUP_FORMAT_VERSION) return [`Backup format version ${String(head.formatVersion)} is not supported (expected ${BACKUP_FORMAT_VERSION}).`];
  if (!RESTORABLE_SCHEMA_VERSIONS.includes(String(head.schemaVersion)))
    return [`The backup was made with schema ${String(head.schemaVersion)}; this instance runs ${SCHEMA_VERSION}. Restore it with the matching Uplift version.`];
  return [];
}

/**
 * Checks a whole backup in one streaming pass, before anything is written: its header, that every
 * table is there once, in the order a restore inserts (parents first), holding only rows, and that every
 * reference (`keys`) points at a row in the file. Memory holds the referenced keys, not the rows.
 */
export async function validateBackup(source: BackupSource, keys: ForeignKey[] = []): Promise<{ head?: BackupHead; counts: Record<string, number>; errors: string[] }> {
  const head: Record<string, unknown> = {};
  const counts: Record<string, number> = {};
  const seen: string[] = [];
  const errors: string[] = [];
  const notRows = new Set<string>();
  // Per reference: the keys of its target seen so far, and values still waiting for a later target row.
  const targets = keys.map(() => new Set<string>());
  const pending = keys.map(() => [] as string[]);
  const finished = new Set<string>();
  const broken = keys.map(() => ({ n: 0, first: '' }));
  const miss = (i: number, v: string) => {
    if (!broken[i].n++) broken[i].first = v;
  };

  const on = (event: BackupEvent) => {
    switch (event.kind) {
      case 'field':
        head[event.key] = event.value;
        // The header comes first in every backup Uplift writes: a wrong file is refused before its bulk is read.
        if (['format', 'formatVersion', 'schemaVersion'].every((k) => k in head) && checkHead(head).length) throw new HeadError();
        return;
      case 'tableStart':
        if (checkHead(head).length) throw new HeadError();
        if (seen.includes(event.table)) errors.push(`Table ${event.table} appears twice.`);
        seen.push(event.table);
        counts[event.table] = 0;
        return;
      case 'notRows':
        if (!notRows.has(event.table)) errors.push(`Table ${event.table} holds something other than rows.`);
        notRows.add(event.table);
        return;
      case 'tableEnd':
        finished.add(event.table);
        return;
      case 'rows':
        counts[event.table] += event.rows.length;
        keys.forEach((fk, i) => {
          if (fk.refTable === event.table) for (const row of event.rows) targets[i].add(String(row[fk.refColumn]));
        });
        keys.forEach((fk, i) => {
          if (fk.table !== event.table) return;
          const done = finished.has(fk.refTable);
          for (const row of event.rows) {
            if (row[fk.column] == null) continue;
            const v = String(row[fk.column]);
            if (targets[i].has(v)) continue;
            if (done) miss(i, v);
            else pending[i].push(v); // a self-reference, or a target later in the file
          }
        });
        return;
    }
  };

  try {
    for await (const event of readBackup(source)) on(event);
  } catch (err) {
    if (err instanceof HeadError) return { counts, errors: checkHead(head) };
    return { counts, errors: [(err as Error).message] };
  }

  const headErrors = checkHead(head);
  if (headErrors.length) return { counts, errors: headErrors };
  if (!seen.length) return { counts, errors: ['The backup has no tables.'] };
  // A backup from before the benchmark catalog has none of its tables: the restore loads them from the reference data.
  const optional: readonly string[] = [
    ...(predatesBenchmarkCatalog(String(head.schemaVersion)) ? REFERENCE_TABLES_SINCE_0009 : []),
    ...(predatesCatalogSync(String(head.schemaVersion)) ? TABLES_SINCE_CATALOG_SYNC : []),
    ...(predatesAlerts(String(head.schemaVersion)) ? TABLES_SINCE_ALERTS : []),
    ...(predatesTechniques(String(head.schemaVersion)) ? TABLES_SINCE_TECHNIQUES : []),
    ...(predatesUsage(String(head.schemaVersion)) ? TABLES_SINCE_USAGE : []),
    ...(predatesDigest(String(head.schemaVersion)) ? TABLES_SINCE_DIGEST : []),
    ...(predatesChannels(String(head.schemaVersion)) ? TABLES_SINCE_CHANNELS : []),
  ];
  for (const table of TABLES) if (!seen.includes(table) && !optional.includes(table)) errors.push(`Table ${table} is missing.`);
  const unknown = seen.filter((t) => !TABLES.includes(t) && !DROPPED_FROM_BACKUPS.includes(t));
  if (unknown.length) errors.push(`Unknown tables: ${unknown.join(', ')}.`);
  // Parents before children: each table later in the file than the one before it in BACKUP_TABLES (a table an older schema lacks may be absent).
  const order = seen.filter((t) => TABLES.includes(t)).map((t) => TABLES.indexOf(t));
  if (!errors.length && order.some((n, i) => i > 0 && n < order[i - 1]))
    errors.push(`The tables are not in the order a restore inserts them (${TABLES.join(', ')}): the file was edited.`);
  if (!errors.length && counts.user === 0) errors.push('The backup has no users: nobody could sign in after restoring it.');
  keys.forEach((fk, i) => {
    for (const v of pending[i]) if (!targets[i].has(v)) miss(i, v);
    if (broken[i].n) errors.push(`${broken[i].n} row(s) of ${fk.table} point at a missing ${fk.refTable} (${fk.column} = ${broken[i].first}).`);
  });
  return errors.length ? { counts, errors } : { head: head as BackupHead, counts, errors };
}
