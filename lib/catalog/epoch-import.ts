/**
 * Import of Epoch AI's benchmark download (benchmark_data.zip, or the folder it unpacks to) in both layouts
 * it has had:
 * - April 2026: one CSV per benchmark and epoch_capabilities_index.csv; which file and column hold which
 *   benchmark comes from Uplift's registry (benchmarks.csv).
 * - metadata-driven (Epoch's eci-public loader; readers of the live zip, Sept 2026): benchmark_metadata.csv names
 *   each benchmark's file, score column, scale, baselines and successor; a model table (eci_model_versions.csv or
 *   model_metadata.csv) gives each model version's group and date.
 * The caller passes a map of file name (path inside the zip or folder) to text. Every column is read by name.
 * Any problem gives one sentence and no data, so a bad file changes nothing. Pure.
 */
import type { BenchmarkDefinition } from './benchmarks';
import { cellDate, cellNumber, pickColumn, readCsv, type CsvTable } from './csv';
import { readScoreFile, type EpochScore } from './epoch-scores';

export type { EpochScore } from './epoch-scores';
export type EpochFiles = Readonly<Record<string, string>>;

/** The download is about 2.3 MB in ~80 CSVs (Sept 2026); the limits leave room for growth and stop a wrong upload. */
export const EPOCH_LIMITS = { maxFiles: 400, maxFileChars: 5_000_000, maxTotalChars: 30_000_000 } as const;

export type EpochBenchmarkInfo = {
  key: string;
  epochName: string | null;
  sourceFile: string;
  scoreColumn: string;
  scale: number;
  /** In the benchmark's unit (percent 0–100 for percent benchmarks), from benchmark_metadata.csv when present. */
  randomBaseline: number | null;
  scoreCeiling: number | null;
  /** Epoch's name of the benchmark that supersedes this one. */
  supersededBy: string | null;
  releaseDate: string | null;
  inEci: boolean | null;
};

export type EpochModelVersion = { modelVersion: string; modelGroup: string | null; date: string | null; displayName: string | null };

export type EpochImport = {
  layout: 'april-2026' | 'metadata';
  benchmarks: EpochBenchmarkInfo[];
  scores: EpochScore[];
  modelVersions: EpochModelVersion[];
  /** Uplift benchmarks the download has no scores for. */
  missing: string[];
  /** Epoch benchmarks in benchmark_metadata.csv that Uplift does not use (so an admin sees what is new). */
  notUsed: string[];
};

export type EpochImportResult = { ok: true; data: EpochImport } | { ok: false; error: string };

const METADATA = 'benchmark_metadata.csv';
const MODEL_TABLES = ['eci_model_versions.csv', 'model_metadata.csv'] as const;
const ECI_FILE = 'epoch_capabilities_index.csv';
/** ECI scores as readers of the Sept-2026 zip describe them (reported, not confirmed): used only without ECI_FILE. */
const ECI_SCORES = { fileName: 'eci_scores.csv', versionColumns: ['Model'], scoreColumn: 'eci', dateColumns: ['date'] } as const;

type Fail = { ok: false; error: string };
const fail = (error: string): Fail => ({ ok: false, error });
const baseName = (path: string) => path.split('/').pop() ?? path;

/** CSV files by base name; errors on size limits and on two files with the same name. */
function indexFiles(files: EpochFiles): { ok: true; byName: Map<string, string> } | Fail {
  const byName = new Map<string, string>();
  let total = 0;
  const entries = Object.entries(files).filter(([path]) => path.toLowerCase().endsWith('.csv') && !path.startsWith('__MACOSX/'));
  if (entries.length > EPOCH_LIMITS.maxFiles) return fail(`The download has ${entries.length} CSV files; more than ${EPOCH_LIMITS.maxFiles} is not Epoch's benchmark data.`);
  for (const [path, text] of entries) {
    const name = baseName(path);
    if (text.length > EPOCH_LIMITS.maxFileChars) return fail(`${name} is larger than ${EPOCH_LIMITS.maxFileChars / 1_000_000} MB, far more than any of Epoch's benchmark files.`);
    total += text.length;
    if (byName.has(name)) return fail(`The download has two files named ${name}.`);
    byName.set(name, text);
  }
  if (total > EPOCH_LIMITS.maxTotalChars) return fail(`The download is larger than ${EPOCH_LIMITS.maxTotalChars / 1_000_000} MB; Epoch's benchmark data is a few MB.`);
  return { ok: true, byName };
}

function table(byName: Map<string, string>, name: string): { ok: true; table: CsvTable } | Fail {
  return readCsv(name, byName.get(name)!);
}

function requireColumns(t: CsvTable, fileName: string, columns: readonly string[]): Fail | null {
  const missing = columns.filter((c) => !t.columns.includes(c));
  return missing.length ? fail(`${fileName} has no ${missing.map((c) => `"${c}"`).join(', ')} column${missing.length > 1 ? 's' : ''}.`) : null;
}

const cellBool = (v: string | undefined): boolean | null => {
  const s = (v ?? '').trim().toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : null;
};

function readModelTable(byName: Map<string, string>): { ok: true; models: EpochModelVersion[] } | Fail {
  const name = MODEL_TABLES.find((n) => byName.has(n));
  if (!name) return fail(`The download has ${METADATA} but no model table (${MODEL_TABLES.join(' or ')}).`);
  const read = table(byName, name);
  if (!read.ok) return read;
  const missing = requireColumns(read.table, name, ['model_version', 'model_group', 'date']);
  if (missing) return missing;
  const models = read.table.rows
    .filter((r) => (r.model_version ?? '').trim() !== '')
    .map((r) => ({
      modelVersion: r.model_version.trim(),
      modelGroup: r.model_group?.trim() || null,
      date: cellDate(r.date),
      displayName: r.display_name?.trim() || null,
    }));
  return { ok: true, models };
}

function modelsFromEci(t: CsvTable): EpochModelVersion[] {
  const group = pickColumn(t, 'Model name');
  const display = pickColumn(t, 'Display name');
  return t.rows
    .filter((r) => (r['Model version'] ?? '').trim() !== '')
    .map((r) => ({
      modelVersion: r['Model version'].trim(),
      modelGroup: (group && r[group]?.trim()) || null,
      date: cellDate(r['Release date']),
      displayName: (display && r[display]?.trim()) || null,
    }));
}

function infoFromRegistry(b: BenchmarkDefinition): EpochBenchmarkInfo {
  return {
    key: b.key, epochName: b.epochBenchmark, sourceFile: b.sourceFile, scoreColumn: b.scoreColumn, scale: b.scale,
    randomBaseline: b.randomBaseline, scoreCeiling: b.scoreCeiling, supersededBy: b.supersededBy, releaseDate: null, inEci: null,
  };
}

/** Reads the scores of one benchmark; the ECI falls back to eci_scores.csv when the April file is absent. */
function readBenchmark(byName: Map<string, string>, info: EpochBenchmarkInfo, def: BenchmarkDefinition): { ok: true; scores: EpochScore[] | null } | Fail {
  const spec = { benchmark: info.key, fileName: info.sourceFile, scoreColumn: info.scoreColumn, scale: info.scale, unit: def.unit };
  if (byName.has(info.sourceFile)) return readScoreFile(spec, byName.get(info.sourceFile)!);
  if (info.sourceFile === ECI_FILE && byName.has(ECI_SCORES.fileName)) {
    return readScoreFile({ ...spec, ...ECI_SCORES, scale: 1 }, byName.get(ECI_SCORES.fileName)!);
  }
  return { ok: true, scores: null };
}

function importApril(byName: Map<string, string>, registry: readonly BenchmarkDefinition[]): EpochImportResult {
  const missingFile = registry.find((b) => !byName.has(b.sourceFile));
  if (missingFile) return fail(`The download has no ${missingFile.sourceFile}, where Epoch keeps ${missingFile.name} scores.`);
  const eci = table(byName, ECI_FILE);
  if (!eci.ok) return eci;
  const noVersion = requireColumns(eci.table, ECI_FILE, ['Model version', 'Release date']);
  if (noVersion) return noVersion;
  const scores: EpochScore[] = [];
  const benchmarks = registry.map(infoFromRegistry);
  for (const [i, def] of registry.entries()) {
    const read = readBenchmark(byName, benchmarks[i], def);
    if (!read.ok) return read;
    scores.push(...(read.scores ?? []));
  }
  return { ok: true, data: { layout: 'april-2026', benchmarks, scores, modelVersions: modelsFromEci(eci.table), missing: [], notUsed: [] } };
}

function importMetadata(byName: Map<string, string>, registry: readonly BenchmarkDefinition[]): EpochImportResult {
  const meta = table(byName, METADATA);
  if (!meta.ok) return meta;
  const missingColumns = requireColumns(meta.table, METADATA, ['benchmark', 'source_file', 'score_column', 'scale']);
  if (missingColumns) return missingColumns;
  const models = readModelTable(byName);
  if (!models.ok) return models;

  const used = new Map<string, EpochBenchmarkInfo>();
  const notUsed: string[] = [];
  for (const [i, r] of meta.table.rows.entries()) {
    const name = (r.benchmark ?? '').trim();
    const sourceFile = baseName((r.source_file ?? '').trim());
    if (!name && !sourceFile) continue;
    const def = registry.find((b) => b.sourceFile === sourceFile) ?? registry.find((b) => b.epochBenchmark === name);
    if (!def) {
      notUsed.push(name || sourceFile);
      continue;
    }
    const scale = cellNumber(r.scale);
    if (scale == null || Number.isNaN(scale) || scale <= 0) return fail(`${METADATA} row ${i + 2}: the scale "${r.scale}" of ${name} is not a positive number.`);
    if (!byName.has(sourceFile)) return fail(`${METADATA} names ${sourceFile} for ${name}, but the download has no such file.`);
    // Epoch's baselines are fractions of the full score (after scale); Uplift keeps them in the benchmark's unit.
    const level = (v: string | undefined) => {
      const n = cellNumber(v);
      return n == null || Number.isNaN(n) ? null : def.unit === 'percent' ? n * 100 : n;
    };
    used.set(def.key, {
      key: def.key, epochName: name || def.epochBenchmark, sourceFile, scoreColumn: (r.score_column ?? '').trim(), scale,
      randomBaseline: level(r.random_baseline), scoreCeiling: level(r.score_ceiling),
      supersededBy: r.superseded_by?.trim() || null, releaseDate: cellDate(r.release_date), inEci: cellBool(r.in_eci),
    });
  }

  const scores: EpochScore[] = [];
  const benchmarks: EpochBenchmarkInfo[] = [];
  const missing: string[] = [];
  for (const def of registry) {
    const info = used.get(def.key) ?? infoFromRegistry(def);
    const read = readBenchmark(byName, info, def);
    if (!read.ok) return read;
    if (read.scores == null) {
      missing.push(def.key);
      continue;
    }
    benchmarks.push(info);
    scores.push(...read.scores);
  }
  // Files without a release date column take the model table's date.
  const dates = new Map(models.models.map((m) => [m.modelVersion, m.date]));
  for (const s of scores) if (s.modelDate == null) s.modelDate = dates.get(s.modelVersion) ?? null;
  return { ok: true, data: { layout: 'metadata', benchmarks, scores, modelVersions: models.models, missing, notUsed } };
}

/** Reads Epoch's download: the registry says which benchmarks Uplift uses and their units. */
export function importEpochBenchmarks(files: EpochFiles, registry: readonly BenchmarkDefinition[]): EpochImportResult {
  const indexed = indexFiles(files);
  if (!indexed.ok) return indexed;
  const { byName } = indexed;
  const result = byName.has(METADATA)
    ? importMetadata(byName, registry)
    : byName.has(ECI_FILE)
      ? importApril(byName, registry)
      : fail(`This is not Epoch AI's benchmark data: it has neither ${METADATA} nor ${ECI_FILE}.`);
  if (result.ok && result.data.scores.length === 0) return fail("The download holds no scores for the benchmarks Uplift uses.");
  return result;
}

