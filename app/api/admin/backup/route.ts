import { Readable } from 'node:stream';
import { getHandle } from '@/db';
import { openBackup } from '@/db/backup/create';
import { fileSource, restoreLimitMb } from '@/db/backup/read';
import { restoreBackup, RestoreError } from '@/db/backup/restore';
import { saveUpload } from '@/db/backup/upload';
import { writeAudit } from '@/db/queries/admin/audit';
import { authorizeRequest } from '@/lib/auth/guard';
import { datedFilename } from '@/lib/export/http';
import { proxyHops } from '@/lib/security/forwarded';
import { checkOrigin } from '@/lib/security/origin';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * GET /api/admin/backup: the whole instance (every table but sessions; password hashes included)
 * as gzip-compressed JSON, streamed. Admins only; recorded in the audit trail.
 */
export async function GET() {
  const auth = await authorizeRequest('admin.backup');
  if (auth.response) return auth.response;
  const { db, kind } = await getHandle();
  await writeAudit(db, { actor: auth.user, action: 'backup.download', entityType: 'instance', entityId: 0, before: null, after: null });
  // One snapshot, written to a private temporary file first, then sent (the file goes when the stream closes).
  const file = await openBackup(db, kind, { gzip: true });
  const body = Readable.toWeb(file) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      'Content-Type': 'application/gzip',
      'Content-Disposition': `attachment; filename="${datedFilename('backup', 'json.gz')}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * POST /api/admin/backup: restores an uploaded backup (multipart field "file", JSON or gzip) into an
 * instance that has no experiments yet. Everything is validated first and applied in one transaction;
 * afterwards the backup's users replace everyone, including the admin who uploaded it.
 */
export async function POST(request: Request) {
  const auth = await authorizeRequest('admin.backup');
  if (auth.response) return auth.response;
  // The upload bypasses proxy.ts (see its matcher), so the cross-site check it makes is made here.
  const origin = checkOrigin(request.method, request.headers, new URL(request.url), { publicUrl: process.env.BETTER_AUTH_URL, proxyHops: proxyHops() });
  if (!origin.ok) return Response.json({ error: 'This request came from another site and was refused.' }, { status: 403, headers: NO_STORE });
  // Streamed to a private temporary file, at most UPLIFT_RESTORE_MAX_MB; read from there twice (check, then insert).
  const upload = await saveUpload(request, 'file', restoreLimitMb());
  if ('error' in upload) return Response.json({ error: `Nothing was restored: ${upload.error}` }, { status: 400, headers: NO_STORE });
  const { db } = await getHandle();
  try {
    const { head, counts } = await restoreBackup(db, fileSource(upload.file));
    await writeAudit(db, { actor: null, action: 'backup.restore', entityType: 'instance', entityId: 0, after: { by: auth.user.email, source: head.source, createdAt: head.createdAt, counts } });
    return Response.json({ ok: true, counts }, { headers: NO_STORE });
  } catch (err) {
    const message = err instanceof RestoreError ? err.message : `the database refused the data (${(err as Error).message.split('\n')[0]}).`;
    return Response.json({ error: `Nothing was restored: ${message}` }, { status: 400, headers: NO_STORE });
  } finally {
    await upload.remove();
  }
}
