/**
 * Period arithmetic on ISO dates (YYYY-MM-DD, UTC, inclusive at both ends). Pure, so the dashboard,
 * its drill-down links and the tests all agree on what "last 90 days" or "the previous period" is.
 * "This quarter" and "This fiscal year" follow the organisation's fiscal year start (lib/metrics/quarter.ts).
 */
import type { Locale } from '@/i18n/locales';
import { dateTimeFormat } from '@/lib/intl/formatters';
import { fiscalYearStart, quarterStart, type FiscalStart } from './quarter';

export type Period = { from: string; to: string };
export type MonthBucket = Period & { month: string };

export const PERIOD_PRESETS = ['90d', 'quarter', 'year', '12m', 'all', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const PERIOD_PRESET_LABEL: Record<PeriodPreset, string> = {
  '90d': 'Last 90 days',
  quarter: 'This quarter',
  year: 'This fiscal year',
  '12m': 'Last 12 months',
  all: 'All time',
  custom: 'Custom',
};

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number) => toIso(toMs(iso) + days * DAY);

/** Calendar months later (negative: earlier); the day is clamped to the target month's length. */
export function addMonths(iso: string, months: number): string {
  const d = new Date(toMs(iso));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return toIso(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

/** Number of days in the period, both ends included. */
export const periodDays = (p: Period) => Math.round((toMs(p.to) - toMs(p.from)) / DAY) + 1;

/**
 * The selected period. `earliest` (the first experiment's start) anchors "all" and an open custom start.
 * Custom bounds given the wrong way round are swapped rather than rejected.
 */
export function resolvePeriod(preset: PeriodPreset, today: string, opts: { from?: string; to?: string; earliest?: string; fyStart?: FiscalStart } = {}): Period {
  switch (preset) {
    case '90d':
      return { from: addDays(today, -89), to: today };
    case 'quarter':
      return { from: quarterStart(today, opts.fyStart), to: today };
    case 'year':
      return { from: fiscalYearStart(today, opts.fyStart), to: today };
    case '12m':
      return { from: addDays(addMonths(today, -12), 1), to: today };
    case 'all':
      return { from: opts.earliest && opts.earliest < today ? opts.earliest : today, to: today };
    case 'custom': {
      const from = opts.from ?? opts.earliest ?? addDays(today, -89);
      const to = opts.to ?? today;
      return from <= to ? { from, to } : { from: to, to: from };
    }
  }
}

/** The period of the same length that ends the day before `p` starts. */
export function previousPeriod(p: Period): Period {
  const to = addDays(p.from, -1);
  return { from: addDays(to, -(periodDays(p) - 1)), to };
}

/**
 * What a period is compared with. Quarter and fiscal year to date: the same stretch of the previous fiscal
 * quarter or year (1 Apr–15 May against 1 Jan–15 Feb), so a fiscal quarter meets the one before it, not a
 * window of days that straddles two. Other presets: previousPeriod. "All time" has nothing before it.
 */
export function comparedPeriod(preset: PeriodPreset, p: Period): Period | null {
  if (preset === 'all') return null;
  const months = preset === 'quarter' ? 3 : preset === 'year' ? 12 : 0;
  if (!months) return previousPeriod(p);
  return { from: addMonths(p.from, -months), to: addMonths(p.to, -months) };
}

/**
 * Calendar months overlapping the period, each clipped to it (so a drill-down from a month bar lists
 * exactly the experiments of that slice). Only the last `max` months are kept: a series stays small.
 */
export function monthBuckets(p: Period, max = 120): MonthBucket[] {
  const out: MonthBucket[] = [];
  let start = `${p.from.slice(0, 7)}-01`;
  while (start <= p.to) {
    const next = addMonths(start, 1);
    const end = addDays(next, -1);
    out.push({ month: start.slice(0, 7), from: start < p.from ? p.from : start, to: end > p.to ? p.to : end });
    start = next;
  }
  return out.slice(-max);
}

/** "Mar 2026" for a YYYY-MM month key ("2026년 3월" in Korean). */
export function monthLabel(month: string, locale: Locale = 'en'): string {
  return dateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** "1 Sep 2026 – 28 Nov 2026" ("2026년 9월 1일 – 2026년 11월 28일" in Korean). */
export function formatPeriod(p: Period, locale: Locale = 'en'): string {
  const f = (iso: string) =>
    dateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return `${f(p.from)} – ${f(p.to)}`;
}
