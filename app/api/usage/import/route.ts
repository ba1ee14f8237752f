// POST /api/usage/import?source=<source>&name=<file name> – `npm run usage -- import` on PGlite hands the file to the
// server that holds the database. No session: the request is signed with the app secret over the file's SHA-256
// (lib/usage/command-auth.ts). The body is kept in a private temporary file while it is hashed, then imported from it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { describeImport, importUsage } from '@/db/queries/usage/import';
import { USAGE_SOURCES, type UsageSource } from '@/db/schema/usage';
import { authSecret } from '@/lib/auth/secret';
import { USAGE_SIGNATURE_HEADER, verifyUsageImport } from '@/lib/usage/command-auth';
import { MAX_CSV_BYTES, usageRecordsFrom } from '@/lib/usage/read-stream';

const refused = () => Response.json({ error: 'Only `npm run usage` with this server\'s secret may import usage here.' }, { status: 401 });

export async function POST(request: Request) {
  const url = new URL(request.url);
  const source = url.searchParams.get('source') ?? '';
  const fileName = (url.searchParams.get('name') ?? '').slice(0, 200);
  const signature = request.headers.get(USAGE_SIGNATURE_HEADER);
  if (!signature || !request.body) return refused();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'uplift-usage-'));
  const file = path.join(dir, 'upload');
  try {
    const hash = crypto.createHash('sha256');
    let size = 0;
    const hasher = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > MAX_CSV_BYTES) return done(new Error('too large'));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), hasher, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    } catch {
      return Response.json({ error: 'The file did not arrive whole, or is larger than the limit; nothing was imported.' }, { status: 400 });
    }
    if (!verifyUsageImport(authSecret(), source, fileName, hash.digest('hex'), signature)) return refused();
    if (!(USAGE_SOURCES as readonly string[]).includes(source)) return Response.json({ error: `The source must be one of ${USAGE_SOURCES.join(', ')}.` }, { status: 400 });
    const db = await getDb();
    const r = await importUsage(db, { source: source as UsageSource, origin: 'command', fileName: path.basename(fileName), records: usageRecordsFrom(source as UsageSource, fs.createReadStream(file)), actor: null });
    if (r.ok) revalidatePath('/admin/usage');
    return Response.json(r.ok ? { ...r, message: describeImport(r) } : r, { status: r.ok ? 200 : 400 });
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
