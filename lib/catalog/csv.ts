/**
 * Reading a CSV file by column name with papaparse (quoted multi-line cells are common in Epoch's notes
 * columns), turning any problem into one sentence that names the file. Pure.
 */
import Papa from 'papaparse';

export type CsvTable = { columns: string[]; rows: Record<string, string>[] };
export type CsvResult = { ok: true; table: CsvTable } | { ok: false; error: string };

/** Parses `text`; blank lines are skipped, a byte-order mark and spaces around header names are dropped. */
export function readCsv(fileName: string, text: string): CsvResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const columns = parsed.meta.fields ?? [];
  const first = parsed.errors[0];
  if (first) {
    // Rows as a spreadsheet numbers them (header = 1). Papaparse counts data rows from 0, except for quote
    // errors, which it counts from the header.
    const row = first.row == null ? null : first.type === 'Quotes' ? first.row + 1 : first.row + 2;
    const where = row != null ? ` at row ${row}` : '';
    const why = first.code === 'TooFewFields' ? 'a row has fewer cells than the header (is the file cut short?)' : first.message;
    return { ok: false, error: `${fileName} is not a valid CSV file${where}: ${why}.` };
  }
  if (columns.length === 0) return { ok: false, error: `${fileName} is empty.` };
  return { ok: true, table: { columns, rows: parsed.data } };
}

/** The first of `names` that the table has, or null. */
export function pickColumn(table: CsvTable, ...names: string[]): string | null {
  return names.find((n) => table.columns.includes(n)) ?? null;
}

/** A number from a cell, null for an empty cell, NaN for anything else. */
export function cellNumber(value: string | undefined): number | null {
  const s = (value ?? '').trim();
  return s === '' ? null : Number(s);
}

/** An ISO date (YYYY-MM-DD) from a cell, or null when the cell is empty or not such a date. */
export function cellDate(value: string | undefined): string | null {
  const s = (value ?? '').trim().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
}
