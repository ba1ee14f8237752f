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
 * Separators other than the comma that spreadsheets split on: `;` is the list separator in many locales
 * (Excel in Germany, France, Italy… opens a .csv by it) and tab is the one pasted text and LibreOffice's
 * import often use. A cell holding one is quoted, so it stays one cell wherever the file is opened.
 */
export const OTHER_SEPARATORS = /[;\t]/;

/** What makes a cell need quotes: RFC 4180's comma, quote, CR and LF; a BOM or edge space (papaparse's rule); and OTHER_SEPARATORS. */
const NEEDS_QUOTES = /[",;\t\r\n\uFEFF]|^ | $/;

/**
 * One cell as RFC 4180 writes it, quoting only when needed; byte for byte what Papa.unparse writes with
 * `quotes: (v) => OTHER_SEPARATORS.test(v)` (tests/export-csv.test.ts compares them). Written out because it
 * is several times faster than papaparse on a 100,000-row export, which builds an array per row first;
 * papaparse still reads imports.
 */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Whole rows as a CSV file (a template, say): the same quoting and formula neutralising as csvChunk. */
export function csvRows(rows: readonly (readonly CellValue[])[]): string {
  return rows.map((row) => row.map((cell) => csvField(neutralizeCell(cell))).join(',')).join('\r\n') + '\r\n';
}

/**
 * One chunk of a CSV file: RFC 4180 quoting, each line ending in CRLF so chunks concatenate. Every
 * cell goes through neutralizeCell (formula injection). The header goes in the first chunk only.
 */
export function csvChunk<R>(columns: readonly Column<R>[], rows: readonly R[], withHeader: boolean): string {
  const lines: string[] = [];
  const cells: string[] = new Array<string>(columns.length);
  if (withHeader) lines.push(columns.map((c) => csvField(neutralizeCell(c.header))).join(','));
  for (const r of rows) {
    for (let i = 0; i < columns.length; i++) cells[i] = csvField(neutralizeCell(columns[i].value(r)));
    lines.push(cells.join(','));
  }
  // Flat strings (join) rather than a rope of += pieces: far less garbage on a large export.
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}

/** A UTF-8 byte order mark, so Excel opens the file as UTF-8 (papaparse and other readers skip it). */
export const UTF8_BOM = '\uFEFF';
