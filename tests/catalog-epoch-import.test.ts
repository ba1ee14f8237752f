import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsvFolder, readReferenceText } from '@/db/seed/reference-csv';
import { parseBenchmarkRegistry, type BenchmarkDefinition } from '@/lib/catalog/benchmarks';
import { EPOCH_LIMITS, importEpochBenchmarks, type EpochFiles, type EpochImport } from '@/lib/catalog/epoch-import';

const registryResult = parseBenchmarkRegistry(readReferenceText('benchmarks.csv'));
if (!registryResult.ok) throw new Error(registryResult.error);
const registry: BenchmarkDefinition[] = registryResult.benchmarks;
const april = readCsvFolder();
const fixture = readCsvFolder(path.join(process.cwd(), 'tests', 'fixtures', 'epoch-metadata-layout'));

function load(files: EpochFiles): EpochImport {
  const r = importEpochBenchmarks(files, registry);
  if (!r.ok) throw new Error(r.error);
  return r.data;
}
const errorOf = (files: EpochFiles) => {
  const r = importEpochBenchmarks(files, registry);
  return r.ok ? null : r.error;
};
const count = (data: EpochImport) => Object.fromEntries(registry.map((b) => [b.key, data.scores.filter((s) => s.benchmark === b.key).length]));
const scoresOf = (data: EpochImport, benchmark: string, baseId: string) =>
  Object.fromEntries(data.scores.filter((s) => s.benchmark === benchmark && s.baseId === baseId).map((s) => [s.effort, s.score]));

describe('Epoch April-2026 files (the shipped copy)', () => {
  const data = load(april);

  it('reads every benchmark Uplift uses, by column name', () => {
    expect(data.layout).toBe('april-2026');
    expect(count(data)).toEqual({ eci: 348, gpqa_diamond: 157, swe_bench_verified: 25, frontiermath: 89, frontiermath_tier_4: 59, otis_mock_aime: 130, metr_time_horizon: 46 });
    expect(data.modelVersions).toHaveLength(591);
    expect(data.modelVersions.find((m) => m.modelVersion === 'gpt-5.4-2026-03-05_xhigh')).toEqual({ modelVersion: 'gpt-5.4-2026-03-05_xhigh', modelGroup: 'GPT-5.4', date: '2026-03-05', displayName: 'GPT-5.4 (xhigh)' });
  });

  it('shows the second scaling law: GPT-5.1 on FrontierMath at each effort', () => {
    const fm = data.scores.filter((s) => s.benchmark === 'frontiermath' && s.baseId === 'gpt-5.1-2025-11-13');
    expect(fm.map((s) => [s.effort, s.fileValue])).toEqual([
      ['none', 0.02097902097902098],
      ['low', 0.17301038062283736],
      ['medium', 0.2689655172413793],
      ['high', 0.3103448275862069],
    ]);
    expect(fm.map((s) => Math.round(s.score))).toEqual([2, 17, 27, 31]);
    const o3 = scoresOf(data, 'frontiermath', 'o3-2025-04-16');
    const o4 = scoresOf(data, 'frontiermath', 'o4-mini-2025-04-16');
    expect([o3.low, o3.medium, o3.high].map((v) => v.toFixed(1))).toEqual(['9.7', '16.9', '18.7']);
    expect([o4.low, o4.medium, o4.high].map((v) => v.toFixed(1))).toEqual(['10.7', '19.0', '24.8']);
  });

  it('has one Epoch run of o1-preview on GPQA Diamond: 50.3%, below o1-mini at high effort', () => {
    const runs = data.scores.filter((s) => s.benchmark === 'gpqa_diamond' && s.baseId === 'o1-preview-2024-09-12');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ fileValue: 0.5031565656565656, runId: '7CkADTsoNbDd88uqYbqfwj', runStarted: '2025-01-27T00:00:00.000Z', modelDate: '2024-09-12', sourceFile: 'gpqa_diamond.csv' });
    expect(runs[0].score.toFixed(1)).toBe('50.3');
    expect(scoresOf(data, 'gpqa_diamond', 'o1-mini-2024-09-12').high.toFixed(1)).toBe('62.4');
    // On the ECI the first reasoner does stand out: GPT-4o (May 2024) 128.9 → o1-preview 135.9.
    expect(scoresOf(data, 'eci', 'gpt-4o-2024-05-13').default.toFixed(1)).toBe('128.9');
    expect(scoresOf(data, 'eci', 'o1-preview-2024-09-12').default.toFixed(1)).toBe('135.9');
  });

  it('keeps every run (two SWE-bench runs of GPT-5.1) and skips versions listed without a score', () => {
    const swe = data.scores.filter((s) => s.benchmark === 'swe_bench_verified' && s.modelVersion === 'gpt-5.1-2025-11-13_high');
    expect(swe.map((s) => [s.runId, s.score.toFixed(1)])).toEqual([['YoHtZpMNdsRE6qdj2K4Ucj', '68.0'], ['G5hTYKeE5buuWzwRQK7EgS', '65.9']]);
    expect(data.scores.some((s) => s.benchmark === 'eci' && s.modelVersion === 'claude-opus-4-7_xhigh')).toBe(false);
    expect(scoresOf(data, 'eci', 'muse-spark').default).toBe(154.4360527684353);
    expect(scoresOf(data, 'metr_time_horizon', 'claude-opus-4-6').unknown).toBe(718.80683);
  });

  it('reads the files inside a zip folder just the same', () => {
    const nested = Object.fromEntries(Object.entries(april).map(([name, text]) => [`benchmark_data/${name}`, text]));
    expect(count(load({ ...nested, 'benchmark_data/README.md': '# not a CSV' }))).toEqual(count(data));
  });
});

describe('Epoch metadata-driven layout (illustrative fixture)', () => {
  it('takes file, column, scale and baselines from benchmark_metadata.csv and dates from model_metadata.csv', () => {
    const data = load(fixture);
    expect(data.layout).toBe('metadata');
    expect(data.notUsed).toEqual(['Aider polyglot']);
    expect(data.missing).toEqual(['swe_bench_verified', 'frontiermath_tier_4', 'otis_mock_aime', 'metr_time_horizon']);
    expect(data.benchmarks.find((b) => b.key === 'gpqa_diamond')).toMatchObject({ epochName: 'GPQA diamond', randomBaseline: 25, scoreCeiling: 100, releaseDate: '2023-11-20', inEci: true, supersededBy: null });
    expect(data.benchmarks.find((b) => b.key === 'frontiermath')).toMatchObject({ epochName: 'FrontierMath-Old', scoreCeiling: 50, supersededBy: 'FrontierMath-New' });
    expect(data.modelVersions.map((m) => m.modelVersion)).toEqual(['claude-opus-4-6_32K', 'gpt-5.4-2026-03-05_xhigh', 'gemini-3.1-pro-preview']);
    expect(count(data)).toMatchObject({ eci: 3, gpqa_diamond: 3, frontiermath: 3 });
    expect(scoresOf(data, 'gpqa_diamond', 'gpt-5.4-2026-03-05').xhigh).toBeCloseTo(93.3, 10);
    expect(scoresOf(data, 'eci', 'gemini-3.1-pro-preview').default).toBe(156.7151923209314);
    expect(data.scores.find((s) => s.modelVersion === 'muse-spark')).toMatchObject({ runId: 'muse-spark-pre-release-gpqa', modelDate: '2026-04-08' });
  });

  it("accepts Epoch's own column order and the model table under Epoch's loader name", () => {
    const meta = Papa.parse<Record<string, string>>(fixture['benchmark_metadata.csv'], { header: true, skipEmptyLines: true }).data;
    const epochOrder = ['benchmark', 'source_file', 'score_column', 'scale', 'random_baseline', 'score_ceiling', 'release_date', 'superseded_by', 'in_eci'];
    const { 'model_metadata.csv': modelTable, ...rest } = fixture;
    const reordered = { ...rest, 'benchmark_metadata.csv': Papa.unparse(meta, { columns: epochOrder }), 'eci_model_versions.csv': modelTable };
    expect(count(load(reordered))).toEqual(count(load(fixture)));
  });

  it('applies the scale of benchmark_metadata.csv (0.01 for a file in percent)', () => {
    const meta = fixture['benchmark_metadata.csv'].replace('gpqa_diamond.csv,Best score (across scorers),1.0', 'gpqa_diamond.csv,Best score (across scorers),0.01');
    const percentFile = fixture['gpqa_diamond.csv'].replace(',0.898,0.898,', ',89.8,89.8,').replace(',0.946,0.946,', ',94.6,94.6,').replace(',0.933,0.933,', ',93.3,93.3,');
    const data = load({ ...fixture, 'benchmark_metadata.csv': meta, 'gpqa_diamond.csv': percentFile });
    expect(scoresOf(data, 'gpqa_diamond', 'muse-spark').default).toBeCloseTo(89.8, 10);
  });
});

describe('a bad download gets one sentence and no data', () => {
  const gpqa = april['gpqa_diamond.csv'];
  it.each<[string, EpochFiles, string]>([
    ['a truncated file', { ...april, 'gpqa_diamond.csv': gpqa.slice(0, gpqa.indexOf('\n', 5000) + 40) },
      'gpqa_diamond.csv is not a valid CSV file at row 15: a row has fewer cells than the header (is the file cut short?).'],
    ['an unclosed quote', { ...april, 'frontiermath.csv': `${april['frontiermath.csv']}x,"0.5,0.5\n` },
      'frontiermath.csv is not a valid CSV file at row 91: Quoted field unterminated.'],
    ['a score that is not a number', { ...april, 'gpqa_diamond.csv': gpqa.replace(',0.5031565656565656,0.5031565656565656,', ',0.5031565656565656,n/a,') },
      'gpqa_diamond.csv row 106: the score "n/a" is not a number.'],
    ['a fraction above 1', { ...april, 'gpqa_diamond.csv': gpqa.replace(',0.5031565656565656,0.5031565656565656,', ',50.3,50.3,') },
      'gpqa_diamond.csv row 106: the score 50.3 is out of range for a percent benchmark with scale 1.'],
    ['a renamed score column', { ...april, 'swe_bench_verified.csv': april['swe_bench_verified.csv'].replace('Best score (across scorers)', 'best') },
      'swe_bench_verified.csv has no "Best score (across scorers)" column, where its scores should be.'],
    ['a missing benchmark file', Object.fromEntries(Object.entries(april).filter(([n]) => n !== 'otis_mock_aime_2024_2025.csv')),
      'The download has no otis_mock_aime_2024_2025.csv, where Epoch keeps OTIS Mock AIME 2024-2025 scores.'],
    ['a file that is not Epoch data', { 'models.csv': 'slug,name\ngpt-4,GPT-4\n' },
      "This is not Epoch AI's benchmark data: it has neither benchmark_metadata.csv nor epoch_capabilities_index.csv."],
    ['two files of the same name', { ...april, 'copy/gpqa_diamond.csv': gpqa }, 'The download has two files named gpqa_diamond.csv.'],
    ['an oversized file', { ...april, 'gpqa_diamond.csv': gpqa + 'x'.repeat(EPOCH_LIMITS.maxFileChars) },
      'gpqa_diamond.csv is larger than 5 MB, far more than any of Epoch\'s benchmark files.'],
    ['too many files', { ...april, ...Object.fromEntries(Array.from({ length: EPOCH_LIMITS.maxFiles }, (_, i) => [`extra_${i}.csv`, 'a\n1\n'])) },
      "The download has 409 CSV files; more than 400 is not Epoch's benchmark data."],
    ['metadata without a model table', Object.fromEntries(Object.entries(fixture).filter(([n]) => n !== 'model_metadata.csv')),
      'The download has benchmark_metadata.csv but no model table (eci_model_versions.csv or model_metadata.csv).'],
    ['metadata naming an absent file', Object.fromEntries(Object.entries(fixture).filter(([n]) => n !== 'frontiermath.csv')),
      'benchmark_metadata.csv names frontiermath.csv for FrontierMath-Old, but the download has no such file.'],
    ['a model table without its columns', { ...fixture, 'model_metadata.csv': 'version,group\nx,y\n' },
      'model_metadata.csv has no "model_version", "model_group", "date" columns.'],
    ['a scale that is not a number', { ...fixture, 'benchmark_metadata.csv': fixture['benchmark_metadata.csv'].replace(',1.0,0.25,', ',one,0.25,') },
      'benchmark_metadata.csv row 2: the scale "one" of GPQA diamond is not a positive number.'],
  ])('%s', (_what, files, message) => {
    expect(errorOf(files)).toBe(message);
  });

  it('an oversized download as a whole', () => {
    const big = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`pad_${i}.csv`, 'a\n' + 'x'.repeat(EPOCH_LIMITS.maxFileChars - 10)]));
    expect(errorOf({ ...april, ...big })).toBe("The download is larger than 30 MB; Epoch's benchmark data is a few MB.");
  });
});
