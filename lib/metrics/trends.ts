/**
 * "The price of a capability level over time": the cheapest model at or above a score threshold on
 * each date, at the price in force that day, and the decline rate fitted the way Epoch AI does it
 * (log-linear fit over the models that set a new lowest price).
 */
import { blendedAt, type PriceChange } from './prices';

export type TrendModel = { slug: string; name: string; releaseDate: string; score: number | null; prices: readonly PriceChange[] };
export type CheapestStep = { date: string; price: number; slug: string; name: string; record: boolean };

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
export const monthsBetween = (from: string, to: string) => daysBetween(from, to) / 30.4375;

/** One step each time the cheapest qualifying model or its price changes, from the first qualifying release to `today`. */
export function cheapestAtOrAbove(models: readonly TrendModel[], threshold: number, today: string): CheapestStep[] {
  const qualifying = models.filter((m) => m.score != null && m.score >= threshold && m.prices.length > 0 && m.releaseDate <= today);
  const dates = new Set<string>();
  for (const m of qualifying) {
    dates.add(m.releaseDate);
    for (const p of m.prices) if (p.effectiveDate > m.releaseDate && p.effectiveDate <= today) dates.add(p.effectiveDate);
  }
  const steps: CheapestStep[] = [];
  let lowest = Infinity;
  for (const date of [...dates].sort()) {
    let best: { price: number; m: TrendModel } | null = null;
    for (const m of qualifying) {
      if (m.releaseDate > date) continue;
      const price = blendedAt(m.prices, date);
      // Ties keep the earlier release: it set that price first.
      if (price != null && (best == null || price < best.price || (price === best.price && m.releaseDate < best.m.releaseDate))) best = { price, m };
    }
    if (!best) continue;
    const prev = steps.at(-1);
    if (prev && prev.price === best.price && prev.slug === best.m.slug) continue;
    const record = best.price < lowest;
    lowest = Math.min(lowest, best.price);
    steps.push({ date, price: best.price, slug: best.m.slug, name: best.m.name, record });
  }
  return steps;
}

/** Least-squares slope and intercept of y on x. */
export function linearFit(points: readonly { x: number; y: number }[]): { slope: number; intercept: number } | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

export type PriceDecline = {
  first: CheapestStep;
  current: CheapestStep;
  /** First price ÷ today's lowest price. */
  factor: number;
  /** From the first model at this level to when today's lowest price was set. */
  months: number;
  /** Fitted decline per year (price divided by this each year), or null with fewer than two records. */
  perYear: number | null;
  /** Days today's lowest price has stood. */
  stoodDays: number;
};

export function priceDecline(steps: readonly CheapestStep[], today: string): PriceDecline | null {
  if (steps.length === 0) return null;
  const first = steps[0];
  const current = steps.reduce((lo, s) => (s.price < lo.price ? s : lo), steps[0]);
  const records = steps.filter((s) => s.record).map((s) => ({ x: daysBetween(first.date, s.date) / 365.25, y: Math.log(s.price) }));
  const fit = linearFit(records);
  return {
    first,
    current,
    factor: first.price / current.price,
    months: monthsBetween(first.date, current.date),
    perYear: fit ? Math.exp(-fit.slope) : null,
    stoodDays: daysBetween(current.date, today),
  };
}
