import { describe, expect, it, vi } from 'vitest';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { effortLevelIn } from '@/components/charts/effort-level';
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

describe('reasoning efforts on the effort chart and the trends reading in the reader’s language', () => {
  const words = (locale: 'en' | 'ko') => {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'charts.effort' });
    const tr = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'trends.effort' });
    return { t, tr, level: effortLevelIn(t) };
  };
  it('names each level on the axis: the codes in English, Korean words in Korean; anything else as it is', () => {
    const levels = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max', '32K', 'default'];
    expect(levels.map(words('en').level)).toEqual(levels);
    expect(levels.map(words('ko').level)).toEqual(['없음', '최소', '낮음', '중간', '높음', '매우 높음', '최대', '32K', 'default']);
  });
  it('says a point and the reading with those names', () => {
    const sentences = (locale: 'en' | 'ko') => {
      const { t, tr, level } = words(locale);
      return [
        t('point', { name: 'GPT-5.1', effort: level('high'), benchmark: 'FrontierMath', score: '31.0%' }),
        tr('reading', { name: 'GPT-5.1', from: '2.1%', fromEffort: level('none'), to: '31.0%', toEffort: level('high'), rising: '3', total: 4 }),
      ];
    };
    expect(sentences('en')).toEqual([
      'GPT-5.1 at high effort: FrontierMath 31.0%',
      'GPT-5.1 scores 2.1% at none effort and 31.0% at high: the same model, only thinking longer. 3 of 4 models score higher at their highest effort.',
    ]);
    expect(sentences('ko')).toEqual([
      'GPT-5.1, 추론 강도 높음: FrontierMath 31.0%',
      'GPT-5.1: 추론 강도 없음에서 2.1%, 높음에서 31.0%. 같은 모델이 더 오래 생각했을 뿐입니다. 모델 4개 중 3개가 가장 높은 강도에서 더 높은 점수를 냈습니다.',
    ]);
  });
});
