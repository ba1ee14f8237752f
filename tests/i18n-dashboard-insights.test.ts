import { it, expect } from 'vitest';
import { createTranslator } from 'next-intl';
import { shiftSentenceIn } from '@/components/insights/shift-sentence';
import { englishShiftSentence, type ShiftReading } from '@/lib/metrics/shift';
import { usageBuckets } from '@/lib/metrics/usage-buckets';
import { rateBook, ratesText, totalSpend, unconvertedText } from '@/lib/metrics/usage-currency';
import { spendWordsFor } from '@/lib/export/spend-words';
import { usageNotes } from '@/lib/export/pdf/executive-report';
import { MESSAGES } from '@/messages';
import { NO_MODEL_NAMED } from '@/db/queries/usage/telemetry';

/** The dashboard's and insights' catalogs: every message formats, and the English ones read as the pages did before. */

type Catalog = { [k: string]: string | Catalog };
const flat = (c: Catalog, p = ''): [string, string][] => Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [[p + k, v] as [string, string]] : flat(v, `${p}${k}.`)));
it('every dashboard and insights message formats in both languages', () => {
  for (const locale of ['en', 'ko'] as const)
    for (const area of ['dashboard', 'insights'] as const) {
      const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: area, onError: (e) => { throw e; } });
      for (const [key, msg] of flat(MESSAGES[locale][area] as Catalog)) {
        const args: Record<string, unknown> = {};
        for (const m of msg.matchAll(/\{\s*([A-Za-z_]\w*)/g)) args[m[1]] = m[1] === 'unit' ? 'week' : 2;
        const tags = [...msg.matchAll(/<(\w+)>/g)].map((m) => m[1]);
        for (const tag of tags) args[tag] = (c: string) => `[${c}]`;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const out = tags.length ? (t as any).markup(key, args) : (t as any)(key, args);
        expect(typeof out, `${locale} ${area}.${key}`).toBe('string');
      }
    }
  const en = createTranslator({ locale: 'en', messages: MESSAGES.en, namespace: 'dashboard' });
  expect(en('telemetry.overTime.month.description')).toBe("Active users are each month's daily maximum; requests, tokens and spend are its totals");
  expect(en('costPerTask.method', { scope: 'in this period' })).toContain("a check-in's cost");
  expect(en('kpiCard.previous', { value: '5' })).toBe(' · previous 5');
  expect(en('outcomesNote', { outcomes: 1, experiments: 2 })).toBe('1 outcome in 2 experiments');
  const ei = createTranslator({ locale: 'en', messages: MESSAGES.en, namespace: 'insights' });
  expect(ei('summary.portability', { share: '50%' })).toBe(' Portability 50%.');
  expect(ei.markup('radar.usedAndBar', { used: 'A', benchmark: 'GPQA', bar: 'at least 1', ceiling: '', b: (c) => `<${c}>` })).toBe('Used: A. Bar on <GPQA>: at least 1.');
  expect(ei.markup('privacy.count', { count: 1, n: (c) => `[${c}]`, link: (c) => c })).toBe('[1] open flag. Show in the experiment list');
});
it('the shift sentence from the catalog is the English one, word for word', () => {
  const t = createTranslator({ locale: 'en', messages: MESSAGES.en, namespace: 'insights.shift.sentence' });
  const say = shiftSentenceIn(t, (s) => `${Math.round(s * 100)}%`);
  const readings: ShiftReading[] = [
    { kind: 'empty' },
    { kind: 'noBase', share: 0.25 },
    { kind: 'up', share: 0.42, then: 0.18, yearAgo: true, base: '2025-Q4' },
    { kind: 'down', share: 0, then: 1, yearAgo: false, base: 'Q2 FY2026/27' },
    { kind: 'same', share: 0.5, then: 0.5, yearAgo: false, base: '2026-Q2' },
  ];
  for (const r of readings) expect(say(r)).toBe(englishShiftSentence(r));
});

it('the telemetry week label and spend notes from the catalog are the English ones', () => {
  const t = createTranslator({ locale: 'en', messages: MESSAGES.en, namespace: 'dashboard.telemetry' });
  const week = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date('2026-12-07T00:00:00Z'));
  expect(t('weekOf', { date: week })).toBe(usageBuckets({ from: '2026-12-07', to: '2026-12-13' }, 'week')[0].label);
  const words = spendWordsFor('en');
  const total = totalSpend(
    ['01', '02', '03', '04', '05'].map((m) => ({ month: `2026-${m}`, currency: 'EUR', costMicros: 2_000_000 })),
    'USD',
    rateBook([{ month: '2026-01', currency: 'EUR', rate: 1.1 }, { month: '2026-02', currency: 'EUR', rate: 1.2 }, { month: '2026-03', currency: 'EUR', rate: 1.05 }]),
  );
  expect(ratesText(total, 'USD')).toContain('rates set for 3 months');
  expect(unconvertedText(total)).toContain('not converted');
  expect(ratesText(total, 'USD', words)).toBe(ratesText(total, 'USD'));
  expect(unconvertedText(total, words)).toBe(unconvertedText(total));
});

it('the PDF’s notes on a converted total say the rates and what was left out in the reader’s language', () => {
  // Five months of EUR bills; rates set for three of them, none for April and May.
  const spend = totalSpend(
    ['01', '02', '03', '04', '05'].map((m) => ({ month: `2026-${m}`, currency: 'EUR', costMicros: 2_000_000 })),
    'USD',
    rateBook([{ month: '2026-01', currency: 'EUR', rate: 1.1 }, { month: '2026-02', currency: 'EUR', rate: 1.2 }, { month: '2026-03', currency: 'EUR', rate: 1.05 }]),
  );
  expect(usageNotes(spend, 'USD', 'en')).toBe('at the rates set for 3 months (1 EUR = 1.05–1.2 USD); + €4.00 not converted (no EUR rate for 2026-04, 2026-05)');
  expect(usageNotes(spend, 'USD', 'ko')).toBe('3개월에 설정된 환율 적용(1 EUR = 1.05–1.2 USD); + €4.00 미환산(2026-04, 2026-05의 EUR 환율 없음)');
  // Two rates or fewer are named one by one.
  const two = totalSpend([{ month: '2026-01', currency: 'EUR', costMicros: 2_000_000 }], 'USD', rateBook([{ month: '2026-01', currency: 'EUR', rate: 1.1 }]));
  expect(usageNotes(two, 'USD', 'en')).toBe('at 1 EUR = 1.1 USD (2026-01)');
  expect(usageNotes(two, 'USD', 'ko')).toBe('1 EUR = 1.1 USD (2026-01) 환율 적용');
  expect(usageNotes(totalSpend([], 'USD', rateBook([])), 'USD', 'ko')).toBe('');
});

it('usage that names no model is called so in the reader’s language on the telemetry table', () => {
  expect(MESSAGES.en.dashboard.telemetry.noModelNamed).toBe(NO_MODEL_NAMED);
  expect(MESSAGES.ko.dashboard.telemetry.noModelNamed).toBe('모델 이름 없음');
});
