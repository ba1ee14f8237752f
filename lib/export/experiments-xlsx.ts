import { checkinRows, outcomeRows, rowsInBatches } from '@/db/queries/reports/export';
import { getHeadlineFigures } from '@/db/queries/dashboard/headline';
import { DEFINITIONS } from '@/lib/metrics/definitions';
import { headlineFigures, type HeadlineFigure } from '@/lib/metrics/headline';
import { experimentRowBatches } from '@/db/queries/reports/export-rows';
import type { FilterContext } from '@/db/queries/experiments/filters';
import type { Db } from '@/db/types';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { CHECKIN_COLUMNS, EXPERIMENT_COLUMNS, OUTCOME_COLUMNS, USAGE_COLUMNS, type Column } from './columns';
import { usageExportRows } from '@/db/queries/usage/export';
import type { UsageScope } from '@/db/queries/usage/filters';
import { xlsxStream, type SheetSpec, type SummaryLine } from './xlsx';

const sheet = <R>(name: string, columns: Column<R>[], rows: AsyncIterable<R[]>) => ({ name, columns, rows }) as SheetSpec<unknown>;

/**
 * The workbook of the selected experiments: Summary, Experiments, Outcomes, Check-ins, and the imported Usage of the
 * period (team, vendor and model filters; `usageScope`: a lead's own teams). `ids` are the experiments the scoped
 * `filters` select (for the outcome and check-in sheets).
 */
export async function experimentsWorkbook(
  db: Db,
  ids: number[],
  filters: ExperimentFilters,
  ctx: FilterContext & { organisation: string; currency: string; filterText: string; generatedAt: Date; usageScope?: UsageScope },
): Promise<ReadableStream<Uint8Array>> {
  // The dashboard's figures for the same filters (db/queries/dashboard/headline.ts), under its titles and definitions.
  const h = await getHeadlineFigures(db, filters, ctx);
  const { period, previous } = h.filters;
  return xlsxStream({
    currency: ctx.currency,
    title: `${ctx.organisation}: experiment export`,
    summary: [
      { label: 'Generated', value: ctx.generatedAt, kind: 'datetime' },
      { label: 'Filters', value: ctx.filterText || 'none (every experiment not archived)', kind: 'text' },
      { label: 'Period', value: `${period.from} to ${period.to}`, kind: 'text', previous: previous ? `${previous.from} to ${previous.to}` : null, note: DEFINITIONS.previousPeriod },
      { label: 'Experiments in this file', value: ids.length, kind: 'int', previous: null, note: 'Every experiment the filters select, whether or not it was active in the period (see the column "Active in the period").' },
      ...headlineFigures(h.current, h.previous).map((f) => summaryLine(f)),
    ],
    sheets: [
      sheet('Experiments', EXPERIMENT_COLUMNS, experimentRowBatches(db, filters, ctx)),
      sheet('Outcomes', OUTCOME_COLUMNS, rowsInBatches(ids, (b) => outcomeRows(db, b))),
      sheet('Check-ins', CHECKIN_COLUMNS, rowsInBatches(ids, (b) => checkinRows(db, b))),
      sheet('Usage', USAGE_COLUMNS, oneBatch(() => usageExportRows(db, h.filters, ctx.usageScope ?? null))),
    ],
  });
}

const KIND = { count: 'int', hours: 'hours', cents: 'money', share: 'percent', impact: 'number' } as const;

/** A headline figure as a Summary line: money in currency units, shares as fractions shown as percent. */
function summaryLine(f: HeadlineFigure): SummaryLine {
  const cell = (v: number | null) => (v == null ? null : f.kind === 'cents' ? v / 100 : v);
  return { label: f.title, value: cell(f.value), previous: cell(f.previous), kind: KIND[f.kind], note: f.definition, wholeNumbers: true };
}

/** A sheet's rows read in one query when the sheet is written. */
async function* oneBatch<R>(read: () => Promise<R[]>): AsyncGenerator<R[]> {
  yield await read();
}
