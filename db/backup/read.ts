import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/** Where a restore reads a backup from; `chunks()` opens it afresh each time (a restore reads it twice). */
export type BackupSource = { chunks: () => AsyncIterable<string> };

/** The most a restore reads, uncompressed: UPLIFT_RESTORE_MAX_MB (default 2048). */
export function restoreLimitMb(): number {
  const mb = Number(process.env.UPLIFT_RESTORE_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? mb : 2048;
}

export class BackupReadError extends Error {}

export const tooLarge = (mb: number) =>
  `The backup holds more than ${mb} MB once uncompressed, the most a restore reads (UPLIFT_RESTORE_MAX_MB): raise the limit if the file is genuine.`;

/**
 * Text chunks of a backup, gzip-compressed or plain (told by the gzip magic bytes, not the name).
 * Counts what it has read and stops past the limit, so a gzip bomb is refused after `mb` MB,
 * never inflated in memory.
 */
async function* limited(bytes: AsyncIterable<Buffer> | Iterable<Buffer>, mb: number): AsyncGenerator<string> {
  const max = mb * 1024 * 1024;
  const decoder = new StringDecoder('utf8');
  let read = 0;
  for await (const chunk of bytes) {
    read += chunk.length;
    if (read > max) throw new BackupReadError(tooLarge(mb));
    yield decoder.write(chunk);
  }
  yield decoder.end();
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function* gunzipped(file: string): AsyncGenerator<Buffer> {
  const gunzip = fs.createReadStream(file).pipe(createGunzip());
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (err) {
    if (err instanceof BackupReadError) throw err;
    throw new BackupReadError(`The file is not a complete gzip file (truncated or damaged): ${(err as Error).message}`);
  } finally {
    gunzip.destroy();
  }
}

/** A backup file on disk (plain or gzip), read at most `mb` MB uncompressed. */
export function fileSource(file: string, mb = restoreLimitMb()): BackupSource {
  return {
    async *chunks() {
      const bytes = (await isGzip(file)) ? gunzipped(file) : (fs.createReadStream(file) as AsyncIterable<Buffer>);
      yield* limited(bytes, mb);
    },
  };
}

/** A backup already in memory (tests, small files). */
export function textSource(text: string, mb = restoreLimitMb()): BackupSource {
  return { chunks: () => limited([Buffer.from(text, 'utf8')], mb) };
}
