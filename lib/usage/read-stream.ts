/**
 * A usage file or API page arriving as a stream (an upload, a file the command reads) → records, never holding
 * more than one page: a CSV is read row by row (lib/usage/csv-stream.ts) up to MAX_CSV_BYTES, a JSON page whole up
 * to MAX_PARSE_CHARS. Problems are thrown as UsageParseError, which importUsage turns into its refusal.
 */
import { Transform, type Readable } from 'node:stream';
import type { UsageSource } from '@/db/schema/usage';
import { csvRecords } from './csv-stream';
import type { UsageRecord } from './record';
import { parseUsage } from './sources';
import { MAX_PARSE_CHARS, UsageParseError } from './sources/common';

/** A CSV streams, so it may be large: 10^6 rows are about 80 MB. */
export const MAX_CSV_BYTES = 2_000_000_000;

function limited(input: Readable, max: number, what: string): Readable {
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > max) return done(new UsageParseError(`The ${what} is larger than ${Math.round(max / 1_000_000)} MB.`));
      done(null, chunk);
    },
  });
  input.on('error', (err) => counter.destroy(err));
  return input.pipe(counter);
}

export async function* usageRecordsFrom(source: UsageSource, input: Readable): AsyncGenerator<UsageRecord> {
  if (source === 'csv') {
    yield* csvRecords(limited(input, MAX_CSV_BYTES, 'CSV'));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of limited(input, MAX_PARSE_CHARS, `${source} file`)) chunks.push(chunk as Buffer);
  const parsed = parseUsage(source, Buffer.concat(chunks).toString('utf8'));
  if (!parsed.ok) throw new UsageParseError(parsed.error);
  yield* parsed.records;
}
