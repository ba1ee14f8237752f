import type { Locale } from '@/i18n/locales';

/**
 * Display formatting shared by pages, exports and reports: one way to write a number, an amount or a
 * price everywhere, with thousands separators ("1,238 hours", "$8,230"), in the reader's language
 * (`formatterFor(locale)`; the plain exports below are English). Intl.NumberFormat (built into Node and
 * every browser) does the work; formatters are built once per locale and style.
 */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR' };
const cache = new Map<string, Intl.NumberFormat>();
const nfIn = (locale: Locale) => (options: Intl.NumberFormatOptions) => {
  const key = `${locale}:${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
  return f;
};

const missing = (n: unknown): n is null | undefined | '' => n == null || n === '' || (typeof n === 'number' && Number.isNaN(n));

/** Every formatter, writing numbers, amounts and percentages the way the reader's language does. */
export function formatterFor(locale: Locale) {
  const nf = nfIn(locale);

  /** "1,238", "2.5" (up to `digits` decimals, none forced); "—" when there is no figure. */
  const formatNumber = (n: number | null | undefined, digits = 0) =>
    missing(n) ? '—' : nf({ maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);

  /** "1,238 hours", "1 hour", "2.5 hours". */
  const formatHours = (n: number | string | null | undefined, digits = 1) => {
    if (missing(n)) return '—';
    const v = Number(n);
    return locale === 'ko' ? `${formatNumber(v, digits)}시간` : `${formatNumber(v, digits)} ${v === 1 ? 'hour' : 'hours'}`;
  };

  /** Whole hours in a chart's or a table's short form: "1,238 h", "1,238시간". */
  const formatHoursShort = (n: number) => (locale === 'ko' ? `${formatNumber(Math.round(n))}시간` : `${formatNumber(Math.round(n))} h`);

  /**
   * A price or an amount in US dollars, in one style: two decimals ("$2.50", "$1,250.00"), more only below
   * a dollar so a small price stays exact ("$0.075"), never fewer. `digits` raises the minimum (cost per task).
   */
  const formatUsd = (n: number | string | null | undefined, digits = 2) => {
    if (missing(n)) return '—';
    const v = Number(n);
    const small = v !== 0 && Math.abs(v) < 1;
    return nf({ style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: small ? Math.max(digits, 4) : digits }).format(v);
  };

  /**
   * Whole units from cents in the organisation's currency (org_settings.currency), as the dashboard's cards
   * write spend: "$8,230", "€8,230". The currency is required: every amount an organisation records is in
   * its own currency; only vendor list prices are USD (formatUsd, labelled so).
   */
  const formatMoneyCents = (cents: number | null | undefined, currency: string) =>
    missing(cents) ? '—' : nf({ style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(cents / 100);

  /** An amount of money from cents in the organisation's currency, exact to the cent when it has cents: "$250", "€1,234.50". */
  const formatCentsExact = (cents: number | null | undefined, currency: string) => {
    if (missing(cents)) return '—';
    const whole = cents % 100 === 0;
    return nf({ style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 }).format(cents / 100);
  };

  /** A share (0–1) as a whole percentage, never above 100% or below 0%: "42%". */
  const formatPercent = (share: number | null | undefined) =>
    missing(share) ? '—' : nf({ style: 'percent', maximumFractionDigits: 0 }).format(Math.min(1, Math.max(0, share)));

  /**
   * An alert's figures, written as its stored English has always written them — no thousands separators: a
   * benchmark score to one decimal at most ("85.3", "1312"), a blended price to exactly two ("$0.26", "$1234.50").
   */
  const formatAlertScore = (n: number) => nf({ maximumFractionDigits: 1, minimumFractionDigits: 0, useGrouping: false }).format(n);
  const formatAlertPrice = (n: number) =>
    nf({ style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(n);

  const formatFlop = (flop: number | null | undefined) => {
    if (flop == null) return '—';
    const exp = Math.floor(Math.log10(flop));
    const mantissa = flop / 10 ** exp;
    return `${mantissa.toFixed(1)}×10^${exp}`;
  };

  // ISO days in both languages (2026-12-06): unambiguous, sortable, and what Korean business documents also use.
  const formatDate = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');
  return { formatNumber, formatHours, formatHoursShort, formatUsd, formatMoneyCents, formatCentsExact, formatPercent, formatAlertScore, formatAlertPrice, formatFlop, formatDate };
}

export type Formatter = ReturnType<typeof formatterFor>;

/** English, for code that writes for no particular reader (logs, the API's text fields, tests). */
export const { formatNumber, formatHours, formatUsd, formatMoneyCents, formatCentsExact, formatPercent, formatFlop, formatDate } = formatterFor('en');
