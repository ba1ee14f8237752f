/**
 * Billed usage in the reporting currency. Pure and client-safe; its SQL half (the month a bill belongs to,
 * usageMonthSql) is in usage-buckets.ts.
 *
 * The rule, in one place:
 * - A bill (a day's cost, in micro-units of its currency) belongs to the calendar month of its day.
 * - A bill in the reporting currency counts as it is (rate 1).
 * - A bill in another currency is converted at the rate an admin set for that month and currency
 *   (usage_fx_rates: units of the reporting currency per one unit of the bill's currency).
 * - A bill with no rate for its month is never guessed nor dropped: it stays in its own currency, outside the
 *   converted total, and is listed as unconverted so every figure that leaves it out says so.
 */
import type { Locale } from '@/i18n/locales';
import { numberFormat } from '@/lib/intl/formatters';

export type FxRate = { month: string; currency: string; rate: number };
/** Bills of one month in one currency (micro-units). */
export type BillPart = { month: string; currency: string; costMicros: number };
export type UnconvertedBill = { month: string; currency: string; costMicros: number };

export type SpendTotal = {
  /** The converted bills, in micro-units of the reporting currency. */
  reportingMicros: number;
  /** Bills left in their own currency (no rate for their month), by month and currency. */
  unconverted: UnconvertedBill[];
  /** The admin-set rates the total used, by month and currency (the reporting currency itself is not listed). */
  ratesUsed: FxRate[];
};

export const MICROS_PER_UNIT = 1_000_000;
/** Experiments record spend in cents (minor units) of the reporting currency. */
export const MICROS_PER_CENT = 10_000;

/** The YYYY-MM month of a YYYY-MM-DD day. */
export const monthOfDay = (day: string) => day.slice(0, 7);

export type RateBook = ReadonlyMap<string, number>;
const rateKey = (month: string, currency: string) => `${month}|${currency}`;
/** The rates as a look-up table; `month` may be YYYY-MM or the stored YYYY-MM-01. */
export const rateBook = (rates: readonly FxRate[]): RateBook => new Map(rates.map((r) => [rateKey(monthOfDay(r.month), r.currency), r.rate]));

/** The rate that converts a month's bills in `currency`, 1 for the reporting currency, null when none is set. */
export function rateFor(month: string, currency: string, reporting: string, rates: RateBook): number | null {
  if (currency === reporting) return 1;
  return rates.get(rateKey(month, currency)) ?? null;
}

/** One month's bills in the reporting currency, or null when they cannot be converted. */
export function convertBill(part: BillPart, reporting: string, rates: RateBook): number | null {
  const rate = rateFor(part.month, part.currency, reporting, rates);
  return rate == null ? null : Math.round(part.costMicros * rate);
}

const byMonth = (a: { month: string; currency: string }, b: { month: string; currency: string }) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency);

/** Bills of many months and currencies as one total in the reporting currency, with what it left out. */
export function totalSpend(parts: readonly BillPart[], reporting: string, rates: RateBook): SpendTotal {
  let reportingMicros = 0;
  const unconverted = new Map<string, UnconvertedBill>();
  const used = new Map<string, FxRate>();
  for (const p of parts) {
    if (p.costMicros === 0) continue;
    const rate = rateFor(p.month, p.currency, reporting, rates);
    if (rate == null) {
      const key = rateKey(p.month, p.currency);
      const u = unconverted.get(key) ?? { month: p.month, currency: p.currency, costMicros: 0 };
      u.costMicros += p.costMicros;
      unconverted.set(key, u);
      continue;
    }
    reportingMicros += Math.round(p.costMicros * rate);
    if (p.currency !== reporting) used.set(rateKey(p.month, p.currency), { month: p.month, currency: p.currency, rate });
  }
  return { reportingMicros, unconverted: [...unconverted.values()].sort(byMonth), ratesUsed: [...used.values()].sort(byMonth) };
}

/** Totals added together (a team's months, every team…). */
export function addSpend(totals: readonly SpendTotal[]): SpendTotal {
  const unconverted = new Map<string, UnconvertedBill>();
  const used = new Map<string, FxRate>();
  let reportingMicros = 0;
  for (const t of totals) {
    reportingMicros += t.reportingMicros;
    for (const u of t.unconverted) {
      const key = rateKey(u.month, u.currency);
      const sum = unconverted.get(key) ?? { ...u, costMicros: 0 };
      sum.costMicros += u.costMicros;
      unconverted.set(key, sum);
    }
    for (const r of t.ratesUsed) used.set(rateKey(r.month, r.currency), r);
  }
  return { reportingMicros, unconverted: [...unconverted.values()].sort(byMonth), ratesUsed: [...used.values()].sort(byMonth) };
}

/** Unconverted bills summed per currency (what a figure adds "plus …" for). */
export function unconvertedByCurrency(unconverted: readonly UnconvertedBill[]): { currency: string; costMicros: number; months: string[] }[] {
  const out = new Map<string, { currency: string; costMicros: number; months: string[] }>();
  for (const u of unconverted) {
    const c = out.get(u.currency) ?? { currency: u.currency, costMicros: 0, months: [] };
    c.costMicros += u.costMicros;
    if (!c.months.includes(u.month)) c.months.push(u.month);
    out.set(u.currency, c);
  }
  return [...out.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** "12.35 EUR" style amount from micro-units, with the currency's own symbol when Intl knows it; in the reader's `locale`. */
export function formatMicros(micros: number, currency: string, digits = 2, locale: Locale = 'en'): string {
  const v = micros / MICROS_PER_UNIT;
  try {
    return numberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  } catch {
    return `${v.toFixed(digits)} ${currency}`;
  }
}

/** "1 EUR = 1.08 USD in Mar 2026": a rate as it is shown beside the figure it converted. */
export function describeRate(r: FxRate, reporting: string): string {
  return `1 ${r.currency} = ${Number(r.rate.toFixed(6))} ${reporting} (${r.month})`;
}

/** The sentence a converted figure carries: the rates it used and what it could not convert. */
export function spendNote(t: SpendTotal, reporting: string): string {
  const parts: string[] = [];
  if (t.ratesUsed.length) parts.push(`converted at ${t.ratesUsed.map((r) => describeRate(r, reporting)).join(', ')}`);
  const left = unconvertedByCurrency(t.unconverted);
  if (left.length)
    parts.push(`not converted (no rate set for ${left.flatMap((l) => l.months.map((m) => `${l.currency} ${m}`)).join(', ')}): ${left.map((l) => formatMicros(l.costMicros, l.currency)).join(' + ')} left out`);
  return parts.join('; ');
}

/** The words around the rates and the unconverted bills beside a figure, so a page can say them in its reader's language. */
export type SpendWords = {
  at: (rates: string) => string;
  atMonthly: (months: number, ranges: string) => string;
  unconverted: (amount: string, currency: string, months: string) => string;
  months: (count: number) => string;
};
export const ENGLISH_SPEND_WORDS: SpendWords = {
  at: (rates) => `at ${rates}`,
  atMonthly: (months, ranges) => `at the rates set for ${months} months (${ranges})`,
  unconverted: (amount, currency, months) => `+ ${amount} not converted (no ${currency} rate for ${months})`,
  months: (count) => `${count} months`,
};

/** The rates beside a figure: each one when there are few, else the range per currency. */
export function ratesText(t: SpendTotal, reporting: string, words: SpendWords = ENGLISH_SPEND_WORDS): string | null {
  if (!t.ratesUsed.length) return null;
  if (t.ratesUsed.length <= 2) return words.at(t.ratesUsed.map((r) => describeRate(r, reporting)).join(', '));
  const byCurrency = new Map<string, number[]>();
  for (const r of t.ratesUsed) byCurrency.set(r.currency, [...(byCurrency.get(r.currency) ?? []), r.rate]);
  const ranges = [...byCurrency].map(([c, rs]) => {
    const lo = Math.min(...rs);
    const hi = Math.max(...rs);
    return `1 ${c} = ${lo === hi ? lo : `${lo}–${hi}`} ${reporting}`;
  });
  return words.atMonthly(t.ratesUsed.length, ranges.join('; '));
}

/** The flag beside a figure that left bills out: how much, in which currency, for which months. */
export function unconvertedText(t: SpendTotal, words: SpendWords = ENGLISH_SPEND_WORDS, locale: Locale = 'en'): string | null {
  const left = unconvertedByCurrency(t.unconverted);
  if (!left.length) return null;
  return left
    .map((l) => words.unconverted(formatMicros(l.costMicros, l.currency, 2, locale), l.currency, l.months.length > 3 ? words.months(l.months.length) : l.months.join(', ')))
    .join('; ');
}

/** Digits after the point of a currency's minor unit (2 for USD, 0 for JPY; 2 when Intl does not know it). */
export function minorDigits(currency: string): number {
  try {
    return numberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Micro-units as whole minor units (cents for USD), rounded: what exports and the API carry. */
export const microsToMinor = (micros: number, currency: string) => Math.round(micros / 10 ** (6 - minorDigits(currency)));
