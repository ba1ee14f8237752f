// Catalog sync on both databases: the diff of models.dev's api.json (list prices and their cache, batch and long-context
// tiers) and of Epoch's zip (both layouts), applied in one
// transaction with provenance and an audit entry; an admin's value is a conflict that stays unless taken; a diff gone
// stale, or a malformed, truncated or oversized file, changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, sql } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { applySync, discardSync, getSync } from '@/db/queries/models/catalog-sync';
import { aiModels, auditLog, benchmarkScores, catalogSyncs, modelAliases, modelPrices, modelPriceTiers } from '@/db/schema';
import { readCsvFolder } from '@/db/seed/reference-csv';
import type { Db } from '@/db/types';
import { startSync } from '@/lib/catalog-sync/service';
import { describeEachDb } from './helpers/db';

const SAMPLE = fs.readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'models-dev', 'api.sample.json'));
const zipOf = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [`benchmark_data/${n}`, strToU8(t)])));
const APRIL = zipOf(readCsvFolder());
const metadataFiles = readCsvFolder(path.join(process.cwd(), 'tests', 'fixtures', 'epoch-metadata-layout'));
// Epoch re-ran GPT-5.4 at xhigh: 93.3% becomes 95.0%.
const METADATA = zipOf({ ...metadataFiles, 'gpqa_diamond.csv': metadataFiles['gpqa_diamond.csv'].replace('_xhigh,0.933,0.933,', '_xhigh,0.95,0.95,') });
const NOW = new Date('2026-12-05T10:00:00Z');
const admin = { id: 'admin-id', email: 'admin@example.com' };

async function fingerprint(db: Db) {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0].n;
  const count = (t: typeof aiModels | typeof modelPrices | typeof benchmarkScores | typeof modelAliases) => n(db.select({ n: sql<number>`count(*)::int` }).from(t));
  return { models: await count(aiModels), prices: await count(modelPrices), scores: await count(benchmarkScores), aliases: await count(modelAliases) };
}

async function pricesOf(db: Db, slug: string) {
  return (
    await db
      .select({ date: modelPrices.effectiveDate, input: modelPrices.inputUsdPerMtok, output: modelPrices.outputUsdPerMtok, source: modelPrices.source, retrievedAt: modelPrices.retrievedAt })
      .from(modelPrices)
      .innerJoin(aiModels, eq(aiModels.id, modelPrices.modelId))
      .where(eq(aiModels.slug, slug))
      .orderBy(modelPrices.effectiveDate)
  ).map((p) => ({ ...p, retrievedAt: p.retrievedAt?.toISOString() ?? null }));
}

async function tiersOf(db: Db, slug: string) {
  return (
    await db
      .select({ tier: modelPriceTiers.tier, over: modelPriceTiers.contextOverTokens, date: modelPriceTiers.effectiveDate, input: modelPriceTiers.inputUsdPerMtok, output: modelPriceTiers.outputUsdPerMtok, source: modelPriceTiers.source, retrievedAt: modelPriceTiers.retrievedAt })
      .from(modelPriceTiers)
      .innerJoin(aiModels, eq(aiModels.id, modelPriceTiers.modelId))
      .where(eq(aiModels.slug, slug))
      .orderBy(modelPriceTiers.tier, modelPriceTiers.effectiveDate)
  ).map((p) => ({ ...p, retrievedAt: p.retrievedAt?.toISOString() ?? null }));
}

async function upload(db: Db, kind: 'models.dev' | 'epoch', bytes: Uint8Array, fileName: string) {
  const r = await startSync(db, kind, { bytes, fileName, origin: 'upload' }, admin, NOW);
  if (!r.ok) throw new Error(r.error);
  return (await getSync(db, r.id))!;
}

describeEachDb('catalog sync', (ctx) => {
  it('re-reading the shipped April Epoch data changes nothing', async () => {
    const sync = await upload(ctx.db, 'epoch', APRIL, 'benchmark_data.zip');
    expect(sync.plan.scores).toEqual([]);
    await ctx.db.transaction((tx) => discardSync(tx, admin, sync.id));
  });

  it('rejects malformed, truncated, oversized and foreign files in one sentence, and records nothing', async () => {
    const before = await fingerprint(ctx.db);
    const syncs = (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(catalogSyncs))[0].n;
    const cases: [('models.dev' | 'epoch'), Uint8Array, string][] = [
      ['models.dev', SAMPLE.subarray(0, 5000), 'api.json is not valid JSON (Unterminated string in JSON at position 5000); is the file cut short?'],
      ['models.dev', strToU8('{"openai": {"id": "openai"}}'), 'api.json, provider "openai": name: Invalid input: expected string, received undefined.'],
      ['models.dev', new Uint8Array(50_000_001), "api.json is larger than 50 MB, far more than models.dev's catalogue; nothing was changed."],
      ['epoch', APRIL.subarray(0, APRIL.length - 100), "api.json is cut short: the zip's table of contents is missing."],
      ['epoch', SAMPLE, 'api.json is not a zip file.'],
      ['models.dev', strToU8('{"openai": {"id": "openai\\u0000"}}'), "api.json contains NUL bytes; models.dev's catalogue is plain JSON."],
      ['epoch', zipOf({ 'notes.csv': 'a,b\n1,2\n' }), "This is not Epoch AI's benchmark data: it has neither benchmark_metadata.csv nor epoch_capabilities_index.csv."],
    ];
    for (const [kind, bytes, error] of cases) {
      const r = await startSync(ctx.db, kind, { bytes, fileName: 'api.json', origin: 'upload' }, admin, NOW);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error).toContain(error);
    }
    expect(await fingerprint(ctx.db)).toEqual(before);
    expect((await ctx.db.select({ n: sql<number>`count(*)::int` }).from(catalogSyncs))[0].n).toBe(syncs);
  });

  it('applies in one transaction: a failure late in the apply leaves the catalog and the sync as they were', async () => {
    const sync = await upload(ctx.db, 'models.dev', SAMPLE, 'api.json');
    // Fault injection (as the schema owner): the price of the last new model cannot be written.
    await ctx.ownerDb.execute(sql.raw(`create function sync_test_fail() returns trigger language plpgsql as $$
      begin if new.input_usd_per_mtok = 30 then raise exception 'injected failure'; end if; return new; end $$`));
    await ctx.ownerDb.execute(sql.raw('create trigger sync_test_fail before insert on model_prices for each row execute function sync_test_fail()'));
    const before = await fingerprint(ctx.db);
    try {
      await expect(ctx.db.transaction((tx) => applySync(tx, admin, sync.id, []))).rejects.toThrow();
    } finally {
      await ctx.ownerDb.execute(sql.raw('drop trigger sync_test_fail on model_prices'));
      await ctx.ownerDb.execute(sql.raw('drop function sync_test_fail()'));
    }
    expect(await fingerprint(ctx.db)).toEqual(before);
    expect((await getSync(ctx.db, sync.id))!.status).toBe('pending');
    await ctx.db.transaction((tx) => discardSync(tx, admin, sync.id));
  });

  it("shows models.dev's new models and price changes, with an admin's price as a conflict", async () => {
    // An admin typed a price for Claude Sonnet 5 by hand: the sync must not overwrite it silently.
    const [sonnet] = await ctx.db.select().from(aiModels).where(eq(aiModels.slug, 'claude-sonnet-5'));
    await ctx.db.insert(modelPrices).values({ modelId: sonnet.id, effectiveDate: '2026-07-01', inputUsdPerMtok: '2.5', outputUsdPerMtok: '12', source: 'entered by admin@example.com on 2026-07-01' });
    // …and its cache-read price: a conflict too.
    await ctx.db.insert(modelPriceTiers).values({ modelId: sonnet.id, tier: 'cached_input', effectiveDate: '2026-07-01', inputUsdPerMtok: '0.25', source: 'entered by admin@example.com on 2026-07-01' });
    const sync = await upload(ctx.db, 'models.dev', SAMPLE, 'api.json');
    expect(sync.plan.newModels.map((m) => [m.slug, m.vendor, m.releaseDate, m.input, m.output])).toEqual([
      ['deepseek-chat', 'DeepSeek', '2025-12-01', 0.14, 0.28],
      ['deepseek-reasoner', 'DeepSeek', '2025-12-01', 0.14, 0.28],
      ['gpt-5.4-nano', 'OpenAI', '2026-03-17', 0.2, 1.25],
      ['gpt-5.5-pro', 'OpenAI', '2026-04-23', 30, 180],
    ]);
    expect(sync.plan.prices.map((p) => [p.slug, p.before?.input ?? null, p.input, p.effectiveDate, p.conflict])).toEqual([
      ['claude-sonnet-5', 2.5, 2, '2026-12-05', true],
      ['deepseek-chat', null, 0.14, '2025-12-01', false],
      ['deepseek-reasoner', null, 0.14, '2025-12-01', false],
      ['deepseek-v4-pro', 1.32, 0.435, '2026-12-05', false],
      ['gpt-5.4-nano', null, 0.2, '2026-03-17', false],
      ['gpt-5.5-pro', null, 30, '2026-04-23', false],
    ]);
    // Cache, batch and long-context prices: dated like list prices (a new model's from its release), the admin's a conflict.
    expect(sync.plan.tiers.map((t) => [t.key, t.before ? [t.before.input, t.before.output, t.before.source] : null, t.input, t.output, t.effectiveDate, t.conflict])).toEqual([
      ['tier|claude-sonnet-5|cache_write|0', [3.75, null, 'litellm-hist'], 2.5, null, '2026-12-05', false],
      ['tier|claude-sonnet-5|cached_input|0', [0.25, null, 'entered by admin@example.com on 2026-07-01'], 0.2, null, '2026-12-05', true],
      ['tier|deepseek-chat|cached_input|0', null, 0.0028, null, '2025-12-01', false],
      ['tier|deepseek-reasoner|cached_input|0', null, 0.0028, null, '2025-12-01', false],
      // $0.003625 at the column's four decimals.
      ['tier|deepseek-v4-pro|cached_input|0', [0.044, null, 'modelsdev-undated'], 0.0036, null, '2026-12-05', false],
      ['tier|gpt-5.4-nano|cached_input|0', null, 0.02, null, '2026-03-17', false],
      ['tier|gpt-5.5-pro|long_context|272000', null, 60, 270, '2026-04-23', false],
    ]);
    // Resellers' entries never set a list price; the sample holds first-party providers only, all read.
    expect(sync.plan.unmapped).toEqual([]);

    const before = await fingerprint(ctx.db);
    const applied = await ctx.db.transaction((tx) => applySync(tx, admin, sync.id, []));
    expect(applied).toEqual({ ok: true, counts: { models: 4, aliases: 4, prices: 5, tiers: 6, scores: 0, conflictsKept: 2, conflictsTaken: 0 } });
    expect(await fingerprint(ctx.db)).toEqual({ ...before, models: before.models + 4, prices: before.prices + 5, aliases: before.aliases + 4 });
    // The admin's price stands; the reseller-free price change is a new history row dated the day it was read.
    expect((await pricesOf(ctx.db, 'claude-sonnet-5')).at(-1)).toMatchObject({ date: '2026-07-01', input: '2.5000', source: 'entered by admin@example.com on 2026-07-01' });
    expect((await pricesOf(ctx.db, 'deepseek-v4-pro')).slice(-2)).toEqual([
      { date: '2026-08-16', input: '1.3200', output: '3.9600', source: 'modelsdev-undated', retrievedAt: null },
      { date: '2026-12-05', input: '0.4350', output: '0.8700', source: 'modelsdev-sync', retrievedAt: '2026-12-05T10:00:00.000Z' },
    ]);
    expect(await pricesOf(ctx.db, 'gpt-5.5-pro')).toEqual([{ date: '2026-04-23', input: '30.0000', output: '180.0000', source: 'modelsdev-sync', retrievedAt: '2026-12-05T10:00:00.000Z' }]);
    expect(await tiersOf(ctx.db, 'gpt-5.5-pro')).toEqual([{ tier: 'long_context', over: 272000, date: '2026-04-23', input: '60.0000', output: '270.0000', source: 'modelsdev-sync', retrievedAt: '2026-12-05T10:00:00.000Z' }]);
    expect((await tiersOf(ctx.db, 'deepseek-v4-pro')).filter((t) => t.tier === 'cached_input').slice(-1)).toEqual([
      { tier: 'cached_input', over: 0, date: '2026-12-05', input: '0.0036', output: null, source: 'modelsdev-sync', retrievedAt: '2026-12-05T10:00:00.000Z' },
    ]);
    // The admin's cache price stands.
    expect((await tiersOf(ctx.db, 'claude-sonnet-5')).filter((t) => t.tier === 'cached_input').at(-1)).toMatchObject({ date: '2026-07-01', input: '0.2500', source: 'entered by admin@example.com on 2026-07-01' });
    const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'catalog.sync')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ actorEmail: 'admin@example.com', entityId: String(sync.id), after: expect.objectContaining({ kept: ['price|claude-sonnet-5', 'tier|claude-sonnet-5|cached_input|0'], taken: [] }) });
    // Applying twice is refused.
    expect(await ctx.db.transaction((tx) => applySync(tx, admin, sync.id, []))).toEqual({ ok: false, reason: 'conflict', message: 'This sync was already applied.' });

    // Read again: only the kept conflict remains; taking it writes the source's price.
    const again = await upload(ctx.db, 'models.dev', SAMPLE, 'api.json');
    expect(again.plan.newModels).toEqual([]);
    expect(again.plan.prices.map((p) => [p.key, p.conflict])).toEqual([['price|claude-sonnet-5', true]]);
    expect(again.plan.tiers.map((p) => [p.key, p.conflict])).toEqual([['tier|claude-sonnet-5|cached_input|0', true]]);
    expect(await ctx.db.transaction((tx) => applySync(tx, admin, again.id, ['price|claude-sonnet-5', 'tier|claude-sonnet-5|cached_input|0']))).toMatchObject({
      ok: true,
      counts: { prices: 1, tiers: 1, conflictsTaken: 2 },
    });
    expect((await tiersOf(ctx.db, 'claude-sonnet-5')).filter((t) => t.tier === 'cached_input').at(-1)).toMatchObject({ date: '2026-12-05', input: '0.2000', source: 'modelsdev-sync' });
    expect((await pricesOf(ctx.db, 'claude-sonnet-5')).at(-1)).toMatchObject({ date: '2026-12-05', input: '2.0000', output: '10.0000', source: 'modelsdev-sync' });
  });

  it('refuses a diff the catalog has moved past, changing nothing', async () => {
    const [pro] = await ctx.db.select().from(aiModels).where(eq(aiModels.slug, 'gpt-5.5-pro'));
    await ctx.db.update(modelPrices).set({ inputUsdPerMtok: '25' }).where(eq(modelPrices.modelId, pro.id));
    const sync = await upload(ctx.db, 'models.dev', SAMPLE, 'api.json');
    expect(sync.plan.prices.map((p) => p.key)).toEqual(['price|gpt-5.5-pro']);
    await ctx.db.update(modelPrices).set({ inputUsdPerMtok: '26' }).where(eq(modelPrices.modelId, pro.id));
    const before = await fingerprint(ctx.db);
    const r = await ctx.db.transaction((tx) => applySync(tx, admin, sync.id, []));
    expect(r).toEqual({ ok: false, reason: 'conflict', message: 'The catalog changed since this diff was made; nothing was applied. Read the file again for a fresh diff.' });
    expect(await fingerprint(ctx.db)).toEqual(before);
    expect((await getSync(ctx.db, sync.id))!.status).toBe('pending');
  });

  it("applies new and changed Epoch scores from the metadata layout, keeping an admin's score", async () => {
    const modelId = async (slug: string) => (await ctx.db.select().from(aiModels).where(eq(aiModels.slug, slug)))[0].id;
    const cell = async (slug: string, benchmark: string, effort: string) =>
      and(eq(benchmarkScores.modelId, await modelId(slug)), eq(benchmarkScores.benchmark, benchmark), eq(benchmarkScores.effort, effort));
    // An admin corrected Muse Spark's GPQA score by hand; Claude Opus 4.7's FrontierMath score is not in the catalog yet.
    await ctx.db.update(benchmarkScores).set({ score: 90, source: 'entered by admin@example.com on 2026-11-01' }).where(await cell('muse-spark', 'gpqa_diamond', 'default'));
    await ctx.db.delete(benchmarkScores).where(await cell('claude-opus-4.7', 'frontiermath', 'xhigh'));
    const sync = await upload(ctx.db, 'epoch', METADATA, 'benchmark_data.zip');
    expect(sync.plan.unmapped).toEqual(['gpt-5.4-nano-2026-03-17_high', 'gpt-5.4-pro-2026-03-05_xhigh']);
    expect(sync.plan.scores.map((s) => [s.key, s.before?.score.toFixed(1) ?? null, s.score.toFixed(1), s.conflict])).toEqual([
      ['claude-opus-4.7|frontiermath|xhigh', null, '43.8', false],
      ['gpt-5.4|gpqa_diamond|xhigh', '93.3', '95.0', false],
      ['muse-spark|gpqa_diamond|default', '90.0', '89.8', true],
    ]);
    const applied = await ctx.db.transaction((tx) => applySync(tx, admin, sync.id, []));
    expect(applied).toEqual({ ok: true, counts: { models: 0, aliases: 0, prices: 0, tiers: 0, scores: 2, conflictsKept: 1, conflictsTaken: 0 } });
    const read = async (slug: string, benchmark: string, effort: string) =>
      (await ctx.db.select({ score: benchmarkScores.score, source: benchmarkScores.source, externalId: benchmarkScores.externalId, retrievedOn: benchmarkScores.retrievedOn }).from(benchmarkScores).where(await cell(slug, benchmark, effort)))[0];
    expect(await read('gpt-5.4', 'gpqa_diamond', 'xhigh')).toEqual({ score: 95, source: 'epoch-bh-sync', externalId: 'gpt-5.4-2026-03-05_xhigh', retrievedOn: '2026-12-05' });
    expect(await read('claude-opus-4.7', 'frontiermath', 'xhigh')).toMatchObject({ source: 'epoch-bh-sync', externalId: 'claude-opus-4-7_xhigh', retrievedOn: '2026-12-05' });
    expect(await read('muse-spark', 'gpqa_diamond', 'default')).toMatchObject({ score: 90, source: 'entered by admin@example.com on 2026-11-01' });
  });
});
