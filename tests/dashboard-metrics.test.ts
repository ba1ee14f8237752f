import { describe, expect, it } from 'vitest';
import { addMonths, monthBuckets, periodDays, previousPeriod, resolvePeriod } from '@/lib/metrics/period';
import { change, describeChange, formatKpiValue, share, shareChange } from '@/lib/metrics/kpi';
import { chartTotal, outcomesNote, pivot } from '@/lib/metrics/dashboard-series';
import {
  dashboardParamsToSearch,
  drillDownHref,
  parseDashboardParams,
  resolveDashboardFilters,
} from '@/lib/validation/dashboard-filters';

describe('period maths', () => {
  it('resolves the presets against today', () => {
    expect(resolvePeriod('90d', '2026-11-28')).toEqual({ from: '2026-08-31', to: '2026-11-28' });
    expect(periodDays(resolvePeriod('90d', '2026-11-28'))).toBe(90);
    expect(resolvePeriod('quarter', '2026-11-28')).toEqual({ from: '2026-10-01', to: '2026-11-28' });
    expect(resolvePeriod('quarter', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(resolvePeriod('12m', '2026-11-28')).toEqual({ from: '2025-11-29', to: '2026-11-28' });
    expect(resolvePeriod('all', '2026-11-28', { earliest: '2024-03-05' })).toEqual({ from: '2024-03-05', to: '2026-11-28' });
    expect(resolvePeriod('all', '2026-11-28')).toEqual({ from: '2026-11-28', to: '2026-11-28' });
  });

  it('swaps custom bounds given the wrong way round and fills missing ones', () => {
    expect(resolvePeriod('custom', '2026-11-28', { from: '2026-05-01', to: '2026-02-01' })).toEqual({ from: '2026-02-01', to: '2026-05-01' });
    expect(resolvePeriod('custom', '2026-11-28', { from: '2026-05-01' })).toEqual({ from: '2026-05-01', to: '2026-11-28' });
  });

  it('the previous period has the same length and ends the day before', () => {
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ from: '2025-12-31', to: '2026-03-31' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    // across a leap day: 2024-03-01..2024-03-31 is 31 days; before it 2024-01-30..2024-02-29
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-01-30', to: '2024-02-29' });
  });

  it('adds months clamping the day to the month length', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });

  it('splits a period into calendar months clipped to it, keeping at most the last `max`', () => {
    expect(monthBuckets({ from: '2026-08-31', to: '2026-10-05' })).toEqual([
      { month: '2026-08', from: '2026-08-31', to: '2026-08-31' },
      { month: '2026-09', from: '2026-09-01', to: '2026-09-30' },
      { month: '2026-10', from: '2026-10-01', to: '2026-10-05' },
    ]);
    const long = monthBuckets({ from: '2000-01-01', to: '2026-12-31' }, 24);
    expect(long).toHaveLength(24);
    expect(long[0].month).toBe('2025-01');
  });
});

describe('headline figure arithmetic', () => {
  it('computes the change and its percentage', () => {
    expect(change(15, 12)).toEqual({ delta: 3, pct: 0.25, direction: 'up' });
    expect(change(6, 8)).toEqual({ delta: -2, pct: -0.25, direction: 'down' });
    expect(change(5, 5)).toEqual({ delta: 0, pct: 0, direction: 'flat' });
  });

  it('has no percentage from an empty previous period, and no change without one', () => {
    expect(change(4, 0)).toEqual({ delta: 4, pct: null, direction: 'up' });
    expect(change(0, 0)?.direction).toBe('flat');
    expect(change(4, null)).toBeNull();
  });

  it('shares are null for an empty whole, and change in points', () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(0, 0)).toBeNull();
    expect(shareChange(0.75, 0.5)).toEqual({ delta: 0.25, pct: null, direction: 'up' });
    expect(shareChange(0.75, null)).toBeNull();
  });

  it('describes changes and values for people', () => {
    expect(describeChange(change(15, 12), 'count', 'USD')).toBe('+3 (+25%)');
    expect(describeChange(change(4, 0), 'count', 'USD')).toBe('+4 (new)');
    expect(describeChange(change(300000, 400000), 'cents', 'USD')).toBe('−$1,000 (−25%)');
    expect(describeChange(shareChange(0.75, 0.5), 'share', 'USD')).toBe('+25.0 pts');
    expect(describeChange(change(2, 2), 'count', 'USD')).toBe('no change');
    expect(describeChange(null, 'count', 'USD')).toBe('no comparison');
    expect(formatKpiValue(0.754, 'share', 'USD')).toBe('75%');
    expect(formatKpiValue(1234567, 'cents', 'USD')).toBe('$12,346');
    expect(formatKpiValue(null, 'count', 'USD')).toBe('—');
  });
});

describe('chart rows', () => {
  it('pivots onto a fixed axis with zeros for missing cells, links and notes', () => {
    const rows = pivot(
      [
        { key: '2026-05', label: 'May' },
        { key: '2026-06', label: 'Jun' },
      ],
      ['a', 'b'],
      [
        { m: '2026-06', s: 'a', n: 2 },
        { m: '2026-07', s: 'a', n: 9 }, // outside the axis: ignored
      ],
      (r) => ({ category: r.m, series: r.s, value: r.n, note: outcomesNote(r.n, 1) }),
      (c, s) => `/x?${c}&${s}`,
    );
    expect(rows[0]).toEqual({ label: 'May', values: { a: 0, b: 0 }, hrefs: { a: '/x?2026-05&a', b: '/x?2026-05&b' }, notes: {} });
    expect(rows[1].values).toEqual({ a: 2, b: 0 });
    expect(rows[1].notes).toEqual({ a: '2 outcomes in 1 experiment' });
    expect(chartTotal(rows)).toBe(2);
  });
});

describe('dashboard URL parameters', () => {
  it('defaults to the last 90 days with a previous period; "all" has none', () => {
    const f = resolveDashboardFilters(parseDashboardParams({}), { today: '2026-11-28' });
    expect(f.period).toEqual({ from: '2026-08-31', to: '2026-11-28' });
    expect(f.previous).toEqual({ from: '2026-06-02', to: '2026-08-30' });
    const all = resolveDashboardFilters(parseDashboardParams({ period: 'all' }), { today: '2026-11-28', earliest: '2025-01-01' });
    expect(all.previous).toBeNull();
  });

  it('treats from/to alone as a custom period and keeps the slice', () => {
    const p = parseDashboardParams(new URLSearchParams('from=2026-01-01&to=2026-03-31&team=2,3&workType=coding&vendor=OpenAI&bogus=1'));
    const f = resolveDashboardFilters(p, { today: '2026-11-28' });
    expect(f.period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(f.team).toEqual([2, 3]);
    expect(f.workType).toEqual(['coding']);
    expect(f.vendor).toEqual(['OpenAI']);
  });

  it('"my teams" uses the session\'s teams, never the URL\'s, and matches nothing without any', () => {
    const p = parseDashboardParams({ mine: 'yes', team: '9' });
    expect(resolveDashboardFilters(p, { today: '2026-11-28', myTeamIds: [4, 5] }).team).toEqual([4, 5]);
    expect(resolveDashboardFilters(p, { today: '2026-11-28', myTeamIds: [] }).team).toEqual([0]);
  });

  it('round-trips a shareable link, dropping default and stale values', () => {
    const p = parseDashboardParams({ period: '12m', team: '1', from: '2026-01-01' });
    expect(dashboardParamsToSearch(p)).toBe('team=1&period=12m');
    const custom = parseDashboardParams({ period: 'custom', from: '2026-01-01', to: '2026-02-01' });
    expect(parseDashboardParams(new URLSearchParams(dashboardParamsToSearch(custom)))).toEqual(custom);
    expect(dashboardParamsToSearch(parseDashboardParams({ period: '90d' }))).toBe('');
    // from/to without a period is a custom period: its link (and what "Show all" sends back) keeps it.
    const bare = parseDashboardParams({ from: '2025-01-01', to: '2025-03-31', team: '3' });
    const again = parseDashboardParams(new URLSearchParams(dashboardParamsToSearch(bare)));
    expect(resolveDashboardFilters(again, { today: '2026-11-28' }).period).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(resolveDashboardFilters(again, { today: '2026-11-28' })).toEqual(resolveDashboardFilters(bare, { today: '2026-11-28' }));
  });

  it('drill-down links carry the slice plus the figure\'s own conditions', () => {
    const f = resolveDashboardFilters(parseDashboardParams({ team: '2', model: 'gpt-5' }), { today: '2026-11-28' });
    expect(drillDownHref(f, { from: '2026-09-01', to: '2026-09-30', mindset: ['new_capability'] })).toBe(
      '/experiments?team=2&model=gpt-5&from=2026-09-01&to=2026-09-30&mindset=new_capability',
    );
  });
});
