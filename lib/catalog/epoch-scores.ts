/**
 * Reading one of Epoch AI's per-benchmark CSV files into typed scores, by column name. Pure.
 */
import { toUnit, type BenchmarkUnit } from './benchmarks';
import { cellDate, cellNumber, pickColumn, readCsv } from './csv';
import { parseEpochVersion, type Effort } from './epoch-effort';

export type EpochScore = {
  /** Uplift's benchmark key (benchmarks.csv). */
  benchmark: string;
  /** Epoch's model version, as in the file (trimmed). */
  modelVersion: string;
  baseId: string;
  effort: Effort;
  /** The cell as written in Epoch's file. */
  fileValue: number;
  /** The score in the benchmark's unit: percent 0–100, ECI points or minutes. */
  score: number;
  /** Release date of the model version, as Epoch gives it. */
  modelDate: string | null;
  /** When Epoch started the run (Epoch-run files only). */
  runStarted: string | null;
  /** Epoch's row id (an Inspect log id or a record id), if the file has one. */
  runId: string | null;
  sourceFile: string;
  /** Row of the file as a spreadsheet numbers it (header = 1; a quoted multi-line cell stays one row). */
  row: number;
};

export type ScoreFileSpec = {
  benchmark: string;
  fileName: string;
  scoreColumn: string;
  scale: number;
  unit: BenchmarkUnit;
  /** Column names that may hold the model version, first match wins. */
  versionColumns?: readonly string[];
  dateColumns?: readonly string[];
};

export type ScoresResult = { ok: true; scores: EpochScore[] } | { ok: false; error: string };

const VERSION_COLUMNS = ['Model version', 'model_version'] as const;
const DATE_COLUMNS = ['Release date', 'date'] as const;

function outOfRange(spec: ScoreFileSpec, fileValue: number): boolean {
  const scaled = fileValue * spec.scale;
  // A small tolerance: Epoch writes fractions such as 1.0000000000000002.
  return spec.unit === 'percent' ? scaled < 0 || scaled > 1 + 1e-9 : scaled < 0;
}

export function readScoreFile(spec: ScoreFileSpec, text: string): ScoresResult {
  const read = readCsv(spec.fileName, text);
  if (!read.ok) return read;
  const table = read.table;
  const versionColumn = pickColumn(table, ...(spec.versionColumns ?? VERSION_COLUMNS));
  if (!versionColumn) return { ok: false, error: `${spec.fileName} has no "${(spec.versionColumns ?? VERSION_COLUMNS)[0]}" column.` };
  if (!table.columns.includes(spec.scoreColumn)) return { ok: false, error: `${spec.fileName} has no "${spec.scoreColumn}" column, where its scores should be.` };
  const dateColumn = pickColumn(table, ...(spec.dateColumns ?? DATE_COLUMNS));
  const idColumn = pickColumn(table, 'id');
  const startedColumn = pickColumn(table, 'Started at');

  const scores: EpochScore[] = [];
  for (const [i, row] of table.rows.entries()) {
    const rowNumber = i + 2;
    const version = (row[versionColumn] ?? '').trim();
    const fileValue = cellNumber(row[spec.scoreColumn]);
    // Epoch lists model versions without a score yet (e.g. ECI rows of brand-new models): not an error.
    if (!version || fileValue == null) continue;
    if (Number.isNaN(fileValue)) return { ok: false, error: `${spec.fileName} row ${rowNumber}: the score "${row[spec.scoreColumn]}" is not a number.` };
    if (outOfRange(spec, fileValue)) {
      return { ok: false, error: `${spec.fileName} row ${rowNumber}: the score ${fileValue} is out of range for a ${spec.unit} benchmark with scale ${spec.scale}.` };
    }
    const parsed = parseEpochVersion(version);
    scores.push({
      benchmark: spec.benchmark,
      modelVersion: parsed.version,
      baseId: parsed.baseId,
      effort: parsed.effort,
      fileValue,
      score: toUnit(spec, fileValue),
      modelDate: dateColumn ? cellDate(row[dateColumn]) : null,
      runStarted: startedColumn ? (row[startedColumn] || '').trim() || null : null,
      runId: idColumn ? (row[idColumn] || '').trim() || null : null,
      sourceFile: spec.fileName,
      row: rowNumber,
    });
  }
  return { ok: true, scores };
}
