import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import type { CellKind, CellValue, Column } from './columns';

/** Excel's number format for money in the organisation's currency. */
export function currencyFormat(currency: string): string {
  const symbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CHF: 'CHF ' };
  const symbol = symbols[currency];
  return symbol ? `"${symbol}"#,##0.00` : `#,##0.00 "${currency}"`;
}

const WIDTHS: Record<CellKind, number> = { text: 22, longtext: 50, int: 10, number: 12, hours: 12, money: 14, percent: 10, date: 12, datetime: 20, bool: 10 };

function formatFor(kind: CellKind, currency: string): string | undefined {
  switch (kind) {
    case 'money':
      return currencyFormat(currency);
    case 'hours':
      return '#,##0.00';
    case 'percent':
      return '0.0%';
    case 'number':
      return '#,##0.##';
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    default:
      return undefined;
  }
}

/** The dashboard's rounding for a headline figure: whole hours, whole currency units, whole percent. */
function wholeFormat(kind: CellKind, currency: string): string | undefined {
  if (kind === 'money') return currencyFormat(currency).replace('#,##0.00', '#,##0');
  if (kind === 'percent') return '0%';
  if (kind === 'hours' || kind === 'number' || kind === 'int') return '#,##0';
  return formatFor(kind, currency);
}

/** An XLSX cell value: ISO dates become real dates, booleans yes/no, text is left as text (Excel never evaluates it). */
function cellFor(kind: CellKind, value: CellValue): ExcelJS.CellValue {
  if (value == null || value === '') return null;
  if (kind === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  if (kind === 'datetime' && typeof value === 'string') return new Date(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

export type SheetSpec<R> = { name: string; columns: readonly Column<R>[]; rows: AsyncIterable<R[]> };
/**
 * One line of the Summary sheet: a label and a value, optionally the previous period's value and a note
 * (a figure's definition). `wholeNumbers` shows the value rounded as the dashboard shows it; the cell keeps it exact.
 */
export type SummaryLine = { label: string; value: CellValue; kind: CellKind; previous?: CellValue; note?: string; wholeNumbers?: boolean };

/**
 * A streaming XLSX workbook (exceljs' WorkbookWriter): each row is committed as it is written, so the
 * file never sits in memory. A "Summary" sheet first, then one sheet per dataset with a frozen, filtered
 * header row, typed cells and column widths. exceljs is loaded here, on the first workbook, so the
 * routes that never write one (CSV, PDF) do not pay for it. `locale`: the reader's language for the Summary sheet.
 */
export async function xlsxStream(options: {
  locale?: Locale;
  currency: string;
  title: string;
  summary: SummaryLine[];
  sheets: SheetSpec<unknown>[];
}): Promise<ReadableStream<Uint8Array>> {
  const { default: ExcelJS } = await import('exceljs');
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Uplift';
  workbook.created = new Date();

  const t = translatorFor(options.locale ?? 'en', 'export');

  const write = async () => {
    const summary = workbook.addWorksheet(t('workbook.summary'));
    const withPrevious = options.summary.some((l) => l.previous !== undefined);
    summary.columns = [
      { header: options.title, key: 'label', width: 40 },
      { header: withPrevious ? t('workbook.thisPeriod') : '', key: 'value', width: 22 },
      ...(withPrevious ? [{ header: t('workbook.previousPeriod'), key: 'previous', width: 18 }, { header: t('workbook.definition'), key: 'note', width: 90 }] : []),
    ];
    summary.getRow(1).font = { bold: true, size: 14 };
    for (const line of options.summary) {
      const cells = [line.label, cellFor(line.kind, line.value)];
      if (withPrevious) cells.push(cellFor(line.kind, line.previous), line.note ?? null);
      const row = summary.addRow(cells);
      const fmt = line.wholeNumbers ? wholeFormat(line.kind, options.currency) : formatFor(line.kind, options.currency);
      if (fmt) {
        row.getCell(2).numFmt = fmt;
        if (withPrevious) row.getCell(3).numFmt = fmt;
      }
      if (line.note) row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
    summary.commit();

    for (const spec of options.sheets) {
      const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      // One style object per column, shared by all its cells: exceljs recognises a style object it has seen
      // and reuses its id, where a column style would be copied into a new object per cell and looked up
      // again (about 40% of the CPU of a large sheet).
      const styles: Partial<ExcelJS.Style>[] = spec.columns.map((c) => {
        const numFmt = formatFor(c.kind, options.currency);
        return { ...(numFmt ? { numFmt } : {}), ...(c.kind === 'longtext' ? { alignment: { wrapText: false } } : {}) };
      });
      sheet.columns = spec.columns.map((c, i) => ({ header: c.header, key: String(i), width: WIDTHS[c.kind] }));
      sheet.getRow(1).font = { bold: true };
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
      for await (const batch of spec.rows) {
        for (const r of batch) {
          const row = sheet.addRow(spec.columns.map((c) => cellFor(c.kind, c.value(r))));
          for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i];
          row.commit();
        }
        // Back-pressure: wait for a slow client instead of buffering the workbook.
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      sheet.commit();
    }
    await workbook.commit();
  };
  write().catch((err) => out.destroy(err as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
