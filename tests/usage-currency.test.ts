import { describe, expect, it } from 'vitest';
import { addSpend, convertBill, describeRate, formatMicros, rateBook, rateFor, spendNote, totalSpend, unconvertedByCurrency } from '@/lib/metrics/usage-currency';
import { explainGap } from '@/lib/metrics/billed-vs-reported';
import { usageBuckets, usageGranularity, weekStart } from '@/lib/metrics/usage-buckets';

const rates = rateBook([
  { month: '2026-04-01', currency: 'EUR', rate: 1.1 },
  { month: '2026-05', currency: 'GBP', rate: 1.25 },
]);

describe('usage currency rule', () => {
  it('the reporting currency converts at 1, another at its month’s rate, none without a rate', () => {
    expect(rateFor('2026-04', 'USD', 'USD', rates)).toBe(1);
    expect(rateFor('2026-04', 'EUR', 'USD', rates)).toBe(1.1);
    expect(rateFor('2026-05', 'EUR', 'USD', rates)).toBeNull();
    expect(convertBill({ month: '2026-04', currency: 'EUR', costMicros: 2_000_000 }, 'USD', rates)).toBe(2_200_000);
    expect(convertBill({ month: '2026-05', currency: 'EUR', costMicros: 2_000_000 }, 'USD', rates)).toBeNull();
  });

  it('a total converts month by month, lists the rates it used and keeps unconverted bills apart (never summed in)', () => {
    const t = totalSpend(
      [
        { month: '2026-04', currency: 'USD', costMicros: 1_000_000 },
        { month: '2026-04', currency: 'EUR', costMicros: 1_000_000 },
        { month: '2026-05', currency: 'EUR', costMicros: 3_000_000 },
        { month: '2026-05', currency: 'EUR', costMicros: 1_000_000 },
        { month: '2026-05', currency: 'GBP', costMicros: 4_000_000 },
        { month: '2026-06', currency: 'JPY', costMicros: 0 },
      ],
      'USD',
      rates,
    );
    expect(t).toEqual({
      reportingMicros: 1_000_000 + 1_100_000 + 5_000_000,
      unconverted: [{ month: '2026-05', currency: 'EUR', costMicros: 4_000_000 }],
      ratesUsed: [
        { month: '2026-04', currency: 'EUR', rate: 1.1 },
        { month: '2026-05', currency: 'GBP', rate: 1.25 },
      ],
    });
    expect(spendNote(t, 'USD')).toBe('converted at 1 EUR = 1.1 USD (2026-04), 1 GBP = 1.25 USD (2026-05); not converted (no rate set for EUR 2026-05): €4.00 left out');
  });

  it('when the organisation reports in EUR, a USD bill needs a rate and a EUR bill does not', () => {
    const eur = rateBook([{ month: '2026-04', currency: 'USD', rate: 0.9 }]);
    const t = totalSpend(
      [
        { month: '2026-04', currency: 'USD', costMicros: 10_000_000 },
        { month: '2026-04', currency: 'EUR', costMicros: 1_000_000 },
        { month: '2026-03', currency: 'USD', costMicros: 2_000_000 },
      ],
      'EUR',
      eur,
    );
    expect(t.reportingMicros).toBe(10_000_000);
    expect(t.unconverted).toEqual([{ month: '2026-03', currency: 'USD', costMicros: 2_000_000 }]);
  });

  it('totals add: converted sums, unconverted merged per month and currency, rates listed once', () => {
    const x = totalSpend([{ month: '2026-05', currency: 'EUR', costMicros: 1 }, { month: '2026-04', currency: 'EUR', costMicros: 10 }], 'USD', rates);
    const y = totalSpend([{ month: '2026-05', currency: 'EUR', costMicros: 2 }, { month: '2026-04', currency: 'EUR', costMicros: 20 }], 'USD', rates);
    expect(addSpend([x, y])).toEqual({
      reportingMicros: 11 + 22,
      unconverted: [{ month: '2026-05', currency: 'EUR', costMicros: 3 }],
      ratesUsed: [{ month: '2026-04', currency: 'EUR', rate: 1.1 }],
    });
    expect(unconvertedByCurrency([{ month: '2026-05', currency: 'EUR', costMicros: 3 }, { month: '2026-06', currency: 'EUR', costMicros: 4 }])).toEqual([
      { currency: 'EUR', costMicros: 7, months: ['2026-05', '2026-06'] },
    ]);
  });

  it('formats micro-units with the currency, and a rate as it is shown beside its figure', () => {
    expect(formatMicros(12_345_678, 'USD')).toBe('$12.35');
    expect(formatMicros(500, 'EUR', 4)).toBe('€0.0005');
    expect(describeRate({ month: '2026-04', currency: 'EUR', rate: 1.08 }, 'USD')).toBe('1 EUR = 1.08 USD (2026-04)');
  });
});

describe('billed versus reported: the reason for a gap', () => {
  const gap = (billedMicros: number, reportedMicros: number, extra: Partial<{ unconverted: boolean; mapped: boolean }> = {}) =>
    explainGap({ billedMicros, reportedMicros, unconverted: false, mapped: true, ...extra });
  it('names usage outside experiments, experiments without usage, unmapped usage and a match', () => {
    expect(gap(5_000_000, 0)).toBe('no-experiments');
    expect(gap(0, 5_000_000)).toBe('no-billed-usage');
    expect(gap(0, 5_000_000, { unconverted: true })).toBe('reported-more');
    expect(gap(5_000_000, 0, { mapped: false })).toBe('unmapped');
    expect(gap(10_500_000, 10_000_000)).toBe('match');
    expect(gap(20_000_000, 10_000_000)).toBe('billed-more');
    expect(gap(10_000_000, 20_000_000)).toBe('reported-more');
    expect(gap(0, 0)).toBe('nothing');
  });
});

describe('usage time buckets', () => {
  it('weeks up to 92 days, months beyond; weeks start on Monday', () => {
    expect(usageGranularity({ from: '2026-04-01', to: '2026-07-01' })).toBe('week');
    expect(usageGranularity({ from: '2026-04-01', to: '2026-07-02' })).toBe('month');
    expect(weekStart('2026-04-05')).toBe('2026-03-30'); // a Sunday
    expect(weekStart('2026-04-06')).toBe('2026-04-06');
    expect(usageBuckets({ from: '2026-04-01', to: '2026-04-14' }).map((b) => [b.key, b.from, b.to])).toEqual([
      ['2026-03-30', '2026-04-01', '2026-04-05'],
      ['2026-04-06', '2026-04-06', '2026-04-12'],
      ['2026-04-13', '2026-04-13', '2026-04-14'],
    ]);
  });
});
