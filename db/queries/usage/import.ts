/**
 * Stores usage records: validated, each row's team resolved through usage_team_mappings and its model through the
 * alias table, and REPLACING the stored row with the same (source, connection, day, external team, model), so an
 * import run twice counts once. Records arrive as an iterable (an async one streams a large file) and are written in
 * batches of IMPORT_BATCH inside one transaction: a refused record leaves nothing written. Each import is recorded
 * in usage_imports and audited. The caller checks the actor's permission.
 */
import { eq, sql } from 'drizzle-orm';
import { usageImports } from '../../schema';
import type { UsageSource } from '../../schema/usage';
import type { Queryable } from '../../types';
import { resultRows } from '../../sql';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';
import { loadModelIndex } from './models';
import type { UsageRecord } from '@/lib/usage/record';
import { checkRecord } from '@/lib/usage/validate';
import { resolveModel } from '@/lib/usage/model-match';
import { UsageParseError } from '@/lib/usage/sources/common';

export type UsageOrigin = 'upload' | 'command' | 'pull';

export type ImportUsageInput = {
  source: UsageSource;
  /** The connection that pulled the records; 0 (the default) for an upload or a command. */
  connectionId?: number;
  origin: UsageOrigin;
  fileName?: string;
  records: Iterable<UsageRecord> | AsyncIterable<UsageRecord>;
  /** Null for the scheduled pull. */
  actor: Actor;
};

/** The shared WriteResult (db/queries/write-result.ts): the import's id, row count and day range, or why not. */
export type ImportUsageResult = WriteResult<{ importId: number; rows: number; firstDay: string | null; lastDay: string | null; unmappedTeams: number; unresolvedModels: number }>;

export const IMPORT_BATCH = 5000;

/** Rows an insert wrote, from either driver (postgres-js: `count`; PGlite: `affectedRows`). */
const affectedRows = (result: unknown) => Number((result as { count?: number }).count ?? (result as { affectedRows?: number }).affectedRows ?? 0);

/** Thrown inside the transaction to roll it back with the sentence the caller shows. */
class Refused extends Error {}

type Measure = 'all' | 'usage' | 'cost';
const USAGE_SET = sql.raw(
  'requests = excluded.requests, input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, active_users = excluded.active_users, engaged_users = excluded.engaged_users, details = excluded.details',
);
const COST_SET = sql.raw('cost_micros = excluded.cost_micros, currency = excluded.currency');
const SETS: Record<Measure, ReturnType<typeof sql>> = { all: sql`${USAGE_SET}, ${COST_SET}`, usage: USAGE_SET, cost: COST_SET };

const keyOf = (r: UsageRecord) => `${r.day}\u0000${r.externalTeam}\u0000${r.externalModel}`;
const describeKey = (r: UsageRecord) => `${r.day}, team "${r.externalTeam || '(organisation)'}", model "${r.externalModel || '(none)'}"`;

export async function importUsage(db: Queryable, input: ImportUsageInput): Promise<ImportUsageResult> {
  const connectionId = input.connectionId ?? 0;
  let attempts = 0;
  try {
    return await db.transaction(async (tx) => {
      // A transaction PostgreSQL aborted (deadlock) runs again from the start (db/transaction-retry.ts); a stream
      // already read cannot be read again, so that attempt stops rather than import half a file.
      if (attempts++ > 0 && !Array.isArray(input.records)) throw new Refused('The import collided with another write to usage: run it again; nothing was imported.');
      const [imp] = await tx
        .insert(usageImports)
        .values({ source: input.source, connectionId, origin: input.origin, fileName: (input.fileName ?? '').slice(0, 200), createdBy: input.actor?.email ?? `(${input.origin})` })
        .returning({ id: usageImports.id });
      const index = await loadModelIndex(tx);
      const modelIds = new Map<string, number | null>();
      let rows = 0;
      let firstDay: string | null = null;
      let lastDay: string | null = null;
      let batch: UsageRecord[] = [];

      const flush = async (batch: UsageRecord[]) => {
        if (!batch.length) return;
        const byMeasure = new Map<Measure, UsageRecord[]>();
        const seen = new Map<string, UsageRecord>();
        for (const r of batch) {
          const k = keyOf(r);
          if (seen.has(k)) throw new Refused(`Two records are for the same ${describeKey(r)}; nothing was imported.`);
          seen.set(k, r);
          const m: Measure = r.measures ?? 'all';
          const list = byMeasure.get(m);
          if (list) list.push(r);
          else byMeasure.set(m, [r]);
        }
        for (const [measure, list] of byMeasure) {
          const payload = JSON.stringify(
            list.map((r) => {
              const mk = `${r.vendor}\u0000${r.externalModel}`;
              if (!modelIds.has(mk)) modelIds.set(mk, resolveModel(index, input.source, r.vendor, r.externalModel));
              return {
                day: r.day, external_team: r.externalTeam, vendor: r.vendor, external_model: r.externalModel, model_id: modelIds.get(mk),
                requests: r.requests, input_tokens: r.inputTokens, output_tokens: r.outputTokens, cost_micros: r.costMicros, currency: r.currency,
                active_users: r.activeUsers, engaged_users: r.engagedUsers, details: r.details,
              };
            }),
          );
          const written = affectedRows(
            await tx.execute(sql`
              insert into usage_daily as u (day, source, connection_id, external_team, team_id, vendor, external_model, model_id, requests, input_tokens,
                output_tokens, cost_micros, currency, active_users, engaged_users, details, import_id, imported_at)
              select r.day, ${input.source}::text, ${connectionId}::integer, r.external_team, m.team_id, r.vendor, r.external_model, r.model_id, r.requests, r.input_tokens,
                r.output_tokens, r.cost_micros, r.currency, r.active_users, r.engaged_users, r.details, ${imp.id}::integer, now()
              from jsonb_to_recordset(${payload}::jsonb) as r(day date, external_team text, vendor text, external_model text, model_id integer,
                requests bigint, input_tokens bigint, output_tokens bigint, cost_micros bigint, currency text, active_users integer, engaged_users integer, details jsonb)
              left join usage_team_mappings m on m.source = ${input.source}::text and m.external_team = r.external_team
              on conflict (source, connection_id, day, external_team, external_model) do update set
                team_id = excluded.team_id, vendor = excluded.vendor, model_id = excluded.model_id, ${SETS[measure]},
                import_id = excluded.import_id, imported_at = excluded.imported_at
              where u.import_id is distinct from excluded.import_id`),
          );
          // A row this import already wrote is not written again: the input repeats a key across batches.
          if (written !== list.length) throw new Refused('The file holds two records for the same day, team and model; nothing was imported.');
        }
      };

      let n = 0;
      let pending: Promise<void> = Promise.resolve();
      for await (const r of input.records) {
        n += 1;
        const wrong = checkRecord(r, n);
        if (wrong) throw new Refused(`${wrong} Nothing was imported.`);
        if (firstDay === null || r.day < firstDay) firstDay = r.day;
        if (lastDay === null || r.day > lastDay) lastDay = r.day;
        batch.push(r);
        rows += 1;
        if (batch.length >= IMPORT_BATCH) {
          // The next batch is read (and a CSV parsed) while the database writes this one; one statement at a time.
          await pending;
          pending = flush(batch);
          pending.catch(() => {}); // awaited below; this only keeps it from counting as unhandled meanwhile
          batch = [];
        }
      }
      await pending;
      await flush(batch);

      const [{ unmapped }] = resultRows<{ unmapped: number }>(
        await tx.execute(sql`select count(distinct external_team)::int as unmapped from usage_daily where import_id = ${imp.id} and team_id is null and external_team <> ''`),
      );
      const unresolvedModels = [...modelIds.entries()].filter(([k, id]) => id === null && !k.endsWith('\u0000')).length;
      await tx.update(usageImports).set({ rowCount: rows, firstDay, lastDay }).where(eq(usageImports.id, imp.id));
      const summary = { source: input.source, connectionId, origin: input.origin, fileName: input.fileName ?? '', rows, firstDay, lastDay };
      await writeAudit(tx, { actor: input.actor, action: 'usage.import', entityType: 'usage_import', entityId: imp.id, after: summary });
      return { ok: true as const, importId: imp.id, rows, firstDay, lastDay, unmappedTeams: unmapped, unresolvedModels };
    });
  } catch (err) {
    if (err instanceof Refused || err instanceof UsageParseError) return refuse('invalid', err.message.endsWith('imported.') ? err.message : `${err.message} Nothing was imported.`);
    throw err;
  }
}

/** The sentence an admin reads after an import. */
export function describeImport(r: ImportUsageResult): string {
  if (!r.ok) return r.message;
  if (r.rows === 0) return 'The file held no usage rows; nothing changed.';
  const range = r.firstDay === r.lastDay ? `for ${r.firstDay}` : `from ${r.firstDay} to ${r.lastDay}`;
  const notes = [
    r.unmappedTeams ? `${r.unmappedTeams} external team${r.unmappedTeams === 1 ? '' : 's'} not mapped yet` : '',
    r.unresolvedModels ? `${r.unresolvedModels} model id${r.unresolvedModels === 1 ? '' : 's'} not in the catalog` : '',
  ].filter(Boolean);
  return `Imported ${r.rows} row${r.rows === 1 ? '' : 's'} ${range}${notes.length ? ` (${notes.join('; ')})` : ''}.`;
}
