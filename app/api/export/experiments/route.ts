import { getDb } from '@/db';
import { orderedExperimentIds } from '@/db/queries/reports/export';
import { getSettings } from '@/db/queries/admin/settings';
import { authorizeRequest } from '@/lib/auth/guard';
import { childrenCsv, CSV_DATASETS, filteredExperimentsCsv, usageCsv, type CsvDataset } from '@/lib/export/experiments-csv';
import { resolveHeadlineFilters } from '@/db/queries/dashboard/headline';
import { teamScope } from '@/lib/auth/permissions';
import { experimentsWorkbook } from '@/lib/export/experiments-xlsx';
import { datedFilename, downloadHeaders } from '@/lib/export/http';
import { iteratorToStream } from '@/lib/export/stream';
import { requestLocale } from '@/lib/export/request-locale';
import { scopedExportQuery } from '@/lib/export/scoped-query';
import { filtersLine } from '@/components/filters/chip-text';
import { translatorFor } from '@/i18n/translator';
import { namesForFilters } from '@/db/queries/experiments/filter-names';

export const dynamic = 'force-dynamic';

/**
 * GET /api/export/experiments?format=csv|xlsx&dataset=experiments|outcomes|checkins|usage&<experiment filters>
 * Exactly the experiments the list shows for the same filters (a lead: their own teams only), streamed. `usage` is
 * the imported usage of the filters' period (else the dashboard's default), by month, team, vendor and model.
 * Headers, sheet names and coded values are in the requester's language (i18n/request.ts); numbers and dates stay ISO.
 */
export async function GET(request: Request) {
  const auth = await authorizeRequest('reports.export');
  if (auth.response) return auth.response;
  const { params, filters, ctx } = scopedExportQuery(auth.user, request);
  const format = params.get('format') ?? 'csv';
  const dataset = (params.get('dataset') ?? 'experiments') as CsvDataset;
  if (format !== 'csv' && format !== 'xlsx') return Response.json({ error: 'format must be csv or xlsx.' }, { status: 400 });
  if (!CSV_DATASETS.includes(dataset)) return Response.json({ error: 'dataset must be experiments, outcomes, checkins or usage.' }, { status: 400 });

  const db = await getDb();
  const locale = requestLocale(request, auth.user);
  const usageScope = teamScope(auth.user).leadsOwnTeams;

  if (format === 'csv' && dataset === 'usage') {
    const f = await resolveHeadlineFilters(db, filters, ctx);
    return new Response(iteratorToStream(usageCsv(db, f, usageScope, locale)), { headers: downloadHeaders(datedFilename('usage', 'csv'), 'csv') });
  }
  if (format === 'csv' && dataset === 'experiments') {
    // The first batch is read before the response starts: a failing query is a 500, not a broken 200.
    const body = await filteredExperimentsCsv(db, filters, ctx, { locale });
    return new Response(body, { headers: downloadHeaders(datedFilename('experiments', 'csv'), 'csv') });
  }
  const ids = await orderedExperimentIds(db, filters, ctx);
  if (format === 'csv') {
    const csv = childrenCsv(db, ids, dataset as Exclude<CsvDataset, 'experiments' | 'usage'>, locale);
    return new Response(iteratorToStream(csv), { headers: downloadHeaders(datedFilename(`experiments-${dataset}`, 'csv'), 'csv') });
  }
  const settings = await getSettings(db);
  const body = await experimentsWorkbook(db, ids, filters, {
    ...ctx,
    organisation: settings.name,
    currency: settings.currency,
    filterText: filtersLine(filters, await namesForFilters(db), { t: translatorFor(locale, 'filters'), tl: translatorFor(locale, 'labels') }),
    generatedAt: new Date(),
    usageScope,
    locale,
  });
  return new Response(body, { headers: downloadHeaders(datedFilename('experiments', 'xlsx'), 'xlsx') });
}
