/**
 * Re-test radar: an experiment blocked because "the model was not capable enough" deserves another try
 * once the catalog has a model released after it was blocked (its end date, else its start date, else any
 * model) that beats what it used on the benchmark the lead named, at some reasoning effort, meets the
 * lead's bar at that effort and, with a price ceiling, costs no more.
 * findRetestCandidates is the rule on loaded rows (the radar's detail); retestCandidateSql in
 * db/queries/insights/radar-scores.ts is the same rule in SQL (the list's `retest=yes` and the dashboard's
 * count), built from blockedSinceSql and blendedPriceSql; tests/insights-queries.test.ts holds them to the
 * same answers.
 */

export type RadarModel = {
  id: number;
  name: string;
  vendor: string;
  releaseDate: string;
  /** Best score on the experiment's benchmark over its efforts, in the benchmark's unit; null when not measured. */
  score: number | null;
  /** Every score on that benchmark, one per reasoning effort ('' when the source names none). */
  efforts: { effort: string; score: number }[];
  /** Blended USD per million tokens in force today (3 input : 1 output); null when unknown. */
  price: number | null;
};

export type BlockedExperiment = {
  endDate: string | null;
  /** Stands in for a missing end date: the experiment was blocked no earlier than it started. */
  startDate?: string | null;
  usedModelIds: number[];
  minScore: number | null;
  maxPrice: number | null;
};

export type RetestCandidate = RadarModel & {
  /** Points above the best model the experiment used. */
  pointsGain: number;
  /** How many times cheaper than the cheapest model used (null when either price is unknown). */
  cheaperFactor: number | null;
  /** Months between the day the experiment was blocked and the release; null when it has no dates. */
  monthsLater: number | null;
  /** The lowest-scoring effort that still clears the bar and beats the models used: what a re-test needs. */
  effort: string;
  effortScore: number;
};

/** The day a model must be released after to count: the end date, else the start date, else none. */
export function blockedSince(exp: Pick<BlockedExperiment, 'endDate' | 'startDate'>): string | null {
  return exp.endDate ?? exp.startDate ?? null;
}

/** Whole months from one ISO date to another (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export function findRetestCandidates(exp: BlockedExperiment, catalog: RadarModel[]): RetestCandidate[] {
  const used = catalog.filter((m) => exp.usedModelIds.includes(m.id));
  // Rounded as experiments.used_best_score (numeric(5,1)) keeps it, so the list's filter agrees.
  const bestUsed = Math.round(Math.max(0, ...used.map((m) => m.score ?? 0)) * 10) / 10;
  const usedPrices = used.map((m) => m.price).filter((p): p is number => p != null && p > 0);
  const cheapestUsed = usedPrices.length ? Math.min(...usedPrices) : null;
  const since = blockedSince(exp);
  const out: RetestCandidate[] = [];
  for (const m of newerWithinCeiling(exp, catalog)) {
    // Efforts that clear the bar and beat what was used; the weakest of them is the effort a re-test needs.
    const clearing = m.efforts
      .filter((e) => e.score > bestUsed && e.score >= (exp.minScore ?? 0))
      .sort((a, b) => a.score - b.score || a.effort.localeCompare(b.effort));
    if (!clearing.length) continue;
    out.push({
      ...m,
      pointsGain: Math.round(((m.score ?? 0) - bestUsed) * 10) / 10,
      cheaperFactor: cheapestUsed != null && m.price != null && m.price > 0 ? cheapestUsed / m.price : null,
      monthsLater: since == null ? null : monthsBetween(since, m.releaseDate),
      effort: clearing[0].effort,
      effortScore: clearing[0].score,
    });
  }
  return out.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.price ?? Infinity) - (b.price ?? Infinity));
}

/** Newer models within the price ceiling that have no score on the benchmark yet: "not yet measured", never dropped. */
export function findUnmeasured(exp: BlockedExperiment, catalog: RadarModel[]): RadarModel[] {
  return newerWithinCeiling(exp, catalog).filter((m) => m.score == null);
}

function newerWithinCeiling(exp: BlockedExperiment, catalog: RadarModel[]): RadarModel[] {
  const since = blockedSince(exp);
  return catalog.filter(
    (m) =>
      !exp.usedModelIds.includes(m.id) &&
      (since == null || m.releaseDate > since) &&
      (exp.maxPrice == null || (m.price != null && m.price <= exp.maxPrice)),
  );
}

/** "medium effort", "high effort"; the API default as such; a score whose source names no effort says so. */
export function describeEffort(effort: string): string {
  if (!effort) return 'effort not stated';
  if (effort === 'default') return 'default settings';
  if (/^\d+K$/.test(effort)) return `${effort} thinking tokens`;
  return `${effort} effort`;
}

/** "+12.3 points, 4× cheaper, released 9 months later" — the evidence in one line. */
export function describeCandidate(c: RetestCandidate): string {
  const parts = [`+${c.pointsGain.toFixed(1)} points`];
  if (c.cheaperFactor != null) {
    if (c.cheaperFactor >= 1.05) parts.push(`${formatFactor(c.cheaperFactor)}× cheaper`);
    else if (c.cheaperFactor <= 0.95) parts.push(`${formatFactor(1 / c.cheaperFactor)}× the price`);
    else parts.push('about the same price');
  }
  if (c.monthsLater != null) parts.push(`released ${c.monthsLater} month${c.monthsLater === 1 ? '' : 's'} later`);
  return parts.join(', ');
}

export function formatFactor(f: number): string {
  return f >= 10 ? Math.round(f).toString() : f.toFixed(1).replace(/\.0$/, '');
}

/** SQL: blockedSince on a row of experiments (`col` names a column). */
export const blockedSinceSql = (col: (name: string) => string) => `coalesce(${col('end_date')}, ${col('start_date')})`;
