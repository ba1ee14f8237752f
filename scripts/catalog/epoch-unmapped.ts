/**
 * Lists the Epoch AI model versions in the shipped benchmark files that model_aliases.csv does not map, and writes
 * them to db/seed/reference/epoch_unmapped.csv (tests/catalog-aliases.test.ts fails while the two disagree).
 * Usage: npx tsx scripts/catalog/epoch-unmapped.ts [--write]
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { readCsvFolder, readReferenceText, referenceDir } from '@/db/seed/reference-csv';
import { indexAliases, parseModelAliases, unmappedEpochVersions } from '@/lib/catalog/aliases';
import { parseBenchmarkRegistry } from '@/lib/catalog/benchmarks';
import { importEpochBenchmarks } from '@/lib/catalog/epoch-import';

export const UNMAPPED_FILE = path.join(referenceDir, 'epoch_unmapped.csv');

/** The unmapped list as CSV text, computed from the shipped files. */
export function unmappedCsv(): string {
  const registry = parseBenchmarkRegistry(readReferenceText('benchmarks.csv'));
  const aliases = parseModelAliases(readReferenceText('model_aliases.csv'));
  if (!registry.ok) throw new Error(registry.error);
  if (!aliases.ok) throw new Error(aliases.error);
  const epoch = importEpochBenchmarks(readCsvFolder(), registry.benchmarks);
  if (!epoch.ok) throw new Error(epoch.error);
  const rows = unmappedEpochVersions(indexAliases(aliases.aliases), epoch.data.modelVersions, epoch.data.scores).map((u) => ({
    external_id: u.externalId,
    epoch_model_name: u.epochModelName,
    release_date: u.releaseDate,
    scored_on: u.scoredOn.join(';'),
  }));
  return Papa.unparse(rows, { columns: ['external_id', 'epoch_model_name', 'release_date', 'scored_on'], newline: '\n' }) + '\n';
}

function main() {
  const text = unmappedCsv();
  const count = text.trim().split('\n').length - 1;
  if (process.argv.includes('--write')) {
    fs.writeFileSync(UNMAPPED_FILE, text);
    console.log(`Wrote ${count} unmapped Epoch model versions to ${path.relative(process.cwd(), UNMAPPED_FILE)}.`);
    return;
  }
  const committed = fs.existsSync(UNMAPPED_FILE) ? fs.readFileSync(UNMAPPED_FILE, 'utf8') : '';
  console.log(text);
  if (committed !== text) {
    console.error(`${count} unmapped versions; epoch_unmapped.csv is out of date: map the new versions in model_aliases.csv or rerun with --write.`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
