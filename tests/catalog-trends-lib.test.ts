import { describe, expect, it } from 'vitest';
import { readCsvFolder, readReferenceModels, readReferenceText } from '@/db/seed/reference-csv';
import { indexAliases, parseModelAliases } from '@/lib/catalog/aliases';
import { effortLabel, formatMinutes, formatScore, NOT_MEASURED, pickBenchmark } from '@/lib/catalog/benchmark-axis';
import { parseBenchmarkRegistry } from '@/lib/catalog/benchmarks';
import { catalogScores } from '@/lib/catalog/catalog-scores';
import { importEpochBenchmarks } from '@/lib/catalog/epoch-import';
import { axisBaselines, axisTicks, minuteTicks } from '@/lib/metrics/capability-axis';
import { headlineScores } from '@/lib/metrics/catalog';
import { effortLines, effortReading, usedLevels } from '@/lib/metrics/effort-scaling';
import { horizonTrend } from '@/lib/metrics/time-horizon';

const registry = parseBenchmarkRegistry(readReferenceText('benchmarks.csv'));
const aliases = parseModelAliases(readReferenceText('model_aliases.csv'));
if (!registry.ok || !aliases.ok) throw new Error('reference data');
const epoch = importEpochBenchmarks(readCsvFolder(), registry.benchmarks);
if (!epoch.ok) throw new Error(epoch.error);
const scores = catalogScores(epoch.data.scores, indexAliases(aliases.aliases), registry.benchmarks);
const models = new Map(readReferenceModels().map((m) => [m.slug, m]));
const rowsOf = (benchmark: string) =>
  scores.filter((s) => s.benchmark === benchmark).map((s) => ({ slug: s.slug, name: models.get(s.slug)!.name, releaseDate: models.get(s.slug)!.release_date, effort: s.effort, score: s.score }));

describe('catalog scores from Epoch files and the alias table', () => {
  it('gives 366 scores of 62 models: per effort where Epoch measures per effort, one per model elsewhere', () => {
    expect(scores).toHaveLength(366);
    expect(new Set(scores.map((s) => s.slug)).size).toBe(62);
    expect(scores.filter((s) => s.benchmark === 'eci').every((s) => s.effort === '')).toBe(true);
    expect([...new Set(scores.filter((s) => s.benchmark === 'frontiermath').map((s) => s.effort))].sort()).toEqual(['16K', '27K', '32K', '59K', '64K', 'default', 'high', 'low', 'max', 'medium', 'none', 'xhigh']);
  });

  it('keeps the best run where two land on one cell, with its version and run (GPT-5.1 SWE-bench: 68.0 over 65.9)', () => {
    const swe = scores.filter((s) => s.slug === 'gpt-5.1' && s.benchmark === 'swe_bench_verified');
    expect(swe).toEqual([{ slug: 'gpt-5.1', benchmark: 'swe_bench_verified', effort: '', score: swe[0].score, externalId: 'gpt-5.1-2025-11-13_high', runId: 'YoHtZpMNdsRE6qdj2K4Ucj', source: 'epoch-bh-2026-04' }]);
    expect(swe[0].score.toFixed(1)).toBe('68.0');
    expect(swe[0].score).toBeGreaterThan(65.9); // the other run of the same version
  });
});

describe('the second scaling law', () => {
  const lines = effortLines(rowsOf('frontiermath'));
  it('draws the 9 models Epoch ran at two or more named efforts on FrontierMath, lowest effort first', () => {
    expect(lines.map((l) => l.name)).toEqual(['GPT-5.2', 'GPT-5.1', 'GPT-5', 'GPT-5 mini', 'GPT-5 nano', 'o3', 'o4-mini', 'o3-mini', 'o1-mini']);
    expect(lines[1].points.map((p) => [p.effort, p.score.toFixed(1)])).toEqual([['none', '2.1'], ['low', '17.3'], ['medium', '26.9'], ['high', '31.0']]);
    expect(usedLevels(lines)).toEqual(['none', 'low', 'medium', 'high', 'xhigh']);
  });
  it('reads in one line: GPT-5.1 rises 2.1% → 31.0% from none to high; 8 of 9 models score higher at their highest effort', () => {
    const r = effortReading(lines)!;
    expect([r.name, r.from.effort, r.from.score.toFixed(1), r.to.effort, r.to.score.toFixed(1), r.rising, r.total]).toEqual(['GPT-5.1', 'none', '2.1', 'high', '31.0', 8, 9]);
    expect(effortReading([])).toBeNull();
  });
});

describe('METR time horizons', () => {
  it('22 catalog models from GPT-4 (5.4 min) to Claude Opus 4.6 (12 h), doubling about every 4.8 months', () => {
    const t = horizonTrend(rowsOf('metr_time_horizon').map((r) => ({ slug: r.slug, name: r.name, releaseDate: r.releaseDate, minutes: r.score })));
    expect(t.points).toHaveLength(22);
    expect([t.points[0].name, formatMinutes(t.points[0].minutes)]).toEqual(['GPT-4', '5.4 min']);
    expect([t.longest!.name, formatMinutes(t.longest!.minutes)]).toEqual(['Claude Opus 4.6', '12 h']);
    expect(t.doublingMonths!.toFixed(1)).toBe('4.8');
    // The fitted line doubles every doublingMonths.
    const t0 = Date.parse('2025-01-01');
    expect(t.fitted!(t0 + (t.doublingMonths! / 12) * 365.25 * 86_400_000) / t.fitted!(t0)).toBeCloseTo(2, 6);
    expect(minuteTicks(5.36, 718.8)).toEqual([1, 4, 15, 60, 240, 960]);
    expect(horizonTrend([])).toEqual({ points: [], doublingMonths: null, longest: null, fitted: null });
  });
});

describe('the capability axis', () => {
  it('opens on the default axis (ECI) and takes a known benchmark from the URL', () => {
    expect(pickBenchmark(registry.benchmarks, undefined)!.key).toBe('eci');
    expect(pickBenchmark(registry.benchmarks, 'nope')!.key).toBe('eci');
    expect(pickBenchmark(registry.benchmarks, 'swe_bench_verified')!.key).toBe('swe_bench_verified');
    expect(pickBenchmark([], 'eci')).toBeNull();
  });
  it('formats each unit and says "not yet measured" for a missing score', () => {
    expect([formatScore('percent', 87.55), formatScore('index', 149.66), formatScore('minutes', 119.7), formatScore('minutes', 125.4), formatScore('minutes', 45), formatScore('percent', null)]).toEqual([
      '87.5%', '149.7', '2 h', '2 h 5 min', '45 min', NOT_MEASURED,
    ]);
    expect(NOT_MEASURED).toBe('not yet measured');
    expect([effortLabel(''), effortLabel('high'), effortLabel('32K'), effortLabel('default')]).toEqual(['', 'high effort', '32K thinking tokens', 'default settings']);
  });
  it('draws GPQA on 0–100% with its three baselines, the ECI on round points around its scores', () => {
    const gpqa = registry.benchmarks.find((b) => b.key === 'gpqa_diamond')!;
    expect(axisBaselines({ ...gpqa }).map((b) => b.label)).toEqual([
      'PhD experts in their field, 81.3% (Rein et al. 2023)',
      'Random guessing, 25%',
      'Skilled non-experts with web access, 22.1% (Rein et al. 2023)',
    ]);
    expect(axisBaselines(registry.benchmarks.find((b) => b.key === 'eci')!)).toEqual([]);
    expect(axisTicks('percent', [40, 90])).toEqual({ domain: [0, 100], ticks: [0, 25, 50, 75, 100] });
    expect(axisTicks('index', [104.2, 158.9])).toEqual({ domain: [90, 170], ticks: [90, 100, 110, 120, 130, 140, 150, 160, 170] });
    // A chart without baselines (the second scaling law) fits a percentage axis to its scores.
    expect(axisTicks('percent', [2.1, 40.5], true)).toEqual({ domain: [0, 50], ticks: [0, 10, 20, 30, 40, 50] });
  });
  it("lets an admin-kept single score win over Epoch's best, keeping Epoch's provenance when they agree", () => {
    const best = [{ modelId: 1, score: 81.81, effort: 'high', source: 'epoch-bh-2026-04', externalId: 'o3_high', retrievedOn: '2026-04-19' }];
    expect(headlineScores(best, [{ modelId: 1, score: '81.8', source: 'epoch-bh-2026-04' }])).toEqual(best);
    expect(headlineScores(best, [{ modelId: 1, score: '70.0', source: 'entered by a on b' }, { modelId: 2, score: '77.7', source: 'import' }])).toEqual([
      { modelId: 1, score: 70, effort: '', source: 'entered by a on b', externalId: null, retrievedOn: null },
      { modelId: 2, score: 77.7, effort: '', source: 'import', externalId: null, retrievedOn: null },
    ]);
  });
});
