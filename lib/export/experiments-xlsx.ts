import { checkinRows, exportSummary, outcomeRows, rowsInBatches } from '@/db/queries/export';
import { experimentRowBatches } from '@/db/queries/export-rows';
import type { FilterContext } from '@/db/queries/experiment-filters';
import type { Db } from '@/db/types';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { CHECKIN_COLUMNS, EXPERIMENT_COLUMNS, OUTCOME_COLUMNS, type Column } from './columns';
import { xlsxStream, type SheetSpec } from './xlsx';

const sheet = <R>(name: string, columns: Column<R>[], rows: AsyncIterable<R[]>) => ({ name, columns, rows }) as SheetSpec<unknown>;

/**
 * The workbook of the selected experiments: Summary, Experiments, Outcomes, Check-ins. `ids` are the
 * experiments the scoped `filters` select (for the outcome and check-in sheets).
 */
export async function experimentsWorkbook(
  db: Db,
  ids: number[],
  filters: ExperimentFilters,
  ctx: FilterContext & { organisation: string; currency: string; filterText: string; generatedAt: Date },
): Promise<ReadableStream<Uint8Array>> {
  const s = await exportSummary(db, filters, ctx);
  return xlsxStream({
    currency: ctx.currency,
    title: `${ctx.organisation}: experiment export`,
    summary: [
      { label: 'Generated', value: ctx.generatedAt, kind: 'datetime' },
      { label: 'Filters', value: ctx.filterText || 'none (every experiment not archived)', kind: 'text' },
      { label: 'Experiments', value: s.experiments, kind: 'int' },
      { label: 'Running', value: s.running, kind: 'int' },
      { label: 'Completed', value: s.completed, kind: 'int' },
      { label: 'Teams', value: s.teams, kind: 'int' },
      { label: 'Capability outcomes', value: s.outcomes, kind: 'int' },
      { label: 'Hours saved per month (running and completed)', value: s.hoursSavedPerMonth, kind: 'hours' },
      { label: 'Monthly spend (running)', value: s.spendMonthlyCents / 100, kind: 'money' },
      { label: 'One-off spend', value: s.spendOneOffCents / 100, kind: 'money' },
    ],
    sheets: [
      sheet('Experiments', EXPERIMENT_COLUMNS, experimentRowBatches(db, filters, ctx)),
      sheet('Outcomes', OUTCOME_COLUMNS, rowsInBatches(ids, (b) => outcomeRows(db, b))),
      sheet('Check-ins', CHECKIN_COLUMNS, rowsInBatches(ids, (b) => checkinRows(db, b))),
    ],
  });
}
