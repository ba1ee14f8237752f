// GET /api/admin/usage/template – the generic usage CSV's header with two example rows.
import { authorizeRequest } from '@/lib/auth/guard';
import { CSV_TEMPLATE } from '@/lib/usage/sources/csv';

export async function GET() {
  const auth = await authorizeRequest('admin.settings');
  if (auth.response) return auth.response;
  return new Response(CSV_TEMPLATE, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="uplift-usage-template.csv"', 'cache-control': 'no-store' },
  });
}
