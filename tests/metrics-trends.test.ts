import { describe, expect, it } from 'vitest';
import { cheapestAtOrAbove, linearFit, priceDecline, type TrendModel } from '@/lib/metrics/trends';

const m = (slug: string, releaseDate: string, score: number | null, prices: [string, number, number][]): TrendModel => ({
  slug,
  name: slug.toUpperCase(),
  releaseDate,
  score,
  prices: prices.map(([effectiveDate, input, output]) => ({ effectiveDate, input, output })),
});

// Unsorted on purpose; blended prices: big 37.5, mid 7.5 then 2.5 after its cut, small 0.25, weak 0.01.
const models = [
  m('small', '2025-01-01', 40, [['2025-01-01', 0.2, 0.4]]),
  m('big', '2023-01-01', 36, [['2023-01-01', 30, 60]]),
  m('mid', '2024-01-01', 50, [['2024-01-01', 6, 12], ['2024-07-01', 2, 4]]),
  m('weak', '2024-02-01', 20, [['2024-02-01', 0.01, 0.01]]),
  m('no-price', '2023-06-01', 90, []),
  m('no-score', '2023-06-01', null, [['2023-06-01', 0.001, 0.001]]),
];

describe('cheapest model at or above a score', () => {
  it('steps down at each release and price cut, ignoring weaker, unpriced and unscored models', () => {
    const steps = cheapestAtOrAbove(models, 36, '2026-01-01');
    expect(steps.map((s) => [s.date, s.slug])).toEqual([
      ['2023-01-01', 'big'],
      ['2024-01-01', 'mid'],
      ['2024-07-01', 'mid'],
      ['2025-01-01', 'small'],
    ]);
    expect(steps.map((s) => s.price)).toEqual([37.5, 7.5, 2.5, 0.25]);
    expect(steps.every((s) => s.record)).toBe(true);
  });
  it('ties on price keep the model that set the price first', () => {
    const tie = [m('first', '2024-01-01', 50, [['2024-01-01', 1, 1]]), m('second', '2024-06-01', 60, [['2024-06-01', 1, 1]])];
    expect(cheapestAtOrAbove(tie, 40, '2025-01-01').map((s) => s.slug)).toEqual(['first']);
  });
  it('a price rise of the cheapest model is a step but not a record', () => {
    const up = [m('a', '2024-01-01', 50, [['2024-01-01', 1, 1], ['2024-06-01', 2, 2]])];
    const steps = cheapestAtOrAbove(up, 40, '2025-01-01');
    expect(steps.map((s) => [s.price, s.record])).toEqual([[1, true], [2, false]]);
  });
  it('is empty when nothing reaches the threshold, and ignores models released after today', () => {
    expect(cheapestAtOrAbove(models, 99, '2026-01-01')).toEqual([]);
    expect(cheapestAtOrAbove(models, 36, '2023-12-31').map((s) => s.slug)).toEqual(['big']);
  });
});

describe('price decline headline', () => {
  it('compares the first model with the cheapest today and fits a log-linear rate over the records', () => {
    const steps = cheapestAtOrAbove(models, 36, '2026-01-01');
    const d = priceDecline(steps, '2026-01-01')!;
    expect(d.first.slug).toBe('big');
    expect(d.current.slug).toBe('small');
    expect(d.factor).toBeCloseTo(150);
    expect(d.months).toBeCloseTo(24, 0);
    expect(d.stoodDays).toBe(365);
    // The fit by hand: records at x = 0, 365, 547 and 731 days ÷ 365.25 (0, 0.99932, 1.49760, 2.00137 years)
    // with y = ln 37.5, ln 7.5, ln 2.5, ln 0.25 (3.62434, 2.01490, 0.91629, −1.38629). Means x̄ = 1.12457,
    // ȳ = 1.29231; Sxx = Σ(x − x̄)² = 2.18828, Sxy = Σ(x − x̄)(y − ȳ) = −5.20191; slope = Sxy ÷ Sxx = −2.37717,
    // so the price is divided by e^2.37717 = 10.774 each year.
    expect(d.perYear!).toBeCloseTo(10.774, 3);
  });
  it('a single model gives factor 1 and no fitted rate', () => {
    const one = cheapestAtOrAbove([models[1]], 36, '2026-01-01');
    const d = priceDecline(one, '2026-01-01')!;
    expect(d.factor).toBe(1);
    expect(d.perYear).toBeNull();
    expect(priceDecline([], '2026-01-01')).toBeNull();
  });
  it('fits an exact exponential exactly', () => {
    const fit = linearFit([0, 1, 2].map((x) => ({ x, y: Math.log(100 / 10 ** x) })))!;
    expect(Math.exp(-fit.slope)).toBeCloseTo(10);
    expect(linearFit([{ x: 1, y: 1 }])).toBeNull();
  });
});
