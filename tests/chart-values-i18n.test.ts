import { describe, expect, it, vi } from 'vitest';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { formatterFor } from '@/lib/format';
import { formatValue, type ChartRow } from '@/lib/metrics/dashboard-series';
import { MESSAGES } from '@/messages';

// ChartTips (the tooltips' client code) asks for the router; no app router is mounted here.
vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined }) }));

const rows: ChartRow[] = [
  { label: 'Finance', values: { saved: 1238 }, hrefs: { saved: '/experiments?team=1' } },
  { label: 'Ops', values: { saved: 40 }, hrefs: { saved: '/experiments?team=2' } },
];
const chart = (locale: 'en' | 'ko') =>
  renderToStaticMarkup(
    h(NextIntlClientProvider, {
      locale,
      messages: MESSAGES[locale],
      timeZone: 'UTC',
      children: h(BarChartSvg, { label: 'Hours', summary: 's', rows, series: [{ key: 'saved', label: 'Saved', color: 'red' }], format: 'hours', valueAxis: 'h / month' }),
    }),
  );

describe('hours on bar charts and the team table in the reader’s language', () => {
  it('formatValue writes whole hours as "1,238 h" in English and "1,238시간" in Korean', () => {
    expect(formatValue(1238.4, 'hours', 'USD')).toBe('1,238 h');
    expect(formatValue(1238.4, 'hours', 'USD', formatterFor('en'))).toBe('1,238 h');
    expect(formatValue(1238.4, 'hours', 'USD', formatterFor('ko'))).toBe('1,238시간');
    expect(formatterFor('ko').formatHoursShort(0.6)).toBe('1시간');
  });

  it('the bar chart’s ticks, bar names and data table say hours the Korean way to a Korean reader', () => {
    const ko = chart('ko');
    expect(ko).toContain('>1,250시간</text>');
    expect(ko).toContain('<title>Finance, Saved: 1,238시간</title>');
    expect(ko).toContain('>1,238시간</a>');
    expect(ko).not.toMatch(/\d h\b/);
    const en = chart('en');
    expect(en).toContain('>1,250 h</text>');
    expect(en).toContain('<title>Finance, Saved: 1,238 h</title>');
    expect(en).not.toContain('시간');
  });
});
