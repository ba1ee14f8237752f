/**
 * Our usage against the frontier: teams using a model for which a newer model now scores clearly
 * higher at the same or a lower price (both at today's prices).
 */
export type CatalogModel = { slug: string; name: string; releaseDate: string; score: number | null; price: number | null };
export type TeamUsage = { teamName: string; slug: string; experiments: number };
export type BehindFrontier = { teamName: string; used: CatalogModel; better: CatalogModel; gain: number; experiments: number };

/** Points of GPQA Diamond below which a newer model is not worth flagging. */
export const MIN_GAIN_POINTS = 5;

export function teamsBehindFrontier(usage: readonly TeamUsage[], models: readonly CatalogModel[], minGain = MIN_GAIN_POINTS): BehindFrontier[] {
  const bySlug = new Map(models.map((m) => [m.slug, m]));
  const out: BehindFrontier[] = [];
  for (const u of usage) {
    const used = bySlug.get(u.slug);
    if (!used || used.score == null || used.price == null) continue;
    let better: CatalogModel | null = null;
    for (const m of models) {
      if (m.releaseDate <= used.releaseDate || m.score == null || m.price == null || m.price > used.price) continue;
      if (!better || m.score > better.score! || (m.score === better.score && m.price < better.price!)) better = m;
    }
    if (better && better.score! - used.score >= minGain)
      out.push({ teamName: u.teamName, used, better, gain: better.score! - used.score, experiments: u.experiments });
  }
  return out.sort((a, b) => b.gain - a.gain || a.teamName.localeCompare(b.teamName));
}
