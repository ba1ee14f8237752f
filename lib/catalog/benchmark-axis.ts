/**
 * The capability axis a page shows: which benchmark (from the URL, else the default axis), how its scores read,
 * and what a model without a score shows. Pure.
 */
export type AxisBenchmark = {
  key: string;
  name: string;
  unit: string;
  measures: string;
  defaultAxis: boolean;
  perEffort: boolean;
  humanExpert: number | null;
  humanNonExpert: number | null;
  randomBaseline: number | null;
  humanBaselineSource: string | null;
  source: string;
};

/** Shown wherever a model has no score on the chosen benchmark: the model stays, its score is unknown. */
export const NOT_MEASURED = 'not yet measured';

/** The benchmark named in the URL when it exists, else the default axis (else the first). */
export function pickBenchmark<T extends Pick<AxisBenchmark, 'key' | 'defaultAxis'>>(list: readonly T[], requested: string | undefined): T | null {
  return list.find((b) => b.key === requested) ?? list.find((b) => b.defaultAxis) ?? list[0] ?? null;
}

/** Minutes as people say them: "45 min", "2 h 5 min", "12 h". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 60) return `${minutes < 10 ? minutes.toFixed(1) : Math.round(minutes)} min`;
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total - h * 60;
  return m === 0 || h >= 10 ? `${Math.round(minutes / 60)} h` : `${h} h ${m} min`;
}

/** A score in its benchmark's unit: "87.6%", "149.7" (ECI points), "2 h 0 min"; NOT_MEASURED for none. */
export function formatScore(unit: string, score: number | null | undefined): string {
  if (score == null || !Number.isFinite(score)) return NOT_MEASURED;
  if (unit === 'percent') return `${score.toFixed(1)}%`;
  if (unit === 'minutes') return formatMinutes(score);
  return score.toFixed(1);
}

/** A reasoning effort as a reader sees it ('' = the benchmark's single score per model). */
export function effortLabel(effort: string): string {
  if (effort === '') return '';
  if (effort === 'default') return 'default settings';
  if (effort === 'unknown') return 'effort not stated';
  if (/^\d+K$/.test(effort)) return `${effort} thinking tokens`;
  return `${effort} effort`;
}
