/**
 * METR's time horizons over time: how long a software task (in human minutes) a model completes half of the time,
 * by release date, and the doubling time of a log-linear fit (METR's own method). Pure.
 */
import { linearFit } from './trends';

const YEAR_MS = 365.25 * 86_400_000;

export type HorizonPoint = { slug: string; name: string; releaseDate: string; minutes: number };

export type HorizonTrend = {
  points: HorizonPoint[];
  doublingMonths: number | null;
  longest: HorizonPoint | null;
  /** The fitted horizon in minutes at a time (ms), for drawing the trend line; null without a fit. */
  fitted: ((t: number) => number) | null;
};

/** Points in date order; the doubling time in months from a fit of log2(minutes) on the release date. */
export function horizonTrend(rows: readonly HorizonPoint[]): HorizonTrend {
  const points = rows.filter((r) => r.minutes > 0).sort((a, b) => a.releaseDate.localeCompare(b.releaseDate) || a.name.localeCompare(b.name));
  const fit = linearFit(points.map((p) => ({ x: Date.parse(p.releaseDate) / YEAR_MS, y: Math.log2(p.minutes) })));
  const doublingMonths = fit && fit.slope > 0 ? 12 / fit.slope : null;
  const longest = points.reduce<HorizonPoint | null>((m, p) => (!m || p.minutes > m.minutes ? p : m), null);
  const fitted = fit ? (t: number) => 2 ** (fit.intercept + fit.slope * (t / YEAR_MS)) : null;
  return { points, doublingMonths, longest, fitted };
}
