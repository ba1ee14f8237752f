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
