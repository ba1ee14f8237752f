import { checkinRows, experimentRows, idBatches, outcomeRows } from '@/db/queries/export';
import type { Queryable } from '@/db/types';
import { CHECKIN_COLUMNS, EXPERIMENT_COLUMNS, OUTCOME_COLUMNS } from './columns';
import { csvChunk, UTF8_BOM } from './csv';

export const CSV_DATASETS = ['experiments', 'outcomes', 'checkins'] as const;
export type CsvDataset = (typeof CSV_DATASETS)[number];

/** The CSV of one dataset for the given experiment ids, one batch of rows per chunk. */
export async function* experimentsCsv(db: Queryable, ids: number[], dataset: CsvDataset): AsyncGenerator<string> {
  let first = true;
  const emit = <R>(columns: Parameters<typeof csvChunk<R>>[0], rows: R[]) => {
    const chunk = csvChunk(columns, rows, first);
    const out = first ? UTF8_BOM + chunk : chunk;
    first = false;
    return out;
  };
  for (const batch of idBatches(ids)) {
    if (dataset === 'experiments') yield emit(EXPERIMENT_COLUMNS, await experimentRows(db, batch));
    else if (dataset === 'outcomes') yield emit(OUTCOME_COLUMNS, await outcomeRows(db, batch));
    else yield emit(CHECKIN_COLUMNS, await checkinRows(db, batch));
  }
  // No rows at all: still a header, so the file opens with its columns.
  if (first) {
    if (dataset === 'experiments') yield emit(EXPERIMENT_COLUMNS, []);
    else if (dataset === 'outcomes') yield emit(OUTCOME_COLUMNS, []);
    else yield emit(CHECKIN_COLUMNS, []);
  }
}
