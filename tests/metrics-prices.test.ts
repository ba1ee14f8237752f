import { describe, expect, it } from 'vitest';
import { blendedAt, blendedPrice, priceAt, priceSteps, type PriceChange } from '@/lib/metrics/prices';
import { GENERATIONS, generationOf, phoneYears } from '@/lib/metrics/compute';
import { formatYears } from '@/lib/metrics/trend-series';

// o3's real history: $10/$40 at launch, $2/$8 from 2025-06-10 (given unsorted on purpose).
const o3: PriceChange[] = [
  { effectiveDate: '2025-06-10', input: 2, output: 8 },
  { effectiveDate: '2025-04-16', input: 10, output: 40 },
];

describe('blended price', () => {
  it('weighs input three times as much as output', () => {
    expect(blendedPrice(30, 60)).toBeCloseTo(37.5); // GPT-4 at launch (SOURCES.md §8)
    expect(blendedPrice(0.075, 0.3)).toBeCloseTo(0.13125);
    expect(blendedPrice(1, 1)).toBe(1);
  });
});

describe('price in force at a date', () => {
  it('takes the latest change on or before the date, from unsorted input', () => {
    expect(priceAt(o3, '2025-05-01')?.input).toBe(10);
    expect(priceAt(o3, '2025-06-10')?.input).toBe(2);
    expect(priceAt(o3, '2026-01-01')?.output).toBe(8);
  });
  it('is null before the first price and for a model with no price', () => {
    expect(priceAt(o3, '2025-04-15')).toBeNull();
    expect(priceAt([], '2025-04-15')).toBeNull();
    expect(blendedAt([], '2025-04-15')).toBeNull();
  });
  it('blends the price in force', () => {
    expect(blendedAt(o3, '2025-05-01')).toBeCloseTo(17.5);
    expect(blendedAt(o3, '2025-07-01')).toBeCloseTo(3.5);
  });
});

describe('price steps', () => {
  it('sorts the changes and carries the last one to the end date', () => {
    const steps = priceSteps(o3, '2026-11-28');
    expect(steps.map((s) => s.date)).toEqual(['2025-04-16', '2025-06-10', '2026-11-28']);
    expect(steps.at(-1)?.blended).toBeCloseTo(3.5);
  });
  it('is empty without prices and has one step for a single price ending today', () => {
    expect(priceSteps([], '2026-01-01')).toEqual([]);
    expect(priceSteps([{ effectiveDate: '2026-01-01', input: 1, output: 2 }], '2026-01-01')).toHaveLength(1);
  });
});

describe('compute generation', () => {
  it('puts GPT-4 (2.1e25) in the GPT-4 class and Grok 3 (3.5e26) in the new generation', () => {
    expect(generationOf(2.1e25)?.key).toBe('g25');
    expect(generationOf(3.5e26)?.key).toBe('g26');
    expect(generationOf(3.4e24)?.key).toBe('g24');
    expect(generationOf(3.14e23)?.key).toBe('early');
    expect([generationOf(2.1e25)?.label, generationOf(3.5e26)?.label]).toEqual(['Gen2: GPT-4 class (~10^25 FLOP)', 'Gen3: 10^26 FLOP and above']);
  });
  it('puts band edges in the upper band and has no generation without an estimate', () => {
    expect(generationOf(1e25)?.key).toBe('g25');
    expect(generationOf(1e26)?.key).toBe('g26');
    expect(generationOf(null)).toBeNull();
    expect(generationOf(0)).toBeNull();
  });
  it('bands are contiguous', () => {
    for (let i = 1; i < GENERATIONS.length; i++) expect(GENERATIONS[i].from).toBe(GENERATIONS[i - 1].to);
  });
  it("turns FLOP into phone-years from the stated throughput: the essay's 634 thousand years for 10^26", () => {
    const years = phoneYears(1e26);
    expect(years).toBeCloseTo(1e26 / 5e12 / (365.25 * 86400));
    expect(Math.round(years)).toBe(633_762);
    expect(formatYears(years)).toBe('634 thousand years');
    expect(years).toBeGreaterThan(100_000);
    expect(years).toBeLessThan(1_000_000);
    expect(phoneYears(1e26, 1e13)).toBeCloseTo(years / 2); // the page's former 10^13: 317 thousand years
  });
});
