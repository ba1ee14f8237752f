/**
 * From Epoch AI's scores to the catalog's: each score whose model version the alias table maps becomes a score of
 * that catalog model, per reasoning effort for benchmarks measured per effort, else one per model. Where several
 * runs or versions land on the same cell, the best stands (Epoch's "best score across scorers" convention), and the
 * version and run it came from are kept as its provenance. Pure.
 */
import { resolveAlias, type AliasIndex } from './aliases';
import type { BenchmarkDefinition } from './benchmarks';
import type { EpochScore } from './epoch-scores';

export type CatalogScore = {
  slug: string;
  benchmark: string;
  /** The alias's effort for a per-effort benchmark; '' for a benchmark with one score per model. */
  effort: string;
  score: number;
  externalId: string;
  runId: string | null;
  source: string;
};

export function catalogScores(scores: readonly EpochScore[], aliases: AliasIndex, registry: readonly BenchmarkDefinition[]): CatalogScore[] {
  const defs = new Map(registry.map((b) => [b.key, b]));
  const best = new Map<string, CatalogScore>();
  for (const s of scores) {
    const def = defs.get(s.benchmark);
    const alias = def ? resolveAlias(aliases, 'epoch', s.modelVersion) : null;
    if (!def || !alias) continue;
    const effort = def.perEffort ? (alias.effort ?? 'default') : '';
    const k = `${alias.slug}|${s.benchmark}|${effort}`;
    const prev = best.get(k);
    // Strictly better replaces: on a tie the first row of the file stands, so the result does not depend on luck.
    if (!prev || s.score > prev.score) {
      best.set(k, { slug: alias.slug, benchmark: s.benchmark, effort, score: s.score, externalId: s.modelVersion, runId: s.runId, source: def.source });
    }
  }
  return [...best.values()];
}
