// POST /api/admin/catalog-sync?source=models.dev|epoch&name=<file name> – an admin's file (the request body) is read
// and its diff against the catalog recorded for review; nothing in the catalog changes here.
import { getDb } from '@/db';
import { authorizeRequest } from '@/lib/auth/guard';
import { MAX_UPLOAD_BYTES } from '@/lib/catalog/sync/read-source';
import { startSync } from '@/lib/catalog-sync/service';

const tooLarge = () => Response.json({ error: `The file is larger than ${MAX_UPLOAD_BYTES / 1_000_000} MB, far more than either source; nothing was changed.` }, { status: 413 });

/** The body, read up to the limit (null past it), so an oversized upload is never held whole. */
async function readBounded(request: Request): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? '0') > MAX_UPLOAD_BYTES) return null;
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > MAX_UPLOAD_BYTES) {
      await reader!.cancel();
      return null;
    }
    parts.push(chunk.value);
  }
  return Buffer.concat(parts);
}

export async function POST(request: Request) {
  const auth = await authorizeRequest('models.write');
  if (auth.response) return auth.response;
  const url = new URL(request.url);
  const source = url.searchParams.get('source');
  if (source !== 'models.dev' && source !== 'epoch') return Response.json({ error: 'Choose the source: models.dev or Epoch AI.' }, { status: 400 });
  const name = (url.searchParams.get('name') ?? '').replace(/[^\w.\- ]+/g, '').slice(0, 100) || (source === 'epoch' ? 'benchmark_data.zip' : 'api.json');
  const bytes = await readBounded(request);
  if (!bytes) return tooLarge();
  const db = await getDb();
  const r = await db.transaction((tx) => startSync(tx, source, { bytes, fileName: name, origin: 'upload' }, { id: auth.user.id, email: auth.user.email }));
  if (!r.ok) return Response.json({ error: `${r.error}${r.error.includes('nothing was changed') ? '' : ' Nothing was changed.'}` }, { status: 400 });
  return Response.json({ id: r.id, empty: r.empty });
}
