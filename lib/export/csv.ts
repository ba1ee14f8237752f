import Papa from 'papaparse';
import type { CellValue, Column } from './columns';

/** A plain number as a spreadsheet reads it: "-1", "12.5", "-0.25" (but not "-1+1" or "-cmd"). */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** What a spreadsheet treats as the start of a formula (OWASP CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a cell a spreadsheet would run as a formula by prefixing a single quote
 * (the OWASP advice); a plain negative number stays a number.
 */
export function neutralizeCell(value: CellValue): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return value.toISOString();
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) return `'${value}`;
  return value;
}

/**
 * One chunk of a CSV file: RFC 4180 quoting (papaparse), CRLF line ends, each line ending in CRLF
 * so chunks concatenate. The header goes in the first chunk only.
 */
export function csvChunk<R>(columns: readonly Column<R>[], rows: readonly R[], withHeader: boolean): string {
  const data = rows.map((r) => columns.map((c) => neutralizeCell(c.value(r))));
  if (withHeader) data.unshift(columns.map((c) => neutralizeCell(c.header)));
  if (data.length === 0) return '';
  // quotes: false quotes only cells that need it (comma, quote, CR/LF, leading/trailing space).
  return Papa.unparse(data, { newline: '\r\n', quotes: false, escapeFormulae: false }) + '\r\n';
}

/** A UTF-8 byte order mark, so Excel opens the file as UTF-8 (papaparse and other readers skip it). */
export const UTF8_BOM = '\uFEFF';
