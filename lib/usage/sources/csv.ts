/**
 * The generic usage CSV, for any source without an API here:
 * `date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users`, one row per day, team and
 * model. Empty counts are 0, an empty cost is 0, an empty currency is USD, empty active users unknown. Cost is a
 * decimal in the currency's units, converted exactly to micro-units. Pure; lib/usage/csv-stream.ts reads a large
 * file row by row with the same rules.
 */
import Papa from 'papaparse';
import type { UsageRecord } from '../record';
import { decimalToMicros, fail, isDay, MAX_PARSE_CHARS, NUL_ERROR, type ParseResult } from './common';

export const CSV_COLUMNS = ['date', 'team', 'vendor', 'model', 'requests', 'input_tokens', 'output_tokens', 'cost', 'currency', 'active_users'] as const;
export const CSV_HEADER = CSV_COLUMNS.join(',');

/** The downloadable template: the header and two example rows. */
export const CSV_TEMPLATE = `${CSV_HEADER}\n2026-11-02,platform,Mistral AI,mistral-large-2,1250,1830000,412000,4.1875,EUR,18\n2026-11-02,,Cohere,command-r-plus,80,95000,21000,0.000123,USD,\n`;

const MAX_TEXT = 200;
const hasNulByte = (cell: string) => cell.includes('\u0000');

/** The header row's check: exactly the ten columns, in order (a byte-order mark and spaces are ignored). */
export function checkCsvHeader(cells: readonly string[]): string | null {
  if (cells.some(hasNulByte)) return NUL_ERROR;
  const got = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim().toLowerCase());
  if (got.length === CSV_COLUMNS.length && got.every((c, i) => c === CSV_COLUMNS[i])) return null;
  return `The first row must be exactly "${CSV_HEADER}" (it is "${cells.join(',').slice(0, 200)}").`;
}

/** A count cell of data row `row`, or the whole sentence that refuses it (one sentence, so the server-text dictionary can say it). */
function countCell(value: string, column: string, row: number): number | string {
  const s = value.trim();
  if (s === '') return 0;
  if (!/^\d{1,15}$/.test(s)) return `Row ${row}: ${column} must be a whole number of 0 or more (it is "${s.slice(0, 40)}").`;
  return Number(s);
}

/** One data row (row = its number in a spreadsheet, the header being 1) → a record, or the sentence that refuses it. */
export function csvRowToRecord(cells: readonly string[], row: number): UsageRecord | string {
  if (cells.some(hasNulByte)) return `Row ${row}: ${NUL_ERROR}`;
  if (cells.length !== CSV_COLUMNS.length) return `Row ${row} has ${cells.length} cells; every row needs the ${CSV_COLUMNS.length} columns of the header.`;
  const [date, team, vendor, model, requests, input, output, cost, currency, active] = cells.map((c) => c.trim());
  if (!isDay(date)) return `Row ${row}: date must be a day written YYYY-MM-DD (it is "${date.slice(0, 40)}").`;
  if (!vendor) return `Row ${row}: vendor is empty.`;
  for (const [name, v] of [['team', team], ['vendor', vendor], ['model', model]] as const) {
    if (v.length > MAX_TEXT) return `Row ${row}: ${name} is longer than ${MAX_TEXT} characters.`;
  }
  const counts = [countCell(requests, 'requests', row), countCell(input, 'input_tokens', row), countCell(output, 'output_tokens', row)];
  const bad = counts.find((c) => typeof c === 'string');
  if (bad) return bad;
  const micros = cost === '' ? 0 : /^-?\d+(\.\d+)?$/.test(cost) ? decimalToMicros(cost) : null;
  if (micros === null) return `Row ${row}: cost must be a decimal such as 12.50 (it is "${cost.slice(0, 40)}").`;
  const code = (currency || 'USD').toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return `Row ${row}: currency must be a three-letter code such as USD (it is "${currency.slice(0, 40)}").`;
  const users = active === '' ? null : countCell(active, 'active_users', row);
  if (typeof users === 'string') return users;
  return {
    day: date,
    externalTeam: team,
    vendor,
    externalModel: model,
    requests: counts[0] as number,
    inputTokens: counts[1] as number,
    outputTokens: counts[2] as number,
    costMicros: micros,
    currency: code,
    activeUsers: users,
    engagedUsers: null,
    details: null,
  };
}

export function parseCsv(text: string): ParseResult {
  if (text.length > MAX_PARSE_CHARS) return fail(`The CSV is larger than ${MAX_PARSE_CHARS / 1_000_000} MB; import it with \`npm run usage -- import csv <file>\`, which reads it row by row.`);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  // A quote left open; a stray quote inside a quoted cell is read as papaparse reads it (as lib/usage/csv-stream.ts).
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (quoteError) return fail(`The CSV has an unclosed quote near row ${(quoteError.row ?? 0) + 1}.`);
  const [header, ...rows] = parsed.data;
  if (!header) return fail('The CSV is empty.');
  const wrong = checkCsvHeader(header);
  if (wrong) return fail(wrong);
  const records: UsageRecord[] = [];
  for (const [i, cells] of rows.entries()) {
    const r = csvRowToRecord(cells, i + 2);
    if (typeof r === 'string') return fail(r);
    records.push(r);
  }
  if (!records.length) return fail('The CSV has a header but no rows.');
  return { ok: true, records };
}
