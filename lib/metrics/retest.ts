/**
 * Re-test radar: an experiment blocked because "the model was not capable enough" deserves another try
 * once the catalog has a model released after it ended that beats what it used on the benchmark it named,
 * meets the lead's capability bar and, with a price ceiling, costs no more.
 * Must agree with retestCandidateSql in db/queries/experiment-filters.ts (the list's `retest=yes`).
 */
export type RadarModel = {
  id: number;
  name: string;
  vendor: string;
  releaseDate: string;
  /** Score on the experiment's benchmark, percent; null when not measured. */
  score: number | null;
  /** Blended USD per million tokens in force today (3 input : 1 output); null when unknown. */
  price: number | null;
};

export type BlockedExperiment = {
  endDate: string | null;
  usedModelIds: number[];
  minScore: number | null;
  maxPrice: number | null;
};

export type RetestCandidate = RadarModel & {
  /** Points above the best model the experiment used. */
  pointsGain: number;
  /** How many times cheaper than the cheapest model used (null when either price is unknown). */
  cheaperFactor: number | null;
  monthsLater: number;
};

/** 3 input tokens for every output token: the usual blend for a price on one axis. */
export function blendedPrice(inputUsdPerMtok: number, outputUsdPerMtok: number): number {
  return (3 * inputUsdPerMtok + outputUsdPerMtok) / 4;
}

/** Whole months from one ISO date to another (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export function findRetestCandidates(exp: BlockedExperiment, catalog: RadarModel[]): RetestCandidate[] {
  if (!exp.endDate) return [];
  const used = catalog.filter((m) => exp.usedModelIds.includes(m.id));
  const bestUsed = Math.max(0, ...used.map((m) => m.score ?? 0));
  const usedPrices = used.map((m) => m.price).filter((p): p is number => p != null && p > 0);
  const cheapestUsed = usedPrices.length ? Math.min(...usedPrices) : null;
  const endDate = exp.endDate;
  return catalog
    .filter(
      (m) =>
        m.releaseDate > endDate &&
        m.score != null &&
        m.score > bestUsed &&
        m.score >= (exp.minScore ?? 0) &&
        (exp.maxPrice == null || (m.price != null && m.price <= exp.maxPrice)),
    )
    .map((m) => ({
      ...m,
      pointsGain: Math.round(((m.score ?? 0) - bestUsed) * 10) / 10,
      cheaperFactor: cheapestUsed != null && m.price != null && m.price > 0 ? cheapestUsed / m.price : null,
      monthsLater: monthsBetween(endDate, m.releaseDate),
    }))
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.price ?? Infinity) - (b.price ?? Infinity));
}

/** "+12.3 points, 4× cheaper, released 9 months later" — the evidence in one line. */
export function describeCandidate(c: RetestCandidate): string {
  const parts = [`+${c.pointsGain.toFixed(1)} points`];
  if (c.cheaperFactor != null) {
    if (c.cheaperFactor >= 1.05) parts.push(`${formatFactor(c.cheaperFactor)}× cheaper`);
    else if (c.cheaperFactor <= 0.95) parts.push(`${formatFactor(1 / c.cheaperFactor)}× the price`);
    else parts.push('about the same price');
  }
  parts.push(`released ${c.monthsLater} month${c.monthsLater === 1 ? '' : 's'} later`);
  return parts.join(', ');
}

function formatFactor(f: number): string {
  return f >= 10 ? Math.round(f).toString() : f.toFixed(1).replace(/\.0$/, '');
}
