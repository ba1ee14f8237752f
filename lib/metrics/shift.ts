import { MINDSETS, type Mindset } from '@/db/schema/experiments';
import { NOT_SET, type NotSet } from './not-set';
import { quarterLabel, quarterOf, shiftQuarter, type FiscalStart, type Quarter } from './quarter';

/**
 * The shift from automation to augmentation: the mindset mix of new experiments and the
 * capability-vs-efficiency outcome mix, per quarter, with one sentence read from the data.
 */
/** Experiments whose mindset nobody chose yet count in their own group, never as a guessed mindset. */
export type MindsetRow = { quarter: Quarter; automate: number; accelerate: number; new_capability: number; not_set: number; total: number };
export type MindsetKey = Mindset | NotSet;
/** The groups of a mindset mix, in the order charts stack them. */
export const MINDSET_MIX_KEYS = [...MINDSETS, NOT_SET] as const;

/** Count of new experiments by mindset per (fiscal) quarter, for every quarter from the first to `until` (gaps filled). */
export function mindsetMixByQuarter(items: { created: string; mindset: Mindset | null }[], until: Quarter, fyStart: FiscalStart = 1): MindsetRow[] {
  return mindsetMixFromCounts(items.map((i) => ({ quarter: quarterOf(i.created, fyStart), mindset: i.mindset ?? NOT_SET, n: 1 })), until);
}

/** The same mix from counts already grouped by quarter and mindset (the database does the counting). */
export function mindsetMixFromCounts(counts: { quarter: Quarter; mindset: MindsetKey; n: number }[], until: Quarter): MindsetRow[] {
  if (!counts.length) return [];
  const by = new Map<Quarter, MindsetRow>();
  const first = counts.map((c) => c.quarter).sort()[0];
  for (let q = first; q <= until; q = shiftQuarter(q, -1)) by.set(q, { quarter: q, automate: 0, accelerate: 0, new_capability: 0, not_set: 0, total: 0 });
  for (const c of counts) {
    const row = by.get(c.quarter);
    if (!row) continue;
    row[c.mindset] += c.n;
    row.total += c.n;
  }
  return [...by.values()];
}

export type OutcomeMixRow = { quarter: Quarter; capability: number; efficiencyOnly: number; total: number };

/**
 * Completed experiments per quarter of completion: those with a capability outcome versus those that
 * recorded only time/cost results.
 */
export function outcomeMixByQuarter(items: { ended: string; hasCapability: boolean }[], until: Quarter, fyStart: FiscalStart = 1): OutcomeMixRow[] {
  if (!items.length) return [];
  const by = new Map<Quarter, OutcomeMixRow>();
  const first = items.map((i) => quarterOf(i.ended, fyStart)).sort()[0];
  for (let q = first; q <= until; q = shiftQuarter(q, -1)) by.set(q, { quarter: q, capability: 0, efficiencyOnly: 0, total: 0 });
  for (const i of items) {
    const row = by.get(quarterOf(i.ended, fyStart));
    if (!row) continue;
    if (i.hasCapability) row.capability += 1;
    else row.efficiencyOnly += 1;
    row.total += 1;
  }
  return [...by.values()];
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

/**
 * What the shift sentence says, as data, so a page can say it in its reader's language: this quarter's share
 * of new experiments aiming at a new capability against the same quarter a year before, or else the earliest
 * quarter with data (`base`, its label). `empty`: no new experiment this quarter.
 */
export type ShiftReading =
  | { kind: 'empty' }
  | { kind: 'noBase'; share: number }
  | { kind: 'up' | 'down' | 'same'; share: number; then: number; yearAgo: boolean; base: string };

export function shiftReading(rows: MindsetRow[], current: Quarter, fyStart: FiscalStart = 1): ShiftReading {
  const now = rows.find((r) => r.quarter === current);
  if (!now || now.total === 0) return { kind: 'empty' };
  const share = now.new_capability / now.total;
  const yearAgo = rows.find((r) => r.quarter === shiftQuarter(current, 4) && r.total > 0);
  const base = yearAgo ?? rows.find((r) => r.total > 0 && r.quarter < current);
  if (!base) return { kind: 'noBase', share };
  const then = base.new_capability / base.total;
  const diff = Math.round(share * 100) - Math.round(then * 100);
  return { kind: diff === 0 ? 'same' : diff > 0 ? 'up' : 'down', share, then, yearAgo: Boolean(yearAgo), base: quarterLabel(base.quarter, fyStart) };
}

/** The shift sentence in English (the digest, the API, the tests): see shiftReading. */
export function englishShiftSentence(r: ShiftReading): string {
  if (r.kind === 'empty') return 'No new experiments this quarter yet, so there is no shift to read.';
  const head = `This quarter ${pct(r.share)} of new experiments aim at a new capability`;
  if (r.kind === 'noBase') return `${head}; there is no earlier quarter to compare with.`;
  const when = r.yearAgo ? 'a year ago' : `in ${r.base}`;
  if (r.kind === 'same') return `${head}, the same as ${when}.`;
  return `${head}, ${r.kind} from ${pct(r.then)} ${when}.`;
}

/**
 * "This quarter 41% of new experiments aim at a new capability, up from 18% a year ago."
 * Compares `current` with the same quarter a year before, or the earliest quarter with data.
 */
export function shiftSentence(rows: MindsetRow[], current: Quarter, fyStart: FiscalStart = 1, say: (r: ShiftReading) => string = englishShiftSentence): string {
  return say(shiftReading(rows, current, fyStart));
}

/**
 * Each row's counts as whole percentages of the row's total (for 100% stacked bars). Largest remainder:
 * the parts always add up to exactly 100, so a stacked bar never reads 99% or 101% (2 of 3 and 1 of 6
 * twice rounds to 67 + 17 + 17 = 101; this gives 67 + 17 + 16).
 */
export function toPercentages<K extends string>(rows: ({ quarter: Quarter } & Record<K, number>)[], keys: readonly K[]) {
  return rows.map((row) => {
    const parts = wholePercentages(keys.map((k) => row[k]));
    const out = { quarter: row.quarter, total: keys.reduce((s, k) => s + row[k], 0) } as { quarter: Quarter; total: number } & Record<K, number>;
    keys.forEach((k, i) => ((out as Record<K, number>)[k] = parts[i]));
    return out;
  });
}

/** Whole percentages of `counts` that sum to exactly 100 (all 0 when the total is 0); ties go to the earlier part. */
export function wholePercentages(counts: readonly number[]): number[] {
  const total = counts.reduce((s, n) => s + n, 0);
  if (!total) return counts.map(() => 0);
  // Whole-number arithmetic (counts × 100 by the total) so equal remainders compare equal.
  const out = counts.map((n) => Math.floor((n * 100) / total));
  const order = counts.map((n, i) => ({ i, rest: (n * 100) % total })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let left = 100 - out.reduce((s, n) => s + n, 0), j = 0; left > 0; left--, j++) out[order[j].i] += 1;
  return out;
}
