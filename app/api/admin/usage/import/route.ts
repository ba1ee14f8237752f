// POST /api/admin/usage/import?source=<copilot|openai|anthropic|litellm|csv>&name=<file name> – an admin's usage file
// (the request body) is read as it arrives and imported in one transaction; a refused file changes nothing. It
// bypasses proxy.ts (a usage CSV may be far larger than the proxy's 10 MB), so it checks the origin itself.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { describeImport, importUsage } from '@/db/queries/usage/import';
import { USAGE_SOURCES, type UsageSource } from '@/db/schema/usage';
import { authorizeRequest } from '@/lib/auth/guard';
import { usageRecordsFrom } from '@/lib/usage/read-stream';
import { proxyHops } from '@/lib/security/forwarded';
import { checkOrigin } from '@/lib/security/origin';

export async function POST(request: Request) {
  const auth = await authorizeRequest('admin.settings');
  if (auth.response) return auth.response;
  // The upload bypasses proxy.ts (see its matcher), so the cross-site check it makes is made here.
  const origin = checkOrigin(request.method, request.headers, new URL(request.url), { publicUrl: process.env.BETTER_AUTH_URL, proxyHops: proxyHops() });
  if (!origin.ok) return Response.json({ error: 'This request came from another site and was refused.' }, { status: 403 });
  const url = new URL(request.url);
  const source = url.searchParams.get('source') ?? '';
  if (!(USAGE_SOURCES as readonly string[]).includes(source)) return Response.json({ error: `Choose the source: ${USAGE_SOURCES.join(', ')}.` }, { status: 400 });
  const fileName = (url.searchParams.get('name') ?? '').replace(/[^\w.\- ]+/g, '').slice(0, 100) || `${source} upload`;
  if (!request.body) return Response.json({ error: 'Choose the file to import.' }, { status: 400 });
  const input = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  const db = await getDb();
  const r = await importUsage(db, { source: source as UsageSource, origin: 'upload', fileName, records: usageRecordsFrom(source as UsageSource, input), actor: actorOf(auth.user) });
  if (!r.ok) return Response.json({ error: r.message }, { status: 400 });
  revalidatePath('/admin/usage');
  return Response.json({ ok: true, message: describeImport(r), importId: r.importId, rows: r.rows, firstDay: r.firstDay, lastDay: r.lastDay });
}
