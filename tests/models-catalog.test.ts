import { describe, expect, it } from 'vitest';
import { buildCatalog, filterCatalog, sortCatalog, type CatalogRow } from '@/lib/metrics/catalog';
import { capabilitySeries, computeSeries } from '@/lib/metrics/trend-series';
import { parseModelFilters } from '@/lib/validation/model-filters';
import { parseModelImport } from '@/lib/validation/model-import';

const row = (id: number, slug: string, over: Partial<CatalogRow> = {}): CatalogRow => ({
  id,
  slug,
  name: slug.toUpperCase(),
  vendor: 'OpenAI',
  releaseDate: '2024-01-01',
  reasoning: false,
  openWeights: false,
  dataPolicy: 'no_training',
  trainingFlop: null,
  gpqa: null,
  gpqaSource: null,
  experiments: 0,
  ...over,
});
const rows = [
  row(1, 'old', { releaseDate: '2023-03-14', gpqa: '35.7', trainingFlop: 2.1e25, experiments: 2 }),
  row(2, 'cut', { releaseDate: '2024-05-14', gpqa: '40.4', vendor: 'Google' }),
  row(3, 'open', { releaseDate: '2024-07-23', gpqa: '50.9', openWeights: true, vendor: 'Meta', trainingFlop: 3.8e25 }),
  row(4, 'unscored', { releaseDate: '2025-01-01' }),
];
const prices = [
  { modelId: 1, effectiveDate: '2023-03-14', input: '30', output: '60', source: 'litellm' },
  { modelId: 2, effectiveDate: '2024-08-08', input: '0.075', output: '0.3', source: 'google-flash-cut' },
  { modelId: 2, effectiveDate: '2024-05-14', input: '0.35', output: '1.05', source: 'simonw' },
  { modelId: 4, effectiveDate: '2025-01-01', input: '1', output: '1', source: 'x' },
];
const catalog = buildCatalog(rows, prices, '2026-01-01');

describe('catalog entries', () => {
  it('carry the launch price and the price in force today', () => {
    const cut = catalog.find((e) => e.slug === 'cut')!;
    expect(cut.launchBlended).toBeCloseTo(0.525);
    expect(cut.currentBlended).toBeCloseTo(0.13125);
    expect(cut.current?.source).toBe('google-flash-cut');
    expect(catalog.find((e) => e.slug === 'old')!.generation?.key).toBe('g25');
    expect(catalog.find((e) => e.slug === 'open')!.current).toBeNull();
  });
  it('filter by vendor, open weights and release range', () => {
    expect(filterCatalog(catalog, { vendors: ['Google', 'Meta'], reasoning: false, openWeights: false }).map((e) => e.slug)).toEqual(['cut', 'open']);
    expect(filterCatalog(catalog, { vendors: [], reasoning: false, openWeights: true }).map((e) => e.slug)).toEqual(['open']);
    expect(filterCatalog(catalog, { vendors: [], reasoning: false, openWeights: false, from: '2024-01-01', to: '2024-06-30' }).map((e) => e.slug)).toEqual(['cut']);
  });
  it('sort with missing values last in both directions', () => {
    expect(sortCatalog(catalog, 'gpqa', 'asc').map((e) => e.slug)).toEqual(['old', 'cut', 'open', 'unscored']);
    expect(sortCatalog(catalog, 'gpqa', 'desc').map((e) => e.slug)).toEqual(['open', 'cut', 'old', 'unscored']);
    expect(sortCatalog(catalog, 'blended', 'asc').map((e) => e.slug)).toEqual(['cut', 'unscored', 'old', 'open']);
  });
});

describe('trend series', () => {
  it('plot only models with a launch price and a score, and count the rest', () => {
    const s = capabilitySeries(catalog, '2026-01-01');
    expect(s.years.flatMap((y) => y.points.map((p) => p.slug)).sort()).toEqual(['cut', 'old']);
    expect(s.leftOut).toBe(2);
    expect(s.usage.map((u) => u.slug)).toEqual(['old']);
    // The 2024 frontier uses the year-end (post-cut) price of "cut".
    expect(s.years.find((y) => y.year === 2024)!.frontier[0].price).toBeCloseTo(0.13125);
  });
  it('plot compute only where estimated', () => {
    const c = computeSeries(catalog);
    expect(c.points).toHaveLength(2);
    expect(c.leftOut).toBe(2);
    expect(c.bands.map((b) => b.label)).toContain('Gen2: GPT-4 class (~10^25 FLOP)');
  });
});

describe('URL filters', () => {
  it('read several vendors and fall back to defaults on bad values', () => {
    const f = parseModelFilters({ vendor: ['OpenAI', 'Google'], open: '1', sort: 'nonsense', dir: 'sideways', from: 'yesterday' });
    expect(f.vendor).toEqual(['OpenAI', 'Google']);
    expect(f.open).toBe('1');
    expect(f.sort).toBe('release');
    expect(f.dir).toBe('desc');
    expect(f.from).toBeUndefined();
  });
});

describe('CSV import rows', () => {
  const header = 'slug,name,vendor,release_date,input_usd_per_mtok,output_usd_per_mtok,gpqa_diamond_pct,training_flop,reasoning,open_weights,trains_on_user_data_by_default';
  it('explains every problem of a row', () => {
    const { rows: [r] } = parseModelImport(`${header}\nBad Slug,,Acme,2024-02-30,abc,,101,-5,maybe,false,perhaps`, ['OpenAI']);
    const why = r.reasons.join(' | ');
    for (const part of ['slug "Bad Slug"', 'name is empty', 'unknown vendor "Acme"', 'not a date', 'not a number', 'both input and output', 'between 0 and 100', 'positive number', 'true or false', 'true, false or unknown'])
      expect(why).toContain(part);
    expect(r.data).toBeNull();
  });
  it('accepts a good row, with a byte-order mark and numbered as a spreadsheet shows it', () => {
    const { rows: [r] } = parseModelImport(`\uFEFF${header}\nok-1,OK,OpenAI,2024-02-29,1,2,50,1e25,true,false,unknown`, ['OpenAI']);
    expect(r.line).toBe(2);
    expect(r.reasons).toEqual([]);
    expect(r.data).toMatchObject({ input: 1, output: 2, gpqa: 50, trainingFlop: 1e25, reasoning: true, dataPolicy: 'unknown' });
  });
});
