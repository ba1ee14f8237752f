import { authorizeRequest } from '@/lib/auth/guard';
import { importTemplateCsv } from '@/lib/validation/experiment-import';

/** The CSV template with its columns and one example row. */
export async function GET() {
  const { response } = await authorizeRequest('experiments.read');
  if (response) return response;
  return new Response(`\uFEFF${importTemplateCsv()}\r\n`, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="uplift-experiments-template.csv"' },
  });
}
