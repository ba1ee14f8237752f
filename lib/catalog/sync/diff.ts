/**
 * What a catalog sync would change: new models, list-price changes (each a price-history row with its effective
 * date), new aliases and new or changed benchmark scores, each marked as a conflict when the catalog's value was
 * entered or imported by an admin (never overwritten unless the admin says so). Computed from what the source
 * offered and the catalog as it is; applying recomputes it and refuses when it differs. Pure.
 */
import { indexAliases, resolveAlias, type ModelAlias } from '../aliases';
import type { BenchmarkDefinition } from '../benchmarks';
import { catalogScores } from '../catalog-scores';
import type { EpochScore } from '../epoch-scores';

/** A price beside the list price, as model_price_tiers keeps it (cache prices have no output price). */
export type SyncTierKind = 'cached_input' | 'cache_write' | 'batch' | 'long_context';
export type IncomingTier = { tier: SyncTierKind; contextOverTokens: number; input: number; output: number | null };

/** A first-party models.dev entry with a list price: all a sync reads from it. */
export type IncomingModel = {
  externalId: string;
  modelId: string;
  name: string;
  vendor: string;
  releaseDate: string | null;
  reasoning: boolean;
  openWeights: boolean;
  contextWindow: number | null;
  input: number;
  output: number;
  /** Cache, batch and long-context prices (absent in a sync read before tiers were synced). */
  tiers?: IncomingTier[];
};
/** An Epoch score reduced to what the catalog keeps. */
export type IncomingScore = Pick<EpochScore, 'benchmark' | 'modelVersion' | 'score' | 'runId'>;
export type Incoming = { source: 'models.dev'; models: IncomingModel[] } | { source: 'epoch'; scores: IncomingScore[] };

export type CatalogState = {
  models: { id: number; slug: string; name: string }[];
  aliases: ModelAlias[];
  /** Latest list price per model slug. */
  prices: Record<string, { input: number; output: number; effectiveDate: string; source: string }>;
  /** Latest tier price by `slug|tier|contextOverTokens` (promotional prices are an admin's, never synced). */
  tiers: Record<string, { input: number; output: number | null; effectiveDate: string; source: string }>;
  /** Scores by `slug|benchmark|effort`. */
  scores: Record<string, { score: number; source: string }>;
  registry: BenchmarkDefinition[];
};

export type NewModel = Omit<IncomingModel, 'modelId' | 'releaseDate' | 'tiers'> & { slug: string; releaseDate: string };
export type PriceChange = {
  key: string;
  slug: string;
  externalId: string;
  before: { input: number; output: number; effectiveDate: string; source: string } | null;
  input: number;
  output: number;
  effectiveDate: string;
  conflict: boolean;
};
export type TierChange = {
  key: string;
  slug: string;
  externalId: string;
  tier: SyncTierKind;
  contextOverTokens: number;
  before: { input: number; output: number | null; effectiveDate: string; source: string } | null;
  input: number;
  output: number | null;
  effectiveDate: string;
  conflict: boolean;
};
export type ScoreChange = {
  key: string;
  slug: string;
  benchmark: string;
  effort: string;
  before: { score: number; source: string } | null;
  score: number;
  externalId: string;
  runId: string | null;
  conflict: boolean;
};
export type SyncPlan = {
  newModels: NewModel[];
  /** First-party ids that match a catalog slug no models.dev id maps yet: mapped on apply. */
  newAliases: { externalId: string; slug: string }[];
  prices: PriceChange[];
  /** Cache, batch and long-context prices, each a history row from its effective date like a list price. */
  tiers: TierChange[];
  scores: ScoreChange[];
  /** Outside ids the alias table does not map (the admin can map them on /admin/aliases). */
  unmapped: string[];
};

/** Values an admin typed or imported by hand (lib/sources.ts enteredBy / importedBy). */
export const isAdminValue = (source: string) => /(^|\()(entered|imported) by /.test(source);

const SLUG = /^[a-z0-9][a-z0-9.-]{0,79}$/;
export const slugFor = (modelId: string) => modelId.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
const fullDate = (d: string | null) => (d == null ? null : /^\d{4}-\d{2}$/.test(d) ? `${d}-01` : d);
const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;
/** Prices are kept to 4 decimals (numeric(12,4)). */
const atScale = (n: number) => Math.round(n * 1e4) / 1e4;
const sameOrBothNull = (a: number | null, b: number | null) => (a == null || b == null ? a === b : same(a, b));
const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export const EMPTY_PLAN: SyncPlan = { newModels: [], newAliases: [], prices: [], tiers: [], scores: [], unmapped: [] };

export function planChanges(incoming: Incoming, state: CatalogState, retrievedOn: string): SyncPlan {
  return incoming.source === 'models.dev' ? planPrices(incoming.models, state, retrievedOn) : planScores(incoming.scores, state);
}

function priceChange(slug: string, m: IncomingModel, state: CatalogState, effectiveDate: string): PriceChange | null {
  const before = state.prices[slug] ?? null;
  if (before && same(before.input, m.input) && same(before.output, m.output)) return null;
  return { key: `price|${slug}`, slug, externalId: m.externalId, before, input: m.input, output: m.output, effectiveDate, conflict: before != null && isAdminValue(before.source) };
}

/** The model's tiers that differ from the latest the catalog holds, each dated `effectiveDate`. */
function tierChanges(slug: string, m: IncomingModel, state: CatalogState, effectiveDate: string): TierChange[] {
  return (m.tiers ?? []).flatMap((offered) => {
    // At the column's precision (numeric 12,4), or a price like DeepSeek's $0.003625 would differ at every read.
    const t = { ...offered, input: atScale(offered.input), output: offered.output == null ? null : atScale(offered.output) };
    const at = `${slug}|${t.tier}|${t.contextOverTokens}`;
    const before = state.tiers[at] ?? null;
    if (before && same(before.input, t.input) && sameOrBothNull(before.output, t.output)) return [];
    return [{ key: `tier|${at}`, slug, externalId: m.externalId, ...t, before, effectiveDate, conflict: before != null && isAdminValue(before.source) }];
  });
}

function planPrices(models: readonly IncomingModel[], state: CatalogState, retrievedOn: string): SyncPlan {
  const aliases = indexAliases(state.aliases);
  const slugs = new Set(state.models.map((m) => m.slug));
  const aliased = new Set(state.aliases.filter((a) => a.source === 'models.dev').map((a) => a.slug));
  const plan: SyncPlan = { newModels: [], newAliases: [], prices: [], tiers: [], scores: [], unmapped: [] };
  const taken = new Set<string>();
  for (const m of models) {
    const alias = resolveAlias(aliases, 'models.dev', m.externalId);
    if (alias) {
      if (!slugs.has(alias.slug)) continue;
      const change = priceChange(alias.slug, m, state, retrievedOn);
      if (change) plan.prices.push(change);
      plan.tiers.push(...tierChanges(alias.slug, m, state, retrievedOn));
      continue;
    }
    const slug = slugFor(m.modelId);
    const releaseDate = fullDate(m.releaseDate);
    if (!SLUG.test(slug) || taken.has(slug) || !releaseDate) {
      plan.unmapped.push(m.externalId);
      continue;
    }
    taken.add(slug);
    if (slugs.has(slug)) {
      // Same id as a catalog model no models.dev id maps yet: the same model, so map it.
      if (aliased.has(slug)) {
        plan.unmapped.push(m.externalId);
        continue;
      }
      plan.newAliases.push({ externalId: m.externalId, slug });
      const change = priceChange(slug, m, state, retrievedOn);
      if (change) plan.prices.push(change);
      plan.tiers.push(...tierChanges(slug, m, state, retrievedOn));
      continue;
    }
    const { modelId: _id, releaseDate: _date, tiers: _tiers, ...rest } = m;
    plan.newModels.push({ ...rest, slug, releaseDate });
    plan.tiers.push(...tierChanges(slug, m, state, releaseDate));
    plan.prices.push({ key: `price|${slug}`, slug, externalId: m.externalId, before: null, input: m.input, output: m.output, effectiveDate: releaseDate, conflict: false });
  }
  plan.newModels.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  plan.newAliases.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  plan.prices.sort(byKey);
  plan.tiers.sort(byKey);
  plan.unmapped = [...new Set(plan.unmapped)].sort();
  return plan;
}

function planScores(scores: readonly IncomingScore[], state: CatalogState): SyncPlan {
  const index = indexAliases(state.aliases);
  const slugs = new Set(state.models.map((m) => m.slug));
  const full = scores.map((s) => ({ ...s, baseId: '', effort: 'default', fileValue: s.score, modelDate: null, runStarted: null, sourceFile: '', row: 0 }) as EpochScore);
  const changes: ScoreChange[] = [];
  for (const c of catalogScores(full, index, state.registry)) {
    if (!slugs.has(c.slug)) continue;
    const key = `${c.slug}|${c.benchmark}|${c.effort}`;
    const before = state.scores[key] ?? null;
    if (before && same(before.score, c.score)) continue;
    changes.push({ key, slug: c.slug, benchmark: c.benchmark, effort: c.effort, before, score: c.score, externalId: c.externalId, runId: c.runId, conflict: before != null && isAdminValue(before.source) });
  }
  const unmapped = [...new Set(scores.filter((s) => !resolveAlias(index, 'epoch', s.modelVersion)).map((s) => s.modelVersion.trim()))].sort();
  return { ...EMPTY_PLAN, scores: changes.sort(byKey), unmapped };
}

export const planIsEmpty = (p: SyncPlan) => !p.newModels.length && !p.newAliases.length && !p.prices.length && !(p.tiers ?? []).length && !p.scores.length;

/** Every change of a plan an admin may have to resolve (a plan stored before tiers were synced has none). */
export const planConflicts = (p: SyncPlan) => [...p.prices, ...(p.tiers ?? []), ...p.scores].filter((c) => c.conflict);

/** JSON with sorted keys: a plan read back from jsonb (which reorders keys) compares equal to a fresh one. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
