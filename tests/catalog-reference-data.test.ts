import { describe, expect, it } from 'vitest';
import { readReferenceModels, readReferencePrices, readReferenceText } from '@/db/seed/reference-csv';
import { parseBenchmarkRegistry } from '@/lib/catalog/benchmarks';
import { chargedPrice, parsePriceTiers, tiersInForce, type PriceTier } from '@/lib/catalog/price-tiers';
import { priceAt, type PriceChange } from '@/lib/metrics/prices';
import { describeSource, SOURCES } from '@/lib/sources';
import { validateImportRow } from '@/lib/validation/model-import';

const models = readReferenceModels();
const history = readReferencePrices();
const tiersResult = parsePriceTiers(readReferenceText('price_tiers.csv'));
if (!tiersResult.ok) throw new Error(tiersResult.error);
const tiers = tiersResult.tiers;
const registryResult = parseBenchmarkRegistry(readReferenceText('benchmarks.csv'));
if (!registryResult.ok) throw new Error(registryResult.error);
const benchmarks = registryResult.benchmarks;

/** Launch price plus later changes of one model, as the seed loads them. */
function listPrices(slug: string): PriceChange[] {
  const m = models.find((r) => r.slug === slug)!;
  const launch = m.input_usd_per_mtok === '' ? [] : [{ effectiveDate: m.release_date, input: Number(m.input_usd_per_mtok), output: Number(m.output_usd_per_mtok) }];
  return [...launch, ...history.filter((p) => p.slug === slug).map((p) => ({ effectiveDate: p.effective_date, input: Number(p.input_usd_per_mtok), output: Number(p.output_usd_per_mtok) }))];
}
const tiersOf = (slug: string): PriceTier[] => tiers.filter((t) => t.slug === slug);
const sourceKeys = (value: string) => value.split(';').map((k) => k.trim()).filter(Boolean);

describe('models.csv', () => {
  it('holds the 60 first-release models, the 33 additions and GPT-5.1, newest released 2026-09-22', () => {
    expect(models).toHaveLength(94);
    expect(new Set(models.map((m) => m.slug)).size).toBe(94);
    expect(models[59].slug).toBe('qwen3-235b-a22b');
    expect(models.slice(60).map((m) => m.slug)).toContain('claude-sonnet-5');
    expect(models.at(-1)!.slug).toBe('gpt-5.1');
    expect(models.map((m) => m.release_date).sort().at(-1)).toBe('2026-09-22');
  });

  it('passes the admin import check row by row', () => {
    const vendors = [...new Set(models.map((m) => m.vendor))];
    const seen = new Set<string>();
    const problems = models.flatMap((m, i) => validateImportRow(m, i + 2, vendors, seen).reasons.map((r) => `${m.slug}: ${r}`));
    expect(problems).toEqual([]);
  });

  it('writes "unknown", never a blank, for an undocumented data-use policy', () => {
    const counts: Record<string, number> = {};
    for (const m of models) counts[m.trains_on_user_data_by_default] = (counts[m.trains_on_user_data_by_default] ?? 0) + 1;
    expect(counts).toEqual({ false: 72, true: 1, unknown: 21 });
  });

  it('keeps GPQA Diamond Epoch-measured only and names every source by a registered key', () => {
    expect(new Set(models.map((m) => m.source_gpqa))).toEqual(new Set(['epoch-bh-2026-04', '']));
    expect(models.find((m) => m.slug === 'kimi-k2.6')!.gpqa_diamond_pct).toBe('');
    const keys = models.flatMap((m) => [m.source_price, m.source_gpqa, m.source_flop].flatMap(sourceKeys));
    expect(keys.filter((k) => !SOURCES[k])).toEqual([]);
    expect(describeSource(models.find((m) => m.slug === 'gpt-6-sol')!.source_price).map((s) => s.label)).toEqual(['models.dev (later file version, undated; single copy)']);
  });
});

describe('price_history.csv', () => {
  it('adds the dated changes of 2026 after each launch', () => {
    expect(history).toHaveLength(15);
    for (const p of history) {
      const m = models.find((r) => r.slug === p.slug);
      expect(m, p.slug).toBeDefined();
      expect(p.effective_date > m!.release_date, p.slug).toBe(true);
      expect(sourceKeys(p.source).filter((k) => !SOURCES[k])).toEqual([]);
    }
    expect(priceAt(listPrices('deepseek-v4-pro'), '2026-07-01')).toMatchObject({ input: 0.435, output: 0.87 });
    expect(priceAt(listPrices('deepseek-v4-pro'), '2026-12-04')).toMatchObject({ input: 1.32, output: 3.96 });
    expect(priceAt(listPrices('muse-spark'), '2026-06-30')).toBeNull();
    expect(priceAt(listPrices('muse-spark'), '2026-07-12')).toMatchObject({ input: 1.25, output: 4.25 });
  });
});

describe('price_tiers.csv', () => {
  it('parses into 107 tiers of catalog models, each beside a list price, with registered sources', () => {
    expect(tiers).toHaveLength(107);
    const counts: Record<string, number> = {};
    for (const t of tiers) counts[t.tier] = (counts[t.tier] ?? 0) + 1;
    expect(counts).toEqual({ promotional: 2, cached_input: 55, cache_write: 18, batch: 14, long_context: 18 });
    for (const t of tiers) {
      expect(priceAt(listPrices(t.slug), t.effectiveDate), `${t.slug} ${t.tier}`).not.toBeNull();
      expect(sourceKeys(t.source).filter((k) => !SOURCES[k])).toEqual([]);
    }
  });

  it("shows today's charged price beside the list price while an introductory price runs", () => {
    const sonnet = (date: string) => chargedPrice(priceAt(listPrices('claude-sonnet-5'), date), tiersOf('claude-sonnet-5'), date);
    expect(priceAt(listPrices('claude-sonnet-5'), '2026-07-15')).toMatchObject({ input: 3, output: 15 });
    expect(sonnet('2026-07-15')).toEqual({ input: 2, output: 10, promotionalUntil: '2026-08-31' });
    expect(sonnet('2026-09-01')).toEqual({ input: 3, output: 15, promotionalUntil: null });
    const flash = (date: string) => chargedPrice(priceAt(listPrices('gemini-3.8-flash'), date), tiersOf('gemini-3.8-flash'), date);
    expect(flash('2026-12-04')).toEqual({ input: 0.75, output: 3.75, promotionalUntil: '2026-12-31' });
    expect(flash('2027-01-01')).toEqual({ input: 1.5, output: 7.5, promotionalUntil: null });
    expect(chargedPrice(null, [], '2026-12-04')).toBeNull();
  });

  it('follows tiers through price changes and removals', () => {
    const at = (slug: string, date: string) => tiersInForce(tiersOf(slug), date).map((t) => [t.tier, t.contextOverTokens, t.input, t.output]);
    expect(at('gpt-5.6-terra', '2026-07-20')).toEqual([['cached_input', null, 0.25, null], ['cache_write', null, 3.125, null], ['batch', null, 1.25, 7.5], ['long_context', 272000, 5, 22.5]]);
    expect(at('gpt-5.6-terra', '2026-08-01')).toEqual([['cached_input', null, 0.2, null], ['long_context', 272000, 4, 18]]);
    expect(at('o3', '2025-05-01')).toEqual([['cached_input', null, 2.5, null]]);
    expect(at('o3', '2025-07-01')).toEqual([['cached_input', null, 0.5, null]]);
    expect(at('claude-opus-4.6', '2026-03-12').map((t) => t[0])).toEqual(['cached_input', 'cache_write', 'long_context']);
    expect(at('claude-opus-4.6', '2026-03-13').map((t) => t[0])).toEqual(['cached_input', 'cache_write']);
    expect(at('deepseek-v4-pro', '2026-12-04')).toEqual([['cached_input', null, 0.044, null]]);
  });

  it('rejects a malformed row with one sentence', () => {
    const header = 'slug,tier,effective_date,until,context_over_tokens,input_usd_per_mtok,output_usd_per_mtok,source,note\n';
    const err = (row: string) => {
      const r = parsePriceTiers(header + row);
      return r.ok ? null : r.error;
    };
    expect(err('claude-sonnet-5,promotional,2026-06-30,,,2,10,genai-prices,\n')).toBe('price_tiers.csv row 2, column until: a promotional price needs its last day.');
    expect(err('gpt-5.4,long_context,2026-03-05,,,5,22.5,litellm-hist,\n')).toBe('price_tiers.csv row 2, column context_over_tokens: is required for long_context and only there.');
    expect(err('gpt-5.4,cached_input,2026-03-05,,,0.25,1,litellm-hist,\n')).toBe('price_tiers.csv row 2, column output_usd_per_mtok: must be blank for a cache price.');
    expect(err('gpt-5.4,batch,2026-02-30,,,1.25,7.5,litellm-hist,\n')).toBe('price_tiers.csv row 2, column effective_date: is not a real date.');
    expect(err('gpt-5.4,batch,2026-03-05,2026-03-01,,1.25,7.5,litellm-hist,\n')).toBe('price_tiers.csv row 2, column until: is before effective_date.');
  });
});

describe('benchmarks.csv', () => {
  it('describes the seven benchmarks, with the ECI as the default axis', () => {
    expect(benchmarks.map((b) => [b.key, b.measures, b.unit])).toEqual([
      ['eci', 'general', 'index'],
      ['gpqa_diamond', 'science', 'percent'],
      ['swe_bench_verified', 'coding', 'percent'],
      ['frontiermath', 'maths', 'percent'],
      ['frontiermath_tier_4', 'maths', 'percent'],
      ['otis_mock_aime', 'maths', 'percent'],
      ['metr_time_horizon', 'task_length', 'minutes'],
    ]);
    expect(benchmarks.filter((b) => b.defaultAxis).map((b) => b.key)).toEqual(['eci']);
    expect(benchmarks.filter((b) => b.perEffort).map((b) => b.key)).toEqual(['gpqa_diamond', 'frontiermath', 'frontiermath_tier_4', 'otis_mock_aime']);
    expect(benchmarks.find((b) => b.key === 'gpqa_diamond')).toMatchObject({ randomBaseline: 25, humanExpert: 81.3, humanNonExpert: 22.1, humanBaselineSource: 'gpqa-paper', epochBenchmark: 'GPQA diamond' });
    expect(benchmarks.flatMap((b) => [...sourceKeys(b.source), b.humanBaselineSource ?? 'reference']).filter((k) => !SOURCES[k])).toEqual([]);
  });

  it('rejects a registry without exactly one default axis, or with an unknown unit', () => {
    const text = readReferenceText('benchmarks.csv');
    const twoDefaults = text.replace(',true,false,gpqa_diamond.csv', ',true,true,gpqa_diamond.csv');
    expect(parseBenchmarkRegistry(twoDefaults)).toEqual({ ok: false, error: 'benchmarks.csv must mark exactly one benchmark as the default axis (it marks 2).' });
    const badUnit = text.replace(',task_length,', ',task_length,').replace(',minutes,1,', ',hours,1,');
    expect(parseBenchmarkRegistry(badUnit)).toEqual({ ok: false, error: 'benchmarks.csv row 8, column unit: Invalid option: expected one of "percent"|"index"|"minutes".' });
  });
});
