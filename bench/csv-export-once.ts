import type { Db } from '@/db/types';
import { filteredExperimentsCsv } from '@/lib/export/experiments-csv';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';

/** The route's CSV body for every experiment (archived included), drained; returns its size in bytes. */
export async function exportAllCsv(db: Db, batchSize?: number): Promise<number> {
  const filters = parseExperimentFilters(new URLSearchParams('archived=include'));
  let bytes = 0;
  for await (const part of (await filteredExperimentsCsv(db, filters, {}, { batchSize })) as unknown as AsyncIterable<Uint8Array>) {
    bytes += part.byteLength;
  }
  return bytes;
}
