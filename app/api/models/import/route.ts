// POST /api/models/import – applies a catalog CSV (request body) in one transaction, streaming progress as NDJSON lines.
import { getDb } from '@/db';
import { listVendors } from '@/db/queries/models/details';
import { applyModelImport } from '@/db/queries/models/import';
import { authorizeRequest } from '@/lib/auth/guard';
import { isUniqueViolation } from '@/lib/security/db-errors';
import { importedBy, isoToday } from '@/lib/sources';
import { MAX_IMPORT_BYTES, parseModelImport } from '@/lib/validation/model-import';

export async function POST(request: Request) {
  const auth = await authorizeRequest('models.write');
  if (auth.response) return auth.response;
  // Cookies are SameSite=Lax already; refuse other origins anyway, since this changes data.
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin && origin !== process.env.BETTER_AUTH_URL)
    return Response.json({ error: 'Cross-origin request refused.' }, { status: 403 });
  const text = await request.text();
  if (text.length > MAX_IMPORT_BYTES) return Response.json({ error: 'The file is too large.' }, { status: 413 });
  const db = await getDb();
  const parsed = parseModelImport(text, await listVendors(db));
  if (parsed.fileError) return Response.json({ error: `${parsed.fileError} Nothing was changed.` }, { status: 400 });
  const actor = { id: auth.user.id, email: auth.user.email };
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (obj: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(obj)}\n`));
      try {
        const result = await db.transaction((tx) =>
          applyModelImport(tx, actor, parsed.rows, importedBy(auth.user.email, isoToday()), (done, total) => send({ done, total })),
        );
        send({ result });
      } catch (err) {
        // Never the driver's message (it quotes the SQL); a racing import of the same slugs is the likely cause.
        if (!isUniqueViolation(err)) console.error('model import failed', err);
        send({ error: `Nothing was changed: ${isUniqueViolation(err) ? 'another import added some of these models meanwhile; preview again' : 'the import failed'}.` });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
}
