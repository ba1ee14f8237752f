import { formatMoneyCents } from '@/lib/format';

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

/** Human text for a change: "+12 (+25%)", "+5.0 pts", "no change", "new" (previous 0). */
export function describeChange(c: Change | null, kind: ValueKind, currency: string): string {
  if (!c) return 'no comparison';
  if (c.direction === 'flat') return 'no change';
  const sign = c.delta > 0 ? '+' : '−';
  const abs = Math.abs(c.delta);
  if (kind === 'share') return `${sign}${(abs * 100).toFixed(1)} pts`;
  const amount =
    kind === 'cents'
      ? formatMoneyCents(abs, currency)
      : abs.toLocaleString('en-US', { maximumFractionDigits: kind === 'impact' ? 1 : 0 });
  if (c.pct == null) return `${sign}${amount} (new)`;
  return `${sign}${amount} (${sign}${Math.abs(Math.round(c.pct * 100))}%)`;
}

/** A headline figure as every page and file shows it (the dashboard's cards, the PDF, the Reports page). */
export function formatKpiValue(v: number | null, kind: ValueKind, currency: string): string {
  if (v == null) return '—';
  switch (kind) {
    case 'share':
      return `${Math.round(v * 100)}%`;
    case 'cents':
      return formatMoneyCents(v, currency);
    case 'impact':
      return v.toFixed(1);
    default:
      return Math.round(v).toLocaleString('en-US');
  }
}
