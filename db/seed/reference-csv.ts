import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

/** The shipped reference data set (../shared/reference, see db/seed/reference/SOURCES.md). */
export const referenceDir = path.join(process.cwd(), 'db', 'seed', 'reference');

export type ReferenceModelRow = {
  slug: string;
  name: string;
  vendor: string;
  release_date: string;
  input_usd_per_mtok: string;
  output_usd_per_mtok: string;
  gpqa_diamond_pct: string;
  training_flop: string;
  reasoning: string;
  open_weights: string;
  trains_on_user_data_by_default: string;
  source_price: string;
  source_gpqa: string;
  source_flop: string;
};

export type ReferencePriceRow = {
  slug: string;
  effective_date: string;
  input_usd_per_mtok: string;
  output_usd_per_mtok: string;
  source: string;
  note: string;
};

export function parseCsv<T>(text: string): T[] {
  const parsed = Papa.parse<T>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`CSV error on row ${parsed.errors[0].row}: ${parsed.errors[0].message}`);
  return parsed.data;
}

export function readReferenceModels(): ReferenceModelRow[] {
  return parseCsv<ReferenceModelRow>(fs.readFileSync(path.join(referenceDir, 'models.csv'), 'utf8'));
}

export function readReferencePrices(): ReferencePriceRow[] {
  return parseCsv<ReferencePriceRow>(fs.readFileSync(path.join(referenceDir, 'price_history.csv'), 'utf8'));
}

/** Epoch AI's April-2026 benchmark files shipped with the reference data (see epoch-2026-04/PROVENANCE.md). */
export const epochDir = path.join(referenceDir, 'epoch-2026-04');

/** The text of a file of the reference data set, by name (e.g. "benchmarks.csv"). */
export function readReferenceText(name: string): string {
  return fs.readFileSync(path.join(referenceDir, name), 'utf8');
}

/** Every CSV under a folder, keyed by its path inside the folder ("/"-separated), as an unzipped download. */
export function readCsvFolder(dir: string = epochDir): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (entry.endsWith('.csv')) files[entry.split(path.sep).join('/')] = fs.readFileSync(path.join(dir, entry), 'utf8');
  }
  return files;
}
