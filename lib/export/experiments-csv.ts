import { checkinRows, outcomeRows, rowsInBatches } from '@/db/queries/reports/export';
import { experimentRowBatches } from '@/db/queries/reports/export-rows';
import type { FilterContext } from '@/db/queries/experiments/filters';
import type { Db, Queryable } from '@/db/types';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import type { Locale } from '@/i18n/locales';
import { checkinColumns, experimentColumns, outcomeColumns, usageColumns, type Column } from './columns';
import { usageExportRows } from '@/db/queries/usage/export';
import type { UsageFilters, UsageScope } from '@/db/queries/usage/filters';
import { csvChunk, UTF8_BOM } from './csv';
import { primedStream } from './stream';

export const CSV_DATASETS = ['experiments', 'outcomes', 'checkins', 'usage'] as const;
export type CsvDataset = (typeof CSV_DATASETS)[number];

/** CSV text batch by batch: the byte order mark and header come with the first batch (or alone when there are no rows). */
export async function* csvFromBatches<R>(columns: readonly Column<R>[], batches: AsyncIterable<R[]>): AsyncGenerator<string> {
  let header = UTF8_BOM + csvChunk(columns, [], true);
  for await (const rows of batches) {
    if (rows.length === 0) continue;
    yield header + csvChunk(columns, rows, false);
    header = '';
  }
  if (header) yield header;
}

/**
 * The experiments CSV for already-scoped filters (teamScope(user).scopeFilters): one statement read batch by batch
 * (one snapshot), encoded as it is sent. The first batch is read before this resolves, so a failing query
 * is an error response; a batch that fails later errors the stream (a broken download, never a short file).
 * `locale`: the reader's language for headers and coded values (numbers and dates stay ISO).
 */
export function filteredExperimentsCsv(
  db: Db,
  filters: ExperimentFilters,
  ctx: FilterContext = {},
  options: { batchSize?: number; locale?: Locale } = {},
): Promise<ReadableStream<Uint8Array>> {
  return primedStream(csvFromBatches(experimentColumns(options.locale ?? 'en'), experimentRowBatches(db, filters, ctx, options)));
}

/** The outcomes or check-ins of the given experiments, one batch of experiments per chunk. */
export function childrenCsv(db: Queryable, ids: number[], dataset: Exclude<CsvDataset, 'experiments' | 'usage'>, locale: Locale = 'en'): AsyncGenerator<string> {
  return dataset === 'outcomes'
    ? csvFromBatches(outcomeColumns(locale), rowsInBatches(ids, (b) => outcomeRows(db, b)))
    : csvFromBatches(checkinColumns(locale), rowsInBatches(ids, (b) => checkinRows(db, b)));
}

/** The imported usage for the export's period and team, vendor and model filters, within the caller's scope. */
export function usageCsv(db: Queryable, f: UsageFilters, scope: UsageScope, locale: Locale = 'en'): AsyncGenerator<string> {
  return csvFromBatches(usageColumns(locale), (async function* () {
    yield await usageExportRows(db, f, scope);
  })());
}
