import { and, desc, eq, sql } from 'drizzle-orm';
import { aiModels, benchmarks, benchmarkScores, catalogSyncs, modelAliases, modelPrices, modelPriceTiers, type SyncSource } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { lockDataVersion } from '../data-version';
import { rawRows } from '../../sql';
import { refuse, written, type WriteResult } from '../write-result';
import { createModel } from './writes';
import type { ModelAlias } from '@/lib/catalog/aliases';
import type { BenchmarkDefinition } from '@/lib/catalog/benchmarks';
import type { Effort } from '@/lib/catalog/epoch-effort';
import { canonical, planChanges, planConflicts, type CatalogState, type Incoming, type SyncPlan } from '@/lib/catalog/sync/diff';

/** Source keys of synced values (lib/sources.ts); the retrieval time is kept beside each value. */
export const SYNC_SOURCE_KEYS = { 'models.dev': 'modelsdev-sync', epoch: 'epoch-bh-sync' } as const;

/** The benchmark registry as the catalog holds it (admins' edits included). */
export async function loadRegistry(db: Queryable): Promise<BenchmarkDefinition[]> {
  const rows = await db.select().from(benchmarks).orderBy(benchmarks.position, benchmarks.key);
  return rows.map((b) => ({
    key: b.key, name: b.name, measures: b.measures as BenchmarkDefinition['measures'], description: b.description, unit: b.unit as BenchmarkDefinition['unit'],
    scale: b.scale, randomBaseline: b.randomBaseline, scoreCeiling: b.scoreCeiling, supersededBy: b.supersededBy, humanExpert: b.humanExpert,
    humanNonExpert: b.humanNonExpert, humanBaselineSource: b.humanBaselineSource, perEffort: b.perEffort, defaultAxis: b.defaultAxis,
    sourceFile: b.sourceFile ?? '', scoreColumn: b.scoreColumn ?? '', epochBenchmark: b.epochBenchmark, source: b.source,
  }));
}

/** What a diff is computed against: models, aliases, each model's latest list price and every score. */
export async function loadCatalogState(db: Queryable): Promise<CatalogState> {
  const models = await db.select({ id: aiModels.id, slug: aiModels.slug, name: aiModels.name }).from(aiModels).orderBy(aiModels.slug);
  const slugOf = new Map(models.map((m) => [m.id, m.slug]));
  const aliasRows = await db.select().from(modelAliases);
  const aliases: ModelAlias[] = aliasRows.map((a) => ({
    source: a.source as ModelAlias['source'], externalId: a.externalId, slug: slugOf.get(a.modelId)!, effort: (a.effort as Effort | null) ?? null, note: a.note,
  }));
  const latestRows = await rawRows<{ model_id: number; effective_date: string; input: string; output: string; source: string }>(db, sql`
    select distinct on (model_id) model_id, effective_date::text as effective_date, input_usd_per_mtok::text as input,
      output_usd_per_mtok::text as output, source
    from model_prices order by model_id, effective_date desc`);
  const prices: CatalogState['prices'] = {};
  for (const p of latestRows) prices[slugOf.get(p.model_id)!] = { input: Number(p.input), output: Number(p.output), effectiveDate: p.effective_date, source: p.source };
  const tierRows = await rawRows<{ model_id: number; tier: string; over: number; effective_date: string; input: string; output: string | null; source: string }>(db, sql`
    select distinct on (model_id, tier, context_over_tokens) model_id, tier, context_over_tokens as over, effective_date::text as effective_date,
      input_usd_per_mtok::text as input, output_usd_per_mtok::text as output, source
    from model_price_tiers where tier <> 'promotional' order by model_id, tier, context_over_tokens, effective_date desc`);
  const tiers: CatalogState['tiers'] = {};
  for (const t of tierRows)
    tiers[`${slugOf.get(t.model_id)}|${t.tier}|${Number(t.over)}`] = { input: Number(t.input), output: t.output == null ? null : Number(t.output), effectiveDate: t.effective_date, source: t.source };
  const scores: CatalogState['scores'] = {};
  for (const s of await db.select().from(benchmarkScores)) scores[`${slugOf.get(s.modelId)}|${s.benchmark}|${s.effort}`] = { score: s.score, source: s.source };
  return { models, aliases, prices, tiers, scores, registry: await loadRegistry(db) };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export type NewSync = { source: SyncSource; origin: 'upload' | 'fetch'; fileName: string; retrievedAt: Date; incoming: Incoming; createdBy: string };

/** Records what a file offered with its diff against the catalog now, for an admin to review (audited). */
export async function createSync(db: Queryable, actor: Actor, s: NewSync) {
  const plan = planChanges(s.incoming, await loadCatalogState(db), isoDay(s.retrievedAt));
  const [row] = await db.insert(catalogSyncs).values({ ...s, plan }).returning({ id: catalogSyncs.id });
  const counts = { models: plan.newModels.length, prices: plan.prices.length, tiers: plan.tiers.length, scores: plan.scores.length, unmapped: plan.unmapped.length };
  await writeAudit(db, { actor, action: 'catalog.sync.read', entityType: 'catalog_sync', entityId: row.id, after: { source: s.source, origin: s.origin, fileName: s.fileName, counts } });
  return { id: row.id, plan };
}

export async function getSync(db: Queryable, id: number) {
  const [row] = await db.select().from(catalogSyncs).where(eq(catalogSyncs.id, id));
  return row ? { ...row, plan: row.plan as SyncPlan } : null;
}

/** Recent syncs without their (large) contents. */
export function listSyncs(db: Queryable, limit = 10) {
  return db
    .select({ id: catalogSyncs.id, source: catalogSyncs.source, origin: catalogSyncs.origin, fileName: catalogSyncs.fileName, retrievedAt: catalogSyncs.retrievedAt, status: catalogSyncs.status, createdBy: catalogSyncs.createdBy, decidedBy: catalogSyncs.decidedBy, decidedAt: catalogSyncs.decidedAt })
    .from(catalogSyncs)
    .orderBy(desc(catalogSyncs.id))
    .limit(limit);
}

export type ApplyResult = WriteResult<{ counts: { models: number; aliases: number; prices: number; tiers: number; scores: number; conflictsKept: number; conflictsTaken: number } }>;

/**
 * Applies a pending sync. Call inside ONE transaction. The diff is recomputed against the catalog now and must be
 * the one the admin saw; conflicts (values an admin entered) change only when listed in `take`.
 */
export async function applySync(db: Queryable, actor: Actor, id: number, take: readonly string[]): Promise<ApplyResult> {
  await lockDataVersion(db);
  const [row] = await db.select().from(catalogSyncs).where(eq(catalogSyncs.id, id)).for('update');
  if (!row) return refuse('not_found', 'This sync no longer exists.');
  if (row.status !== 'pending') return refuse('conflict', `This sync was already ${row.status}.`);
  const plan = planChanges(row.incoming as Incoming, await loadCatalogState(db), isoDay(row.retrievedAt));
  if (canonical(plan) !== canonical(row.plan)) return refuse('conflict', 'The catalog changed since this diff was made; nothing was applied. Read the file again for a fresh diff.');
  const taken = new Set(take);
  const keep = (c: { key: string; conflict: boolean }) => !c.conflict || taken.has(c.key);
  const source = SYNC_SOURCE_KEYS[row.source];
  const ids = new Map((await db.select({ id: aiModels.id, slug: aiModels.slug }).from(aiModels)).map((m) => [m.slug, m.id]));

  for (const m of plan.newModels) {
    const created = written(await createModel(db, actor, { slug: m.slug, name: m.name, vendor: m.vendor, releaseDate: m.releaseDate, reasoning: m.reasoning, openWeights: m.openWeights, dataPolicy: 'unknown', contextWindow: m.contextWindow }, source));
    ids.set(m.slug, created.id);
    await db.insert(modelAliases).values({ source: 'models.dev', externalId: m.externalId, modelId: created.id, note: `added by catalog sync ${id}` });
  }
  for (const a of plan.newAliases) await db.insert(modelAliases).values({ source: 'models.dev', externalId: a.externalId, modelId: ids.get(a.slug)!, note: `matched by slug in catalog sync ${id}` });

  const prices = plan.prices.filter(keep);
  for (const p of prices) {
    const values = { inputUsdPerMtok: String(p.input), outputUsdPerMtok: String(p.output), source, note: `catalog sync ${id} (${p.externalId})`, retrievedAt: row.retrievedAt };
    await db
      .insert(modelPrices)
      .values({ modelId: ids.get(p.slug)!, effectiveDate: p.effectiveDate, ...values })
      .onConflictDoUpdate({ target: [modelPrices.modelId, modelPrices.effectiveDate], set: values });
  }
  const tiers = plan.tiers.filter(keep);
  for (const t of tiers) {
    const values = { inputUsdPerMtok: String(t.input), outputUsdPerMtok: t.output == null ? null : String(t.output), source, note: `catalog sync ${id} (${t.externalId})`, retrievedAt: row.retrievedAt };
    await db
      .insert(modelPriceTiers)
      .values({ modelId: ids.get(t.slug)!, tier: t.tier, contextOverTokens: t.contextOverTokens, effectiveDate: t.effectiveDate, ...values })
      .onConflictDoUpdate({ target: [modelPriceTiers.modelId, modelPriceTiers.tier, modelPriceTiers.contextOverTokens, modelPriceTiers.effectiveDate], set: values });
  }
  const scores = plan.scores.filter(keep);
  for (const s of scores) {
    const values = { score: s.score, source, externalId: s.externalId, runId: s.runId, retrievedOn: isoDay(row.retrievedAt) };
    await db
      .insert(benchmarkScores)
      .values({ modelId: ids.get(s.slug)!, benchmark: s.benchmark, effort: s.effort, ...values })
      .onConflictDoUpdate({ target: [benchmarkScores.modelId, benchmarkScores.benchmark, benchmarkScores.effort], set: values });
  }
  const conflicts = planConflicts(plan);
  const counts = {
    models: plan.newModels.length, aliases: plan.newModels.length + plan.newAliases.length, prices: prices.length, tiers: tiers.length, scores: scores.length,
    conflictsKept: conflicts.filter((c) => !taken.has(c.key)).length, conflictsTaken: conflicts.filter((c) => taken.has(c.key)).length,
  };
  await db.update(catalogSyncs).set({ status: 'applied', decidedBy: actor?.email ?? null, decidedAt: new Date() }).where(eq(catalogSyncs.id, id));
  await writeAudit(db, {
    actor, action: 'catalog.sync', entityType: 'catalog_sync', entityId: id,
    after: { source: row.source, origin: row.origin, fileName: row.fileName, retrievedAt: row.retrievedAt, counts, taken: [...taken].sort(), kept: conflicts.filter((c) => !taken.has(c.key)).map((c) => c.key) },
  });
  return { ok: true, counts };
}

/** A newer scheduled diff of the same source replaces the older ones nobody applied (each stays in the history). */
export async function supersedeFetchedSyncs(db: Queryable, source: SyncSource, newerId: number): Promise<number[]> {
  const rows = await db
    .update(catalogSyncs)
    .set({ status: 'discarded', decidedBy: `superseded by sync ${newerId}`, decidedAt: new Date() })
    .where(and(eq(catalogSyncs.source, source), eq(catalogSyncs.origin, 'fetch'), eq(catalogSyncs.status, 'pending'), sql`${catalogSyncs.id} < ${newerId}`))
    .returning({ id: catalogSyncs.id });
  for (const r of rows) await writeAudit(db, { actor: null, action: 'catalog.sync.discard', entityType: 'catalog_sync', entityId: r.id, after: { supersededBy: newerId } });
  return rows.map((r) => r.id);
}

export const SYNC_DECIDED = 'This sync was already applied or discarded.';

export async function discardSync(db: Queryable, actor: Actor, id: number): Promise<WriteResult<object>> {
  const rows = await db
    .update(catalogSyncs)
    .set({ status: 'discarded', decidedBy: actor?.email ?? null, decidedAt: new Date() })
    .where(and(eq(catalogSyncs.id, id), eq(catalogSyncs.status, 'pending')))
    .returning({ id: catalogSyncs.id });
  if (!rows.length) return refuse('conflict', SYNC_DECIDED);
  await writeAudit(db, { actor, action: 'catalog.sync.discard', entityType: 'catalog_sync', entityId: id });
  return { ok: true };
}
