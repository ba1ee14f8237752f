import { openApiDocument } from '@/lib/api/openapi';
import { publicUrl } from '@/lib/auth/secret';

export const dynamic = 'force-dynamic';

/** GET /api/v1/openapi.json: public (it holds no data), so tools can read it before they have a token. */
export async function GET() {
  return Response.json(openApiDocument(publicUrl()), { headers: { 'Cache-Control': 'no-store' } });
}
