/**
 * The usage CSV read row by row from a stream (papaparse's Node stream mode), so a file of a million rows is never
 * held whole: each row becomes a record with the rules of lib/usage/sources/csv.ts, and the first bad row stops the
 * read with its sentence (UsageParseError).
 */
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { UsageRecord } from './record';
import { UsageParseError } from './sources/common';
import { checkCsvHeader, csvRowToRecord } from './sources/csv';

export async function* csvRecords(input: Readable): AsyncGenerator<UsageRecord> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: 'greedy' });
  // pipe() does not pass an error on: a failed read (or the size limit) must end the rows too.
  input.on('error', (err) => parser.destroy(err));
  const rows = input.pipe(parser) as unknown as AsyncIterable<string[]>;
  let line = 0;
  try {
    for await (const cells of rows) {
      line += 1;
      if (line === 1) {
        const wrong = checkCsvHeader(cells);
        if (wrong) throw new UsageParseError(wrong);
        continue;
      }
      const r = csvRowToRecord(cells, line);
      if (typeof r === 'string') throw new UsageParseError(r);
      yield r;
    }
  } finally {
    input.destroy();
  }
  if (line === 0) throw new UsageParseError('The CSV is empty.');
  if (line === 1) throw new UsageParseError('The CSV has a header but no rows.');
}
