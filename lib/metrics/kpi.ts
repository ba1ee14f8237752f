import { formatterFor, type Formatter } from '@/lib/format';

const ENGLISH = formatterFor('en');

/** Headline-figure arithmetic: change against the previous period and shares, with empty periods handled. */
export type Change = {
  /** current − previous (for shares: percentage points × 1/100, i.e. 0.05 = 5 points) */
  delta: number;
  /** relative change; null when the previous value is 0 (no meaningful percentage) */
  pct: number | null;
  direction: 'up' | 'down' | 'flat';
};

const EPSILON = 1e-9;

export function change(current: number, previous: number | null | undefined): Change | null {
  if (previous == null) return null;
  const delta = current - previous;
  const direction = Math.abs(delta) < EPSILON ? 'flat' : delta > 0 ? 'up' : 'down';
  return { delta, pct: previous === 0 ? null : delta / previous, direction };
}

/** part ÷ whole, or null for an empty whole (an empty period has no share, not 0 %). */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Change of a share, in percentage points; null when either side has no share. */
export function shareChange(current: number | null, previous: number | null): Change | null {
  if (current == null || previous == null) return null;
  const c = change(current, previous)!;
  return { ...c, pct: null };
}

export type ValueKind = 'count' | 'hours' | 'cents' | 'share' | 'impact';

/** The words of a change, so a page can say it in its reader's language (English by default, for exports). */
export type ChangeWords = { none: string; flat: string; points: (points: string) => string; fresh: string };
export const ENGLISH_CHANGE_WORDS: ChangeWords = { none: 'no comparison', flat: 'no change', points: (p) => `${p} pts`, fresh: 'new' };

/** Human text for a change: "+12 (+25%)", "+5.0 pts", "no change", "new" (previous 0). */
export function describeChange(c: Change | null, kind: ValueKind, currency: string, words: ChangeWords = ENGLISH_CHANGE_WORDS, f: Formatter = ENGLISH): string {
  if (!c) return words.none;
  if (c.direction === 'flat') return words.flat;
  const sign = c.delta > 0 ? '+' : '−';
  const abs = Math.abs(c.delta);
  if (kind === 'share') return words.points(`${sign}${(abs * 100).toFixed(1)}`);
  const amount = kind === 'cents' ? f.formatMoneyCents(abs, currency) : f.formatNumber(abs, kind === 'impact' ? 1 : 0);
  if (c.pct == null) return `${sign}${amount} (${words.fresh})`;
  return `${sign}${amount} (${sign}${Math.abs(Math.round(c.pct * 100))}%)`;
}

/** A headline figure as every page and file shows it (the dashboard's cards, the PDF, the Reports page). */
export function formatKpiValue(v: number | null, kind: ValueKind, currency: string, f: Formatter = ENGLISH): string {
  if (v == null) return '—';
  switch (kind) {
    case 'share':
      return `${Math.round(v * 100)}%`;
    case 'cents':
      return f.formatMoneyCents(v, currency);
    case 'impact':
      return v.toFixed(1);
    default:
      return f.formatNumber(Math.round(v));
  }
}
