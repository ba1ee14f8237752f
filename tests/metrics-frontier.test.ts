import { describe, expect, it } from 'vitest';
import { frontier, frontierByYear } from '@/lib/metrics/frontier';
import { teamsBehindFrontier, type CatalogModel } from '@/lib/metrics/usage';

const p = (item: string, price: number, score: number) => ({ item, price, score });

describe('frontier: best score at or below each price', () => {
  it('keeps only models no cheaper-or-equal model beats, from unsorted input', () => {
    const f = frontier([p('pricey-better', 10, 80), p('cheap', 1, 40), p('dominated', 5, 35), p('mid', 3, 60)]);
    expect(f.map((x) => x.item)).toEqual(['cheap', 'mid', 'pricey-better']);
  });
  it('on a price tie keeps the higher score; on a score tie keeps the cheaper model', () => {
    expect(frontier([p('low', 2, 50), p('high', 2, 70)]).map((x) => x.item)).toEqual(['high']);
    expect(frontier([p('dear', 4, 70), p('cheap', 2, 70)]).map((x) => x.item)).toEqual(['cheap']);
  });
  it('handles a single model and no models', () => {
    expect(frontier([p('only', 1, 1)])).toHaveLength(1);
    expect(frontier([])).toEqual([]);
  });
});

describe('frontier per year', () => {
  const models = [
    { releaseDate: '2023-03-14', score: 35, item: 'a', priceOn: () => 37.5 },
    // Price cut in 2025: the 2025 frontier sees the lower price.
    { releaseDate: '2024-05-01', score: 50, item: 'b', priceOn: (d: string) => (d >= '2025-01-01' ? 1 : 10) },
    { releaseDate: '2024-06-01', score: null, item: 'no-score', priceOn: () => 0.01 },
    { releaseDate: '2024-07-01', score: 60, item: 'no-price', priceOn: () => null },
  ];
  it('is cumulative, uses the price in force at the end of each year, and skips missing values', () => {
    const [y23, y24, y25] = frontierByYear(models, [2023, 2024, 2025], '2025-06-30');
    expect(y23.points.map((x) => x.item)).toEqual(['a']);
    // a (35 at 37.5) is beaten by b (50 at 10), so only b is on the 2024 frontier.
    expect(y24.points.map((x) => [x.item, x.price])).toEqual([['b', 10]]);
    expect(y25.asOf).toBe('2025-06-30');
    expect(y25.points.map((x) => [x.item, x.price])).toEqual([['b', 1]]);
  });
});

describe('teams behind the frontier', () => {
  const models: CatalogModel[] = [
    { slug: 'old', name: 'Old', releaseDate: '2024-01-01', score: 40, price: 5 },
    { slug: 'new-cheap', name: 'New cheap', releaseDate: '2025-01-01', score: 70, price: 1 },
    { slug: 'new-dear', name: 'New dear', releaseDate: '2025-02-01', score: 90, price: 50 },
    { slug: 'current', name: 'Current', releaseDate: '2025-03-01', score: 72, price: 1 },
    { slug: 'unpriced', name: 'Unpriced', releaseDate: '2023-01-01', score: 30, price: null },
  ];
  it('names the best newer model at the same or lower price and the gain in points', () => {
    const rows = teamsBehindFrontier(
      [
        { teamName: 'Support', slug: 'old', experiments: 3 },
        { teamName: 'Legal', slug: 'current', experiments: 1 },
        { teamName: 'Ops', slug: 'unpriced', experiments: 2 },
      ],
      models,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].teamName).toBe('Support');
    expect(rows[0].better.slug).toBe('current');
    expect(rows[0].gain).toBe(32);
  });
  it('ignores gains below the threshold', () => {
    expect(teamsBehindFrontier([{ teamName: 'X', slug: 'new-cheap', experiments: 1 }], models)).toEqual([]);
  });
});

describe('frontier step line and log ticks', () => {
  it('stays flat until the next frontier price, then rises', async () => {
    const { frontierStepLine } = await import('@/lib/metrics/frontier');
    const line = frontierStepLine(frontier([p('a', 1, 40), p('b', 10, 80)]));
    expect(line).toEqual([
      { price: 1, score: 40 },
      { price: 10, score: 40 },
      { price: 10, score: 80 },
    ]);
  });
  it('covers the range with powers of ten', async () => {
    const { log10Ticks } = await import('@/lib/metrics/frontier');
    expect(log10Ticks(0.13, 37.5)).toEqual([0.1, 1, 10, 100]);
    expect(log10Ticks(0, 1)).toEqual([]);
  });
});

describe('year ticks', () => {
  it('gives 1 January of each year inside the range', async () => {
    const { yearTicks } = await import('@/lib/metrics/frontier');
    expect(yearTicks(Date.UTC(2023, 2, 14), Date.UTC(2025, 0, 1)).map((t) => new Date(t).getUTCFullYear())).toEqual([2024, 2025]);
  });
});
