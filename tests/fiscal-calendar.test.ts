// The organisation's calendar settings as lib/metrics applies them: fiscal quarters and their labels, the
// periods and what they are compared with, and "today" in the organisation's time zone around midnight.
import { describe, expect, it } from 'vitest';
import { comparedPeriod, resolvePeriod } from '@/lib/metrics/period';
import { experimentQuarter, fiscalYearLabel, fiscalYearStart, quarterLabel, quarterOf, quarterStart, shiftQuarter } from '@/lib/metrics/quarter';
import { mindsetMixByQuarter, shiftSentence } from '@/lib/metrics/shift';
import { dateIn, todayIn } from '@/lib/metrics/today';

describe('fiscal quarters', () => {
  it('keeps calendar quarters for a January start', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01', 1)).toBe('2026-Q2');
    expect(quarterStart('2026-12-31', 1)).toBe('2026-10-01');
    expect(quarterLabel('2026-Q1', 1)).toBe('2026-Q1');
  });

  it('counts a fiscal year starting in April: 2026-03-31 is Q4 FY2025/26, 2026-04-01 is Q1 FY2026/27', () => {
    expect(quarterOf('2026-03-31', 4)).toBe('2025-Q4');
    expect(quarterLabel(quarterOf('2026-03-31', 4), 4)).toBe('Q4 FY2025/26');
    expect(quarterOf('2026-04-01', 4)).toBe('2026-Q1');
    expect(quarterLabel(quarterOf('2026-04-01', 4), 4)).toBe('Q1 FY2026/27');
    expect(quarterOf('2026-12-31', 4)).toBe('2026-Q3');
    expect(quarterStart('2026-03-31', 4)).toBe('2026-01-01');
    expect(quarterStart('2026-05-15', 4)).toBe('2026-04-01');
    expect(quarterStart('2026-11-30', 4)).toBe('2026-10-01');
    expect(fiscalYearStart('2026-03-31', 4)).toBe('2025-04-01');
    expect(fiscalYearStart('2026-04-01', 4)).toBe('2026-04-01');
    expect(quarterLabel('1999-Q2', 4)).toBe('Q2 FY1999/00');
    expect(fiscalYearLabel('2026-03-31', 4)).toBe('FY2025/26');
    expect(fiscalYearLabel('2026-03-31', 1)).toBe('2026');
  });

  it('handles starts that split calendar quarters (February, October, December)', () => {
    expect(quarterOf('2026-01-31', 2)).toBe('2025-Q4');
    expect(quarterStart('2026-01-31', 2)).toBe('2025-11-01');
    expect(quarterStart('2026-02-01', 2)).toBe('2026-02-01');
    expect(quarterOf('2026-09-30', 10)).toBe('2025-Q4');
    expect(quarterOf('2026-10-01', 10)).toBe('2026-Q1');
    expect(quarterOf('2026-12-01', 12)).toBe('2026-Q1');
    expect(quarterOf('2026-11-30', 12)).toBe('2025-Q4');
    expect(quarterStart('2026-02-28', 12)).toBe('2025-12-01');
    expect(shiftQuarter(quarterOf('2026-03-31', 4), 4)).toBe('2024-Q4');
  });

  it('puts an experiment created late in the UTC day in the next fiscal year when the organisation is already there', () => {
    const e = { startDate: null, createdAt: new Date('2026-03-31T20:00:00Z') };
    expect(experimentQuarter(e, 'UTC', 4)).toBe('2025-Q4');
    expect(experimentQuarter(e, 'Asia/Seoul', 4)).toBe('2026-Q1');
  });

  it('names an earlier quarter in the shift sentence by its fiscal label', () => {
    const rows = mindsetMixByQuarter(
      [
        { created: '2025-06-01', mindset: 'automate' },
        { created: '2026-05-02', mindset: 'new_capability' },
      ],
      '2026-Q1',
      4,
    );
    expect(rows.map((r) => r.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(shiftSentence(rows, '2026-Q1', 4)).toBe('This quarter 100% of new experiments aim at a new capability, up from 0% a year ago.');
    const recent = rows.filter((r) => r.quarter !== '2025-Q1');
    expect(shiftSentence([{ ...rows[0], quarter: '2025-Q2' }, ...recent.slice(1)], '2026-Q1', 4)).toBe(
      'This quarter 100% of new experiments aim at a new capability, up from 0% in Q2 FY2025/26.',
    );
  });
});

describe('periods follow the fiscal year', () => {
  it('starts "this quarter" and "this fiscal year" on the fiscal boundaries', () => {
    expect(resolvePeriod('quarter', '2026-05-15', { fyStart: 4 })).toEqual({ from: '2026-04-01', to: '2026-05-15' });
    expect(resolvePeriod('quarter', '2026-05-15')).toEqual({ from: '2026-04-01', to: '2026-05-15' });
    expect(resolvePeriod('quarter', '2026-03-31', { fyStart: 2 })).toEqual({ from: '2026-02-01', to: '2026-03-31' });
    expect(resolvePeriod('year', '2026-03-31', { fyStart: 4 })).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(resolvePeriod('year', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('compares a quarter or a fiscal year to date with the same stretch of the one before', () => {
    expect(comparedPeriod('quarter', { from: '2026-04-01', to: '2026-05-15' })).toEqual({ from: '2026-01-01', to: '2026-02-15' });
    // 31 May back three months is clamped to 28 February, the last day of a shorter month.
    expect(comparedPeriod('quarter', { from: '2026-05-01', to: '2026-05-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(comparedPeriod('year', { from: '2025-04-01', to: '2026-03-31' })).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(comparedPeriod('90d', { from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-03', to: '2025-12-31' });
    expect(comparedPeriod('all', { from: '2024-01-01', to: '2026-03-31' })).toBeNull();
  });
});

describe('today in the organisation time zone', () => {
  it('moves to the next day at local midnight, not at UTC midnight', () => {
    // 23:59:59 UTC on 31 March: still 31 March in London (BST starts 29 March 2026, so 00:59 on 1 April there).
    const beforeUtcMidnight = new Date('2026-03-31T23:59:59Z');
    expect(todayIn('UTC', beforeUtcMidnight)).toBe('2026-03-31');
    expect(todayIn('Europe/London', beforeUtcMidnight)).toBe('2026-04-01');
    expect(todayIn('Asia/Seoul', new Date('2026-03-31T14:59:59Z'))).toBe('2026-03-31');
    expect(todayIn('Asia/Seoul', new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
    expect(todayIn('America/Los_Angeles', new Date('2026-04-01T06:59:59Z'))).toBe('2026-03-31');
    expect(todayIn('America/Los_Angeles', new Date('2026-04-01T07:00:00Z'))).toBe('2026-04-01');
    expect(dateIn(new Date('2026-01-01T00:00:00Z'), 'Pacific/Honolulu')).toBe('2025-12-31');
  });

  it('takes the quarter and the fiscal year from that day', () => {
    const now = new Date('2026-03-31T15:30:00Z'); // 00:30 on 1 April in Seoul
    expect(quarterLabel(quarterOf(todayIn('UTC', now), 4), 4)).toBe('Q4 FY2025/26');
    expect(quarterLabel(quarterOf(todayIn('Asia/Seoul', now), 4), 4)).toBe('Q1 FY2026/27');
    expect(resolvePeriod('quarter', todayIn('Asia/Seoul', now), { fyStart: 4 })).toEqual({ from: '2026-04-01', to: '2026-04-01' });
  });
});
