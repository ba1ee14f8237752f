/**
 * The few scale helpers the server-rendered SVG charts need (components/charts/*-svg.tsx and
 * trend-capability-price.tsx), instead of shipping d3-scale to the browser. Pure, unit-tested.
 */

/** A "nice" step (1, 2, 2.5 or 5 × 10^k) giving about `count` intervals over `span`. */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Round ticks from 0 (or below, for negative data) covering [min, max]: the last tick is the axis maximum.
 * `integer` keeps steps whole (counts of experiments, teams). An empty or flat range still gets an axis.
 */
export function niceTicks(min: number, max: number, count = 5, integer = false): number[] {
  const lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (hi === lo) hi = lo + (integer ? Math.max(1, count - 1) : 1);
  let step = niceStep(hi - lo, count);
  if (integer) step = Math.max(1, Math.ceil(step));
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 style drift never shows in a label.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  return ticks;
}

export type Scale = (v: number) => number;

/** Maps [d0, d1] linearly onto [r0, r1]; a flat domain maps to r0. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** Maps [d0, d1] (both > 0) onto [r0, r1] on a log10 scale; values ≤ 0 are clamped to d0. */
export function logScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const l0 = Math.log10(d0);
  const l1 = Math.log10(d1);
  const inner = linearScale([l0, l1], [r0, r1]);
  return (v) => inner(Math.log10(v > 0 ? v : d0));
}

/** Show every k-th of n category labels so that at most `max` are drawn (always at least every one). */
export function labelEvery(n: number, max: number): number {
  return Math.max(1, Math.ceil(n / Math.max(1, max)));
}

/** Splits a label into at most `lines` lines of about `width` characters, breaking between words; the rest ends in "…". */
export function wrapLabel(label: string, width: number, lines = 2): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (!current) current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current) out.push(current);
  if (out.length <= lines) return out.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  const kept = out.slice(0, lines);
  const last = kept[lines - 1];
  kept[lines - 1] = `${last.slice(0, Math.max(1, width - 1))}…`;
  return kept;
}
