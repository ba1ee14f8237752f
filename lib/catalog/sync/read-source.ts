/**
 * From a downloaded or uploaded file to what a sync offers the catalog, through the issue-19 readers
 * (parseModelsDevApi, importEpochBenchmarks). Only first-party models.dev entries with a price set list prices.
 * A malformed, truncated or oversized file gives one sentence. Pure.
 */
import type { BenchmarkDefinition } from '../benchmarks';
import { importEpochBenchmarks } from '../epoch-import';
import { parseModelsDevApi, type ModelsDevEntry } from '../models-dev-import';
import type { Incoming, IncomingTier } from './diff';
import { readZip } from './zip';

export type SyncSourceKind = 'models.dev' | 'epoch';

/** Largest file a sync reads: models.dev's api.json is a few MB, Epoch's zip about 2.3 MB (2026). */
export const MAX_SOURCE_BYTES: Record<SyncSourceKind, number> = { 'models.dev': 50_000_000, epoch: 30_000_000 };

/** Uploads pass the app's proxy, which holds at most 10 MB of a request body; a fetch has the limits above. */
export const MAX_UPLOAD_BYTES = 10_000_000;

export type ReadResult = { ok: true; incoming: Incoming; offered: number } | { ok: false; error: string };

export const tooLarge = (kind: SyncSourceKind, fileName: string, limit = MAX_SOURCE_BYTES[kind]) =>
  `${fileName} is larger than ${limit / 1_000_000} MB, far more than ${kind === 'epoch' ? "Epoch's benchmark data" : "models.dev's catalogue"}; nothing was changed.`;

/**
 * The entry's prices beside the list price, as model_price_tiers kinds: cache read and write, batch, and each
 * long-context rate (its own cache-read rate has no kind there and is left out). Fast modes are not tiers.
 */
export function syncTiers(e: ModelsDevEntry): IncomingTier[] {
  const out: IncomingTier[] = [];
  if (e.price?.cacheRead != null) out.push({ tier: 'cached_input', contextOverTokens: 0, input: e.price.cacheRead, output: null });
  if (e.price?.cacheWrite != null) out.push({ tier: 'cache_write', contextOverTokens: 0, input: e.price.cacheWrite, output: null });
  if (e.batch) out.push({ tier: 'batch', contextOverTokens: 0, input: e.batch.input, output: e.batch.output });
  for (const t of e.contextTiers) if (t.overTokens > 0) out.push({ tier: 'long_context', contextOverTokens: t.overTokens, input: t.input, output: t.output });
  return out;
}

export function readSource(kind: SyncSourceKind, bytes: Uint8Array, fileName: string, registry: readonly BenchmarkDefinition[]): ReadResult {
  if (bytes.length > MAX_SOURCE_BYTES[kind]) return { ok: false, error: tooLarge(kind, fileName) };
  if (bytes.length === 0) return { ok: false, error: `${fileName} is empty.` };
  if (kind === 'models.dev') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, error: `${fileName} is not a text file; models.dev's catalogue is JSON.` };
    }
    // PostgreSQL text and jsonb hold no NUL character, raw or escaped; neither source ever has one.
    if (text.includes('\u0000') || text.includes('\\u0000')) return { ok: false, error: `${fileName} contains NUL bytes; models.dev's catalogue is plain JSON.` };
    const parsed = parseModelsDevApi(text, fileName);
    if (!parsed.ok) return parsed;
    const models = parsed.entries.flatMap((e) =>
      e.firstParty && e.vendor && e.price
        ? [{ externalId: e.externalId, modelId: e.modelId, name: e.name, vendor: e.vendor, releaseDate: e.releaseDate, reasoning: e.reasoning, openWeights: e.openWeights, contextWindow: e.contextWindow, input: e.price.input, output: e.price.output, tiers: syncTiers(e) }]
        : [],
    );
    if (models.length === 0) return { ok: false, error: `${fileName} has no priced model from a vendor's own API.` };
    return { ok: true, incoming: { source: 'models.dev', models }, offered: models.length };
  }
  const zip = readZip(bytes, fileName);
  if (!zip.ok) return zip;
  const withNul = Object.keys(zip.files).find((name) => zip.files[name].includes('\u0000'));
  if (withNul) return { ok: false, error: `${fileName}: ${withNul} contains NUL bytes; Epoch's files are plain CSV.` };
  const read = importEpochBenchmarks(zip.files, registry);
  if (!read.ok) return read;
  const scores = read.data.scores.map((s) => ({ benchmark: s.benchmark, modelVersion: s.modelVersion, score: s.score, runId: s.runId }));
  return { ok: true, incoming: { source: 'epoch', scores }, offered: scores.length };
}
