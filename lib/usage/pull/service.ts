/**
 * Pulling a connection: open its credential, ask its vendor for the days after the last complete day imported,
 * import what came back through the same import as an upload (origin 'pull'), and record the pull on the
 * connection (when, its error, the last complete day). The job `usage-pull` pulls every connection; one failing
 * connection is recorded and the others still run.
 */
import type { Actor } from '@/db/queries/admin/audit';
import { connectionForPull, connectionIdsForPull, recordPull, type PullOutcome } from '@/db/queries/usage/connections';
import { importUsage } from '@/db/queries/usage/import';
import type { UsageConnectionRow } from '@/db/schema/usage';
import type { Queryable } from '@/db/types';
import { openSecret } from '@/lib/security/secrets';
import type { UsageRecord } from '@/lib/usage/record';
import { RecordMerger } from '@/lib/usage/sources/common';
import type { HttpOptions } from './http';
import { PULL_CLIENTS } from './clients';
import { checkBaseUrl, normalizedBaseUrl } from './url-policy';
import { pullWindow } from './window';

/** The purpose a connection's credential is sealed for (lib/security/secrets.ts binds it in). */
export const credentialPurpose = (source: string) => `usage:${source}`;

export type PullDeps = { http?: HttpOptions; now?: Date; appSecret?: string };

export type PullReport = PullOutcome & { id: number; name: string };

/** An error as one sentence for the connection's row and the job history, with the credential blanked out. */
function sentence(err: unknown, credential: string | null): string {
  const text = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
  return credential && credential.length >= 4 ? text.split(credential).join('••••') : text;
}

/**
 * One record per (day, external team, model) carrying every figure: a pull read both the usage and the cost
 * pages of its whole window, so a day missing from one of them had none of those figures (the `measures` of a
 * single uploaded page do not apply), and a key split across pages is added up.
 */
export function mergePulled(records: UsageRecord[]): UsageRecord[] {
  const merger = new RecordMerger();
  for (const { measures: _measures, ...r } of records) merger.add(r);
  return merger.records();
}

type Read = { outcome: PullOutcome; records: UsageRecord[] };

async function readVendor(conn: UsageConnectionRow, deps: PullDeps): Promise<Read> {
  const client = PULL_CLIENTS[conn.source];
  const window = pullWindow(conn.lastImportedDate, deps.now ?? new Date(), client.firstDays);
  if (!window) return { outcome: { completeThrough: null, rows: 0, error: null, days: null }, records: [] };
  if (!conn.sealedCredential) throw new Error('No credential is saved for this connection: enter it again.');
  const verdict = checkBaseUrl(conn.baseUrl);
  if (!verdict.ok) throw new Error(verdict.reason);
  const credential = openSecret(conn.sealedCredential, credentialPurpose(conn.source), deps.appSecret);
  try {
    const result = await client.pull({ baseUrl: normalizedBaseUrl(conn.baseUrl), organization: conn.organization, credential }, window, deps.http ?? {});
    const through = result.completeThrough;
    const records = through ? mergePulled(result.records.filter((r) => r.day >= window.from && r.day <= through)) : [];
    return {
      outcome: { completeThrough: through, rows: records.length, error: result.error ? sentence(result.error, credential) : null, days: window },
      records,
    };
  } catch (err) {
    throw new Error(sentence(err, credential));
  }
}

/** Pulls one connection now and records the pull; returns what happened (an error is recorded, not thrown). */
export async function pullConnection(db: Queryable, id: number, actor: Actor, deps: PullDeps = {}): Promise<PullReport | null> {
  const conn = await connectionForPull(db, id);
  if (!conn) return null;
  let read: Read;
  try {
    read = await readVendor(conn, deps);
  } catch (err) {
    const outcome: PullOutcome = { completeThrough: null, rows: 0, error: sentence(err, null), days: null };
    await db.transaction((tx) => recordPull(tx, actor, id, outcome));
    return { ...outcome, id, name: conn.name };
  }
  const { outcome, records } = read;
  try {
    // The rows and the day they complete land together: a failed import leaves last_imported_date where it was.
    await db.transaction(async (tx) => {
      if (records.length) {
        const imported = await importUsage(tx, { source: conn.source, connectionId: conn.id, origin: 'pull', fileName: `${conn.source} API ${outcome.days?.from}..${outcome.completeThrough}`, records, actor });
        if (!imported.ok) throw new Error(imported.message);
      }
      await recordPull(tx, actor, id, outcome);
    });
    return { ...outcome, id, name: conn.name };
  } catch (err) {
    const failed: PullOutcome = { ...outcome, completeThrough: null, rows: 0, error: `The import failed: ${sentence(err, null)}` };
    await db.transaction((tx) => recordPull(tx, actor, id, failed));
    return { ...failed, id, name: conn.name };
  }
}

/** One line for a pull: "OpenAI prod: 12 rows through 2026-12-04" or its error. */
export function describePull(r: PullReport): string {
  if (r.error) return `${r.name}: ${r.rows ? `${r.rows} row(s) through ${r.completeThrough}, then ` : ''}failed: ${r.error}`;
  if (!r.days) return `${r.name}: up to date`;
  return `${r.name}: ${r.rows} row(s) for ${r.days.from}..${r.completeThrough ?? r.days.to}`;
}

/** The scheduled job: every connection in turn; throws (a failed run) only when every connection failed. */
export async function usagePullJob(db: Queryable, deps: PullDeps = {}): Promise<string> {
  const ids = await connectionIdsForPull(db);
  if (!ids.length) return 'No usage connections to pull.';
  const reports: PullReport[] = [];
  for (const id of ids) {
    const r = await pullConnection(db, id, null, deps);
    if (r) reports.push(r);
  }
  const failed = reports.filter((r) => r.error);
  const line = `${reports.length - failed.length} of ${reports.length} connection(s) pulled, ${reports.reduce((n, r) => n + r.rows, 0)} row(s). ${reports.map(describePull).join('; ')}`;
  if (failed.length && failed.length === reports.length) throw new Error(line);
  return line;
}
