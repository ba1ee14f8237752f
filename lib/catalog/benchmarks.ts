/**
 * Benchmarks as data (db/seed/reference/benchmarks.csv): what each measures, its unit and scale, baselines,
 * and where Epoch AI's download keeps its scores. Pure: the caller passes the file's text.
 */
import { z } from 'zod';
import { readCsv } from './csv';

export const MEASURES = ['general', 'science', 'coding', 'maths', 'task_length'] as const;
export const UNITS = ['percent', 'index', 'minutes'] as const;
export type BenchmarkUnit = (typeof UNITS)[number];

const optionalNumber = z.preprocess((v) => (v === '' || v == null ? null : Number(v)), z.number().finite().nullable());
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const text = z.string().trim();

/** One row of benchmarks.csv. Baselines and ceiling are in the benchmark's unit (percent: 0–100). */
export const benchmarkRowSchema = z.object({
  key: text.regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and underscores'),
  name: text.min(1),
  measures: z.enum(MEASURES),
  description: text.min(1),
  unit: z.enum(UNITS),
  /** As Epoch's benchmark_metadata.csv: file value × scale = fraction 0–1 (percent) or the unit's value (others). */
  scale: z.coerce.number().positive(),
  random_baseline: optionalNumber,
  score_ceiling: optionalNumber,
  superseded_by: text.transform((v) => v || null),
  human_expert: optionalNumber,
  human_non_expert: optionalNumber,
  human_baseline_source: text.transform((v) => v || null),
  /** Scores differ by reasoning effort and the source has several efforts per model (the second scaling law). */
  per_effort: bool,
  default_axis: bool,
  source_file: text.regex(/^[\w./-]+\.csv$/, 'must name a .csv file'),
  score_column: text.min(1),
  /** The benchmark's name in Epoch's files (benchmark_metadata.csv, ECI difficulties), if Epoch uses one. */
  epoch_benchmark: text.transform((v) => v || null),
  source: text.min(1),
});

export type BenchmarkDefinition = {
  key: string;
  name: string;
  measures: (typeof MEASURES)[number];
  description: string;
  unit: BenchmarkUnit;
  scale: number;
  randomBaseline: number | null;
  scoreCeiling: number | null;
  supersededBy: string | null;
  humanExpert: number | null;
  humanNonExpert: number | null;
  humanBaselineSource: string | null;
  perEffort: boolean;
  defaultAxis: boolean;
  sourceFile: string;
  scoreColumn: string;
  epochBenchmark: string | null;
  source: string;
};

export type RegistryResult = { ok: true; benchmarks: BenchmarkDefinition[] } | { ok: false; error: string };

/** A value as read from Epoch's file, in the benchmark's unit (percent 0–100, ECI points, minutes). */
export function toUnit(def: Pick<BenchmarkDefinition, 'unit' | 'scale'>, fileValue: number): number {
  const v = fileValue * def.scale;
  return def.unit === 'percent' ? v * 100 : v;
}

export function parseBenchmarkRegistry(csvText: string, fileName = 'benchmarks.csv'): RegistryResult {
  const read = readCsv(fileName, csvText);
  if (!read.ok) return read;
  const out: BenchmarkDefinition[] = [];
  for (const [i, raw] of read.table.rows.entries()) {
    const parsed = benchmarkRowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `${fileName} row ${i + 2}, column ${String(issue.path[0])}: ${issue.message}.` };
    }
    const r = parsed.data;
    out.push({
      key: r.key, name: r.name, measures: r.measures, description: r.description, unit: r.unit, scale: r.scale,
      randomBaseline: r.random_baseline, scoreCeiling: r.score_ceiling, supersededBy: r.superseded_by,
      humanExpert: r.human_expert, humanNonExpert: r.human_non_expert, humanBaselineSource: r.human_baseline_source,
      perEffort: r.per_effort, defaultAxis: r.default_axis, sourceFile: r.source_file, scoreColumn: r.score_column,
      epochBenchmark: r.epoch_benchmark, source: r.source,
    });
  }
  const keys = new Set<string>();
  for (const b of out) {
    if (keys.has(b.key)) return { ok: false, error: `${fileName} lists the benchmark "${b.key}" twice.` };
    keys.add(b.key);
  }
  const bad = out.find((b) => b.supersededBy && !keys.has(b.supersededBy));
  if (bad) return { ok: false, error: `${fileName}: "${bad.key}" is superseded by "${bad.supersededBy}", which is not listed.` };
  const defaults = out.filter((b) => b.defaultAxis).length;
  if (defaults !== 1) return { ok: false, error: `${fileName} must mark exactly one benchmark as the default axis (it marks ${defaults}).` };
  return { ok: true, benchmarks: out };
}
