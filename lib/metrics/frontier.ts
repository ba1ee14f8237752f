/**
 * The capability/price frontier: for each price, the best score available at or below it.
 * A model is on the frontier when no model at the same or a lower price scores as well or better.
 */
export type PricedScore<T = unknown> = { price: number; score: number; item: T };

export function frontier<T>(points: readonly PricedScore<T>[]): PricedScore<T>[] {
  // Cheapest first; at equal price the higher score first, so the lower one is dominated.
  const sorted = [...points].filter((p) => Number.isFinite(p.price) && Number.isFinite(p.score)).sort((a, b) => a.price - b.price || b.score - a.score);
  const out: PricedScore<T>[] = [];
  for (const p of sorted) {
    const best = out.at(-1);
    if (!best || p.score > best.score) out.push(p);
  }
  return out;
}

export type YearModel<T> = { releaseDate: string; priceOn: (date: string) => number | null; score: number | null; item: T };

/**
 * One frontier per year: the models released by the end of that year, each at the price in force on
 * 31 December (or on `today` for the current year), so a later price cut moves the later frontier.
 */
export function frontierByYear<T>(models: readonly YearModel<T>[], years: readonly number[], today: string) {
  return years.map((year) => {
    const end = `${year}-12-31` < today ? `${year}-12-31` : today;
    const available: PricedScore<T>[] = [];
    for (const m of models) {
      if (m.releaseDate > end || m.score == null) continue;
      const price = m.priceOn(end);
      if (price != null) available.push({ price, score: m.score, item: m.item });
    }
    return { year, asOf: end, points: frontier(available) };
  });
}

/**
 * The frontier as a step line: the best score at or below price x stays flat until the next frontier
 * model's price, then jumps up. Points must come from `frontier()` (sorted by price, rising score).
 */
export function frontierStepLine<T>(points: readonly PricedScore<T>[]): { price: number; score: number }[] {
  const line: { price: number; score: number }[] = [];
  points.forEach((p, i) => {
    if (i > 0) line.push({ price: p.price, score: points[i - 1].score });
    line.push({ price: p.price, score: p.score });
  });
  return line;
}

/** Powers of ten covering [min, max], for log axes. */
export function log10Ticks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > 0)) return [];
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) ticks.push(10 ** e);
  return ticks;
}

/** 1 January of each year inside [from, to] (milliseconds), for time axes. */
export function yearTicks(from: number, to: number): number[] {
  const ticks: number[] = [];
  for (let y = new Date(from).getUTCFullYear(); y <= new Date(to).getUTCFullYear(); y++) {
    const t = Date.UTC(y, 0, 1);
    if (t >= from && t <= to) ticks.push(t);
  }
  return ticks;
}
