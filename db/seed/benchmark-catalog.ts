import { aiModels, benchmarks, benchmarkScores, modelAliases, modelPriceTiers } from '../schema';
import type { Queryable } from '../types';
import { indexAliases, parseModelAliases } from '@/lib/catalog/aliases';
import { parseBenchmarkRegistry } from '@/lib/catalog/benchmarks';
import { catalogScores } from '@/lib/catalog/catalog-scores';
import { importEpochBenchmarks } from '@/lib/catalog/epoch-import';
import { parsePriceTiers } from '@/lib/catalog/price-tiers';
import { readCsvFolder, readReferenceText } from './reference-csv';

/** The day the shipped Epoch files were taken from Epoch's download (epoch-2026-04/PROVENANCE.md). */
export const EPOCH_RETRIEVED_ON = '2026-04-19';

function must<T>(r: { ok: true } & T | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

export type BenchmarkCatalogCounts = { benchmarks: number; scores: number; aliases: number; tiers: number };

/**
 * Loads benchmarks, Epoch scores, model aliases and price tiers from the reference data for the catalog models that
 * exist (by slug). Idempotent: existing rows (by key, by model+benchmark+effort, by source+id, by model+tier+date)
 * are left alone, so admins' edits survive. Returns what the reference offers, not what was newly written.
 */
export async function seedBenchmarkCatalog(db: Queryable): Promise<BenchmarkCatalogCounts> {
  const registry = must(parseBenchmarkRegistry(readReferenceText('benchmarks.csv'))).benchmarks;
  const aliases = must(parseModelAliases(readReferenceText('model_aliases.csv'))).aliases;
  const tiers = must(parsePriceTiers(readReferenceText('price_tiers.csv'))).tiers;
  const epoch = must(importEpochBenchmarks(readCsvFolder(), registry)).data;
  const scores = catalogScores(epoch.scores, indexAliases(aliases), registry);

  await db
    .insert(benchmarks)
    .values(
      registry.map((b, i) => ({
        key: b.key, name: b.name, measures: b.measures, description: b.description, unit: b.unit, scale: b.scale,
        randomBaseline: b.randomBaseline, scoreCeiling: b.scoreCeiling, supersededBy: b.supersededBy, humanExpert: b.humanExpert,
        humanNonExpert: b.humanNonExpert, humanBaselineSource: b.humanBaselineSource, perEffort: b.perEffort, defaultAxis: b.defaultAxis,
        sourceFile: b.sourceFile, scoreColumn: b.scoreColumn, epochBenchmark: b.epochBenchmark, source: b.source, position: i,
      })),
    )
    .onConflictDoNothing({ target: benchmarks.key });

  const ids = new Map((await db.select({ id: aiModels.id, slug: aiModels.slug }).from(aiModels)).map((m) => [m.slug, m.id]));
  const known = <T extends { slug: string }>(rows: readonly T[]) => rows.filter((r) => ids.has(r.slug));
  const present = new Set((await db.select({ key: benchmarks.key }).from(benchmarks)).map((b) => b.key));

  const scoreRows = known(scores)
    .filter((s) => present.has(s.benchmark))
    .map((s) => ({
      modelId: ids.get(s.slug)!, benchmark: s.benchmark, effort: s.effort, score: s.score, source: s.source,
      externalId: s.externalId, runId: s.runId, retrievedOn: EPOCH_RETRIEVED_ON,
    }));
  if (scoreRows.length) await db.insert(benchmarkScores).values(scoreRows).onConflictDoNothing({ target: [benchmarkScores.modelId, benchmarkScores.benchmark, benchmarkScores.effort] });

  const aliasRows = known(aliases).map((a) => ({ source: a.source, externalId: a.externalId, modelId: ids.get(a.slug)!, effort: a.effort, note: a.note }));
  if (aliasRows.length) await db.insert(modelAliases).values(aliasRows).onConflictDoNothing({ target: [modelAliases.source, modelAliases.externalId] });

  const tierRows = known(tiers).map((t) => ({
    modelId: ids.get(t.slug)!, tier: t.tier, effectiveDate: t.effectiveDate, until: t.until, contextOverTokens: t.contextOverTokens ?? 0,
    inputUsdPerMtok: String(t.input), outputUsdPerMtok: t.output == null ? null : String(t.output), source: t.source, note: t.note,
  }));
  if (tierRows.length) {
    await db
      .insert(modelPriceTiers)
      .values(tierRows)
      .onConflictDoNothing({ target: [modelPriceTiers.modelId, modelPriceTiers.tier, modelPriceTiers.contextOverTokens, modelPriceTiers.effectiveDate] });
  }
  return { benchmarks: registry.length, scores: scores.length, aliases: aliases.length, tiers: tiers.length };
}
