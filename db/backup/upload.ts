import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { tooLarge } from './read';

export type SavedUpload = { file: string; remove: () => Promise<void> } | { error: string };

/**
 * Streams the multipart field `field` of an upload to a private temporary file (0600 in a 0700 folder)
 * with busboy, never holding it in memory, and stops at `mb` MB. The caller removes the file.
 */
export async function saveUpload(request: Request, field: string, mb: number): Promise<SavedUpload> {
  const type = request.headers.get('content-type') ?? '';
  if (!request.body || !type.startsWith('multipart/form-data')) return { error: 'Choose a backup file first.' };
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'uplift-restore-'));
  const file = path.join(dir, 'upload');
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  let saved: Promise<void> | null = null;
  let truncated = false;
  try {
    const parser = busboy({ headers: { 'content-type': type }, limits: { fileSize: mb * 1024 * 1024, files: 1 } });
    parser.on('file', (name, stream) => {
      if (name !== field || saved) return void stream.resume();
      stream.on('limit', () => {
        truncated = true;
      });
      saved = pipeline(stream, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    });
    await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), parser);
    if (saved) await saved;
  } catch {
    await remove();
    return { error: 'The upload did not arrive whole: try again.' };
  }
  if (truncated) {
    await remove();
    return { error: tooLarge(mb) };
  }
  if (!saved || fs.statSync(file).size === 0) {
    await remove();
    return { error: 'Choose a backup file first.' };
  }
  return { file, remove };
}
