/**
 * The second scaling law: the same model at each reasoning effort, on a benchmark Epoch AI measures per effort
 * (FrontierMath, GPQA Diamond, OTIS Mock AIME). Only named effort levels (none … max) are placed on the axis; budgets
 * and "default" runs are not comparable across vendors. Pure.
 */
import { EFFORT_LEVELS, effortLevelRank } from '@/lib/catalog/epoch-effort';

export type EffortScore = { slug: string; name: string; releaseDate: string; effort: string; score: number };
export type EffortLine = { slug: string; name: string; releaseDate: string; points: { effort: string; rank: number; score: number }[] };

/** Models measured at two or more named efforts, each with its scores from the lowest effort up; newest first. */
export function effortLines(rows: readonly EffortScore[]): EffortLine[] {
  const bySlug = new Map<string, EffortLine>();
  for (const r of rows) {
    const rank = effortLevelRank(r.effort);
    if (rank == null) continue;
    const line = bySlug.get(r.slug) ?? { slug: r.slug, name: r.name, releaseDate: r.releaseDate, points: [] };
    line.points.push({ effort: r.effort, rank, score: r.score });
    bySlug.set(r.slug, line);
  }
  return [...bySlug.values()]
    .filter((l) => l.points.length >= 2)
    .map((l) => ({ ...l, points: [...l.points].sort((a, b) => a.rank - b.rank) }))
    .sort((a, b) => b.releaseDate.localeCompare(a.releaseDate) || a.name.localeCompare(b.name));
}

/** The effort levels any line uses, lowest first (the x axis). */
export function usedLevels(lines: readonly EffortLine[]): string[] {
  const used = new Set(lines.flatMap((l) => l.points.map((p) => p.effort)));
  return EFFORT_LEVELS.filter((e) => used.has(e));
}

export type EffortReading = { name: string; from: { effort: string; score: number }; to: { effort: string; score: number }; gain: number; rising: number; total: number };

/**
 * The one-line reading: the model whose score rises most from its lowest to its highest effort, and how many of
 * the models score higher at their highest effort than at their lowest.
 */
export function effortReading(lines: readonly EffortLine[]): EffortReading | null {
  if (!lines.length) return null;
  const gain = (l: EffortLine) => l.points.at(-1)!.score - l.points[0].score;
  const best = [...lines].sort((a, b) => gain(b) - gain(a) || a.name.localeCompare(b.name))[0];
  const first = best.points[0];
  const last = best.points.at(-1)!;
  return {
    name: best.name,
    from: { effort: first.effort, score: first.score },
    to: { effort: last.effort, score: last.score },
    gain: gain(best),
    rising: lines.filter((l) => gain(l) > 0).length,
    total: lines.length,
  };
}
