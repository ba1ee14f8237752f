/**
 * The catalog as the pages and charts use it: each model with its whole price history, its launch and
 * current prices, blended, and its compute generation. Pure: built from query rows.
 */
import type { ModelDescription } from '@/db/schema/models';
import { blendedAt, priceAt, type PriceChange } from './prices';
import { generationOf, type Generation } from './compute';

export type CatalogRow = ModelDescription & {
  id: number;
  trainingFlop: number | null;
  gpqa: string | number | null;
  gpqaSource: string | null;
  experiments: number;
};
export type PriceRow = { modelId: number; effectiveDate: string; input: string | number; output: string | number; source: string };

export type CatalogEntry = CatalogRow & {
  score: number | null;
  prices: PriceChange[];
  current: PriceChange | null;
  currentBlended: number | null;
  launchBlended: number | null;
  generation: Generation | null;
};

export function buildCatalog(rows: readonly CatalogRow[], priceRows: readonly PriceRow[], today: string): CatalogEntry[] {
  const byModel = new Map<number, PriceChange[]>();
  for (const p of priceRows) {
    const list = byModel.get(p.modelId) ?? [];
    list.push({ effectiveDate: p.effectiveDate, input: Number(p.input), output: Number(p.output), source: p.source });
    byModel.set(p.modelId, list);
  }
  return rows.map((r) => {
    const prices = byModel.get(r.id) ?? [];
    return {
      ...r,
      score: r.gpqa == null ? null : Number(r.gpqa),
      prices,
      current: priceAt(prices, today),
      currentBlended: blendedAt(prices, today),
      launchBlended: blendedAt(prices, r.releaseDate),
      generation: generationOf(r.trainingFlop),
    };
  });
}

export type CapabilityScore = { score: number; effort: string; source: string; externalId: string | null; retrievedOn: string | null };

/**
 * The catalog on another capability axis: `score` becomes each model's best score on that benchmark (null = not yet
 * measured, the model stays), `capability` says at which effort and from where; `gpqa` keeps GPQA Diamond.
 */
export function withCapability<T extends CatalogEntry>(
  entries: readonly T[],
  best: readonly (CapabilityScore & { modelId: number })[],
): (T & { capability: CapabilityScore | null })[] {
  const byModel = new Map(best.map((b) => [b.modelId, b]));
  return entries.map((e) => {
    const b = byModel.get(e.id);
    const capability = b ? { score: b.score, effort: b.effort, source: b.source, externalId: b.externalId, retrievedOn: b.retrievedOn } : null;
    return { ...e, score: capability?.score ?? null, capability };
  });
}

/** Each model's best score on one benchmark across its efforts (first wins a tie: rows come best first per model). */
export function bestScores<T extends CapabilityScore & { modelId: number; benchmark: string }>(rows: readonly T[], benchmark: string): T[] {
  const best = new Map<number, T>();
  for (const r of rows) if (r.benchmark === benchmark && (!best.has(r.modelId) || r.score > best.get(r.modelId)!.score)) best.set(r.modelId, r);
  return [...best.values()];
}

/**
 * Each model's headline score on a benchmark: an admin-kept single score (model_benchmarks, the one the re-test
 * radar reads, e.g. an imported or corrected GPQA value) wins; it keeps the Epoch run's effort and provenance when
 * it is that run's score (to 0.1), and otherwise stands on its own source. Models with neither are absent.
 */
export function headlineScores(
  best: readonly (CapabilityScore & { modelId: number })[],
  kept: readonly { modelId: number; score: string | number; source: string }[],
): (CapabilityScore & { modelId: number })[] {
  const out = new Map(best.map((b) => [b.modelId, b]));
  for (const k of kept) {
    const score = Number(k.score);
    const b = out.get(k.modelId);
    if (b && Math.abs(b.score - score) < 0.05) continue;
    out.set(k.modelId, { modelId: k.modelId, score, effort: '', source: k.source, externalId: null, retrievedOn: null });
  }
  return [...out.values()];
}

export type CatalogFilter = { vendors: string[]; reasoning: boolean; openWeights: boolean; from?: string; to?: string; q?: string };

export function filterCatalog<T extends CatalogEntry>(entries: readonly T[], f: CatalogFilter): T[] {
  const q = f.q?.toLowerCase();
  return entries.filter(
    (e) =>
      (f.vendors.length === 0 || f.vendors.includes(e.vendor)) &&
      (!f.reasoning || e.reasoning) &&
      (!f.openWeights || e.openWeights) &&
      (!f.from || e.releaseDate >= f.from) &&
      (!f.to || e.releaseDate <= f.to) &&
      (!q || e.name.toLowerCase().includes(q) || e.slug.includes(q) || e.vendor.toLowerCase().includes(q)),
  );
}

/** `score` sorts by the chosen benchmark; `gpqa` is its older name, kept so shared links still sort. */
export const SORT_KEYS = ['name', 'vendor', 'release', 'input', 'output', 'blended', 'score', 'gpqa', 'compute', 'experiments'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const sortValue = (e: CatalogEntry, key: SortKey): string | number | null => {
  switch (key) {
    case 'name': return e.name.toLowerCase();
    case 'vendor': return e.vendor.toLowerCase();
    case 'release': return e.releaseDate;
    case 'input': return e.current?.input ?? null;
    case 'output': return e.current?.output ?? null;
    case 'blended': return e.currentBlended;
    case 'score':
    case 'gpqa': return e.score;
    case 'compute': return e.trainingFlop;
    case 'experiments': return e.experiments;
  }
};

/** Sorted copy; models missing the value go last in either direction. */
export function sortCatalog<T extends CatalogEntry>(entries: readonly T[], key: SortKey, dir: 'asc' | 'desc'): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...entries].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va == null || vb == null) return va == null && vb == null ? a.name.localeCompare(b.name) : va == null ? 1 : -1;
    return (va < vb ? -1 : va > vb ? 1 : 0) * sign || a.name.localeCompare(b.name);
  });
}
