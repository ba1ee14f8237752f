import { describe, expect, it } from 'vitest';
import { marketContext, priceOfCapability, type ContextModel } from '@/lib/metrics/market-context';

const model = (slug: string, releaseDate: string, gpqa: number | null, input: number, output: number): ContextModel => ({
  slug,
  name: slug.toUpperCase(),
  releaseDate,
  gpqa,
  prices: [{ effectiveDate: releaseDate, input, output }],
  currentBlended: (3 * input + output) / 4,
});

// GPT-4 (35.7 at a blended 37.50) → a mini model at its level (40.2 at 0.2625) → a strong one (60 at 4.375).
const GPT4 = model('gpt-4', '2023-03-14', 35.7, 30, 60);
const MINI = model('mini', '2024-07-18', 40.2, 0.15, 0.6);
const STRONG = model('strong', '2024-09-01', 60, 2.5, 10);
const WEAK = model('weak', '2024-01-01', 20, 0.1, 0.1);
const CATALOG = [GPT4, MINI, STRONG, WEAK];
const TODAY = '2025-01-01';

describe('the price of GPT-4-level capability', () => {
  it('falls from GPT-4 to the cheapest model at its GPQA score, by the factor, the months and the fitted yearly rate', () => {
    const d = priceOfCapability(CATALOG, TODAY)!;
    expect([d.first.slug, d.first.price, d.current.slug]).toEqual(['gpt-4', 37.5, 'mini']);
    expect(d.current.price).toBeCloseTo(0.2625, 12); // (3 × 0.15 + 0.60) ÷ 4
    expect(d.factor).toBeCloseTo(37.5 / 0.2625, 9);
    // 2023-03-14 → 2024-07-18: 366 + 126 days.
    expect(d.months).toBeCloseTo(492 / 30.4375, 12);
    // Two records: the fit goes through both, so the yearly rate is the factor spread over 492 days.
    expect(d.perYear!).toBeCloseTo((37.5 / 0.2625) ** (365.25 / 492), 9);
  });

  it("reads GPT-4's level from the whole catalog when the view leaves GPT-4 out", () => {
    const d = priceOfCapability([MINI, STRONG], TODAY, CATALOG)!;
    expect([d.first.slug, d.current.slug, d.factor]).toEqual(['mini', 'mini', 1]);
    expect(priceOfCapability([MINI, STRONG], TODAY)).toBeNull();
  });

  it('is null without a GPQA score for GPT-4', () => {
    expect(priceOfCapability([{ ...GPT4, gpqa: null }, MINI], TODAY)).toBeNull();
  });
});

describe('teams behind the frontier in the market context', () => {
  it('flags a team on GPT-4 (the strong model is 24.3 points better and cheaper), not one on the strong model', () => {
    const { behind } = marketContext(CATALOG, [
      { teamName: 'Support', slug: 'gpt-4', experiments: 2 },
      { teamName: 'Research', slug: 'strong', experiments: 1 },
    ], TODAY);
    expect(behind.map((b) => [b.teamName, b.used.slug, b.better.slug, Number(b.gain.toFixed(1)), b.experiments])).toEqual([['Support', 'gpt-4', 'strong', 24.3, 2]]);
  });

  it('does not flag a gain under 5 points (the mini model beats GPT-4 by 4.5 only)', () => {
    expect(marketContext([GPT4, MINI], [{ teamName: 'Support', slug: 'gpt-4', experiments: 1 }], TODAY).behind).toEqual([]);
  });
});
