import { checkinRows, outcomeRows, rowsInBatches } from '@/db/queries/reports/export';
import { getHeadlineFigures } from '@/db/queries/dashboard/headline';
import { headlineFigures, type HeadlineFigure } from '@/lib/metrics/headline';
import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import { experimentRowBatches } from '@/db/queries/reports/export-rows';
import type { FilterContext } from '@/db/queries/experiments/filters';
import type { Db } from '@/db/types';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { checkinColumns, experimentColumns, outcomeColumns, usageColumns, type Column } from './columns';
import { figureWords } from './figure-words';
import { usageExportRows } from '@/db/queries/usage/export';
import type { UsageScope } from '@/db/queries/usage/filters';
import { xlsxStream, type SheetSpec, type SummaryLine } from './xlsx';

const sheet = <R>(name: string, columns: Column<R>[], rows: AsyncIterable<R[]>) => ({ name, columns, rows }) as SheetSpec<unknown>;

/**
 * The workbook of the selected experiments: Summary, Experiments, Outcomes, Check-ins, and the imported Usage of the
 * period (team, vendor and model filters; `usageScope`: a lead's own teams). `ids` are the experiments the scoped
 * `filters` select (for the outcome and check-in sheets). `locale`: the reader's language (sheet names, headers, the Summary).
 */
export async function experimentsWorkbook(
  db: Db,
  ids: number[],
  filters: ExperimentFilters,
  ctx: FilterContext & { organisation: string; currency: string; filterText: string; generatedAt: Date; usageScope?: UsageScope; locale?: Locale },
): Promise<ReadableStream<Uint8Array>> {
  // The dashboard's figures for the same filters (db/queries/dashboard/headline.ts), under its titles and definitions.
  const h = await getHeadlineFigures(db, filters, ctx);
  const { period, previous } = h.filters;
  const locale = ctx.locale ?? 'en';
  const t = translatorFor(locale, 'export');
  const words = figureWords(locale);
  const range = (p: { from: string; to: string }) => t('values.period', p);
  return xlsxStream({
    locale,
    currency: ctx.currency,
    title: t('workbook.title', { organisation: ctx.organisation }),
    summary: [
      { label: t('workbook.generated'), value: ctx.generatedAt, kind: 'datetime' },
      { label: t('workbook.filters'), value: ctx.filterText || t('workbook.filtersNone'), kind: 'text' },
      { label: t('workbook.period'), value: range(period), kind: 'text', previous: previous ? range(previous) : null, note: words.definition('previousPeriod') },
      { label: t('workbook.experimentsInFile'), value: ids.length, kind: 'int', previous: null, note: t('workbook.experimentsInFileNote') },
      ...headlineFigures(h.current, h.previous).map((f) => summaryLine(f, words)),
    ],
    sheets: [
      sheet(t('workbook.sheets.experiments'), experimentColumns(locale), experimentRowBatches(db, filters, ctx)),
      sheet(t('workbook.sheets.outcomes'), outcomeColumns(locale), rowsInBatches(ids, (b) => outcomeRows(db, b))),
      sheet(t('workbook.sheets.checkins'), checkinColumns(locale), rowsInBatches(ids, (b) => checkinRows(db, b))),
      sheet(t('workbook.sheets.usage'), usageColumns(locale), oneBatch(() => usageExportRows(db, h.filters, ctx.usageScope ?? null))),
    ],
  });
}

const KIND = { count: 'int', hours: 'hours', cents: 'money', share: 'percent', impact: 'number' } as const;

/** A headline figure as a Summary line: money in currency units, shares as fractions shown as percent. */
function summaryLine(f: HeadlineFigure, words: ReturnType<typeof figureWords>): SummaryLine {
  const cell = (v: number | null) => (v == null ? null : f.kind === 'cents' ? v / 100 : v);
  return { label: words.title(f.id), value: cell(f.value), previous: cell(f.previous), kind: KIND[f.kind], note: words.figureDefinition(f.id), wholeNumbers: true };
}

/** A sheet's rows read in one query when the sheet is written. */
async function* oneBatch<R>(read: () => Promise<R[]>): AsyncGenerator<R[]> {
  yield await read();
}
