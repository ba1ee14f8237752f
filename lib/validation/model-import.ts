/**
 * Validation of a catalog CSV (the columns of db/seed/reference/models.csv), row by row, so the
 * preview can say for each row what will happen and why a row is rejected. Pure: no database.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { csvText } from '@/lib/security/clean-text';
import { SLUG_PATTERN } from './model';
import { isRealDay } from './day';

export const IMPORT_COLUMNS = [
  'slug', 'name', 'vendor', 'release_date', 'input_usd_per_mtok', 'output_usd_per_mtok', 'gpqa_diamond_pct', 'training_flop',
  'reasoning', 'open_weights', 'trains_on_user_data_by_default', 'source_price', 'source_gpqa', 'source_flop',
] as const;
const REQUIRED_COLUMNS = ['slug', 'name', 'vendor', 'release_date'] as const;
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 2_000_000;

export type ImportRowData = {
  slug: string;
  name: string;
  vendor: string;
  releaseDate: string;
  input: number | null;
  output: number | null;
  gpqa: number | null;
  trainingFlop: number | null;
  reasoning: boolean;
  openWeights: boolean;
  dataPolicy: 'trains' | 'no_training' | 'unknown';
  sourcePrice: string | null;
  sourceGpqa: string | null;
  sourceFlop: string | null;
};
export type ImportRow = { line: number; slug: string; reasons: string[]; data: ImportRowData | null };
export type ParsedImport = { fileError: string | null; rows: ImportRow[] };

const num = (s: string | undefined) => (s == null || s.trim() === '' ? null : Number(s.trim()));
const bool = z.enum(['true', 'false', '']);

/** Checks one row; `seen` holds the slugs of earlier rows, to reject duplicates within the file. */
export function validateImportRow(raw: Record<string, string | undefined>, line: number, knownVendors: readonly string[], seen: Set<string>): ImportRow {
  const get = (k: string) => (raw[k] ?? '').trim();
  const reasons: string[] = [];
  const slug = get('slug');
  if (!SLUG_PATTERN.test(slug)) reasons.push(slug ? `slug "${slug}" may only use lower-case letters, digits, dots and dashes` : 'slug is empty');
  else if (seen.has(slug)) reasons.push(`duplicate slug "${slug}" (an earlier row of this file has it)`);
  seen.add(slug);
  if (!get('name')) reasons.push('name is empty');

  const vendor = get('vendor');
  if (!knownVendors.includes(vendor)) {
    const near = knownVendors.find((v) => v.toLowerCase().replace(/\s+/g, '') === vendor.toLowerCase().replace(/\s+/g, ''));
    if (near) reasons.push(`unknown vendor spelling "${vendor}" (did you mean "${near}"?)`);
    else reasons.push(vendor ? `unknown vendor "${vendor}" (known: ${knownVendors.join(', ')}; add a new vendor with the model form first)` : 'vendor is empty');
  }
  const releaseDate = get('release_date');
  if (!isRealDay(releaseDate)) reasons.push(`release_date "${releaseDate}" is not a date (use YYYY-MM-DD)`);

  const input = num(get('input_usd_per_mtok'));
  const output = num(get('output_usd_per_mtok'));
  for (const [label, v] of [['input_usd_per_mtok', input], ['output_usd_per_mtok', output]] as const) {
    if (v != null && Number.isNaN(v)) reasons.push(`${label} "${get(label)}" is not a number`);
    else if (v != null && v < 0) reasons.push(`${label} is negative (${v})`);
  }
  if ((input == null) !== (output == null)) reasons.push('give both input and output prices, or neither');
  const gpqa = num(get('gpqa_diamond_pct'));
  if (gpqa != null && (Number.isNaN(gpqa) || gpqa < 0 || gpqa > 100)) reasons.push(`gpqa_diamond_pct "${get('gpqa_diamond_pct')}" is not a percentage between 0 and 100`);
  const flop = num(get('training_flop'));
  if (flop != null && (Number.isNaN(flop) || flop <= 0)) reasons.push(`training_flop "${get('training_flop')}" is not a positive number`);
  for (const k of ['reasoning', 'open_weights'] as const) if (!bool.safeParse(get(k)).success) reasons.push(`${k} "${get(k)}" must be true or false`);
  const policy = get('trains_on_user_data_by_default');
  if (!['true', 'false', 'unknown', ''].includes(policy)) reasons.push(`trains_on_user_data_by_default "${policy}" must be true, false or unknown`);

  if (reasons.length) return { line, slug, reasons, data: null };
  return {
    line,
    slug,
    reasons,
    data: {
      slug,
      name: get('name'),
      vendor,
      releaseDate,
      input,
      output,
      gpqa,
      trainingFlop: flop,
      reasoning: get('reasoning') === 'true',
      openWeights: get('open_weights') === 'true',
      dataPolicy: policy === 'true' ? 'trains' : policy === 'false' ? 'no_training' : 'unknown',
      sourcePrice: get('source_price') || null,
      sourceGpqa: get('source_gpqa') || null,
      sourceFlop: get('source_flop') || null,
    },
  };
}

/** Parses and checks a whole file. A file-level problem (not CSV, missing columns, too big) rejects the file. */
export function parseModelImport(text: string, knownVendors: readonly string[]): ParsedImport {
  if (text.length > MAX_IMPORT_BYTES) return { fileError: `The file is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB.`, rows: [] };
  const checked = csvText(text);
  if (checked.error !== undefined) return { fileError: checked.error, rows: [] };
  const parsed = Papa.parse<Record<string, string>>(checked.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const fields = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length) return { fileError: `The file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. Use the columns of the shipped models.csv.`, rows: [] };
  if (parsed.data.length === 0) return { fileError: 'The file has no rows.', rows: [] };
  if (parsed.data.length > MAX_IMPORT_ROWS) return { fileError: `The file has more than ${MAX_IMPORT_ROWS} rows.`, rows: [] };
  const seen = new Set<string>();
  // Line numbers as a spreadsheet shows them: the header is line 1.
  const rows = parsed.data.map((raw, i) => validateImportRow(raw, i + 2, knownVendors, seen));
  for (const e of parsed.errors) {
    const row = e.row != null ? rows[e.row] : undefined;
    if (row) {
      row.reasons.push(`not valid CSV: ${e.message}`);
      row.data = null;
    }
  }
  return { fileError: null, rows };
}
