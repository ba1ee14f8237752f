import { describe, expect, it } from 'vitest';
import { change, describeChange, formatKpiValue } from '@/lib/metrics/kpi';
import { formatValue } from '@/lib/metrics/dashboard-series';
import { formatCentsExact, formatHours, formatMoneyCents, formatNumber, formatPercent, formatUsd } from '@/lib/format';
import { namesNeeded } from '@/db/queries/experiments/history-names';
import { describeChanges, readableModel } from '@/lib/history/describe-change';
import { labelOrNotSet, MINDSET_SHORT, NOT_SET_LABEL, WORK_TYPE_OR_NOT_SET } from '@/lib/labels';
import { toPercentages, wholePercentages } from '@/lib/metrics/shift';

describe('numbers, amounts and prices in one style', () => {
  it('writes thousands separators everywhere', () => {
    expect(formatNumber(1238)).toBe('1,238');
    expect(formatNumber(1238.456, 2)).toBe('1,238.46');
    expect(formatNumber(2.5, 2)).toBe('2.5');
    expect(formatNumber(null)).toBe('—');
    expect(formatHours(1238)).toBe('1,238 hours');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatMoneyCents(823_000, 'USD')).toBe('$8,230');
    expect(formatCentsExact(25_000, 'USD')).toBe('$250');
    expect(formatCentsExact(123_450, 'USD')).toBe('$1,234.50');
    expect(formatCentsExact(null, 'USD')).toBe('—');
  });

  it("writes the organisation's amounts in its currency, vendor list prices stay in USD", () => {
    expect(formatMoneyCents(823_000, 'EUR')).toBe('€8,230');
    expect(formatCentsExact(123_450, 'EUR')).toBe('€1,234.50');
    expect(formatCentsExact(25_000, 'GBP')).toBe('£250');
    expect(formatMoneyCents(823_000, 'KRW')).toBe('₩8,230');
    expect(describeChange(change(300000, 400000), 'cents', 'EUR')).toBe('−€1,000 (−25%)');
    expect(formatKpiValue(1234567, 'cents', 'EUR')).toBe('€12,346');
    expect(formatValue(1234567, 'cents', 'EUR')).toBe('€12,346');
    expect(formatValue(12, 'hours', 'EUR')).toBe('12 h');
    expect(describeChanges({ spendMonthlyCents: 25_000 }, { spendMonthlyCents: 123_450 }, { teams: new Map(), models: new Map(), currency: 'EUR' })[0]).toMatchObject({ before: '€250', after: '€1,234.50' });
  });

  it('writes every price with two decimals, more only below a dollar to stay exact', () => {
    expect(formatUsd(2.5)).toBe('$2.50');
    expect(formatUsd(15)).toBe('$15.00');
    expect(formatUsd(1250)).toBe('$1,250.00');
    expect(formatUsd(0.2)).toBe('$0.20');
    expect(formatUsd('0.075')).toBe('$0.075');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.0225, 4)).toBe('$0.0225');
    expect(formatUsd('')).toBe('—');
  });

  it('never shows a share above 100% or below 0%', () => {
    expect(formatPercent(0.416)).toBe('42%');
    expect(formatPercent(1.004)).toBe('100%');
    expect(formatPercent(-0.01)).toBe('0%');
  });
});

describe('percentages of a 100% stacked bar', () => {
  it('add up to exactly 100, never 99 or 101', () => {
    expect(wholePercentages([4, 1, 1])).toEqual([67, 17, 16]);
    expect(wholePercentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercentages([0, 0])).toEqual([0, 0]);
    for (const counts of [[2, 1, 1, 3], [5, 5, 1], [7, 0, 5, 1], [1, 1, 1, 1, 1, 1, 1]]) expect(wholePercentages(counts).reduce((s, n) => s + n, 0)).toBe(100);
    const [row] = toPercentages([{ quarter: '2026-Q1', automate: 4, accelerate: 1, new_capability: 1, not_set: 0 }], ['automate', 'accelerate', 'new_capability', 'not_set']);
    expect(row).toEqual({ quarter: '2026-Q1', total: 6, automate: 67, accelerate: 17, new_capability: 16, not_set: 0 });
  });
});

describe('labels', () => {
  it('read "Not set" for a choice nobody made', () => {
    expect(labelOrNotSet(MINDSET_SHORT, null)).toBe(NOT_SET_LABEL);
    expect(labelOrNotSet(MINDSET_SHORT, 'new_capability')).toBe('New capability');
    expect(WORK_TYPE_OR_NOT_SET.not_set).toBe('Not set');
  });
});

describe('the change history as a person reads it', () => {
  const names = {
    teams: new Map([[2, 'Finance'], [3, 'Marketing']]),
    models: new Map([['claude-sonnet-4-6', 'Claude Sonnet 4.6'], ['gpt-4o', 'GPT-4o']]),
    currency: 'USD',
  };

  it('shows labels and units, never codes, cents, ids or slugs', () => {
    const changes = describeChanges(
      { spendMonthlyCents: null, mindset: 'accelerate', workType: null, teamId: 2, hoursBeforePerTask: '1250', qualityAfter: null, reasoningUsed: false, models: [], conclusion: null, blockerMaxPriceUsd: null },
      {
        spendMonthlyCents: 25_000,
        mindset: 'new_capability',
        workType: 'analysis',
        teamId: 3,
        hoursBeforePerTask: '1',
        qualityAfter: 4,
        reasoningUsed: true,
        models: ['claude-sonnet-4-6 @ high (primary)', 'gpt-4o @ none'],
        conclusion: 'partly',
        blockerMaxPriceUsd: '2.5',
      },
      names,
    );
    expect(changes.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      'AI spend per month: — → $250',
      'Mindset: Accelerate → New capability',
      'Work type: Not set → Analysis',
      'Team: Finance → Marketing',
      'Hours per task before AI: 1,250 hours → 1 hour',
      'Quality with AI: — → 4 of 5',
      'Reasoning mode: No → Yes',
      'Models: — → Claude Sonnet 4.6 (primary, high effort), GPT-4o',
      'Conclusion: Not concluded yet → Partly worked',
      'Price ceiling: — → $2.50 per million tokens',
    ]);
  });

  it('names a model by its slug when the catalog no longer has it, and reads other efforts as the catalog does', () => {
    expect(readableModel('gone-model @ default', names)).toBe('gone-model (vendor default)');
    expect(readableModel('claude-sonnet-4-6 @ 16K', names)).toBe('Claude Sonnet 4.6 (16K thinking tokens)');
  });

  it('asks for the names of the teams and models the entries mention', () => {
    expect(namesNeeded([{ before: { teamId: 2, models: ['gpt-4o @ none'] }, after: { teamId: 3, models: ['claude-sonnet-4-6 @ high (primary)'] } }, { before: null, after: null }])).toEqual({
      teamIds: [2, 3],
      slugs: ['gpt-4o', 'claude-sonnet-4-6'],
    });
  });
});
