import { getDb } from '@/db';
import { executiveReportData } from '@/db/queries/reports/executive-report';
import { getSettings } from '@/db/queries/admin/settings';
import { authorizeRequest } from '@/lib/auth/guard';
import { datedFilename, downloadHeaders } from '@/lib/export/http';
import { executiveReportPdf } from '@/lib/export/pdf/executive-report';
import { requestLocale } from '@/lib/export/request-locale';
import { scopedExportQuery } from '@/lib/export/scoped-query';
import { filtersLine } from '@/components/filters/chip-text';
import { translatorFor } from '@/i18n/translator';
import { namesForFilters } from '@/db/queries/experiments/filter-names';

export const dynamic = 'force-dynamic';

/**
 * GET /api/reports/executive?format=pdf&paper=a4|letter&<dashboard / experiment filters>
 * The board-ready PDF for the filters' period (default: the last 90 days), scoped like the exports, in the requester's language.
 */
export async function GET(request: Request) {
  const auth = await authorizeRequest('reports.export');
  if (auth.response) return auth.response;
  const { params, filters, ctx } = scopedExportQuery(auth.user, request);
  if ((params.get('format') ?? 'pdf') !== 'pdf') return Response.json({ error: 'format must be pdf.' }, { status: 400 });
  const paper = params.get('paper') === 'letter' ? 'letter' : 'a4';

  const db = await getDb();
  const locale = requestLocale(request, auth.user);
  const data = await executiveReportData(db, filters, ctx);
  const settings = await getSettings(db);
  const body = executiveReportPdf(data, {
    organisation: settings.name,
    currency: settings.currency,
    filterText: filtersLine({ ...filters, from: undefined, to: undefined }, await namesForFilters(db), { t: translatorFor(locale, 'filters'), tl: translatorFor(locale, 'labels') }),
    generatedAt: new Date(),
    paper,
    locale,
  });
  return new Response(body, { headers: downloadHeaders(datedFilename('executive-report', 'pdf'), 'pdf') });
}
