import { aiModels, modelBenchmarks, modelPrices, type DataPolicy } from '../schema';
import type { Queryable } from '../types';
import { seedBenchmarkCatalog } from './benchmark-catalog';
import { seedVendorChannelPolicies } from './vendor-policies';
import { readReferenceModels, readReferencePrices } from './reference-csv';

/** Source of each vendor's data-use policy (SOURCES.md §3). */
const POLICY_SOURCE: Record<string, string> = {
  OpenAI: 'openai-data-usage',
  Anthropic: 'anthropic-consumer-2025',
  Google: 'gemini-api-terms',
  xAI: 'xai-enterprise-faq',
  'Mistral AI': 'mistral-help-training',
  DeepSeek: 'deepseek-terms-secondary',
};

export function toPolicy(value: string): DataPolicy {
  if (value === 'true') return 'trains';
  if (value === 'false') return 'no_training';
  return 'unknown';
}

/**
 * Loads the reference catalog into any database, production included. Idempotent: rows that
 * exist (by slug, by model+date, by model+benchmark) are left alone, so admins' edits survive.
 */
export async function seedReferenceCatalog(db: Queryable): Promise<{ models: number }> {
  const rows = readReferenceModels();
  await db
    .insert(aiModels)
    .values(
      rows.map((r) => ({
        slug: r.slug,
        name: r.name,
        vendor: r.vendor,
        releaseDate: r.release_date,
        reasoning: r.reasoning === 'true',
        openWeights: r.open_weights === 'true',
        dataPolicy: toPolicy(r.trains_on_user_data_by_default),
        dataPolicySource: toPolicy(r.trains_on_user_data_by_default) === 'unknown' ? null : (POLICY_SOURCE[r.vendor] ?? null),
        trainingFlop: r.training_flop ? Number(r.training_flop) : null,
        trainingFlopSource: r.training_flop ? r.source_flop || null : null,
        source: 'reference',
      })),
    )
    .onConflictDoNothing({ target: aiModels.slug });

  const ids = new Map((await db.select({ id: aiModels.id, slug: aiModels.slug }).from(aiModels)).map((m) => [m.slug, m.id]));
  const launchPrices = rows
    .filter((r) => r.input_usd_per_mtok !== '' && r.output_usd_per_mtok !== '')
    .map((r) => ({
      modelId: ids.get(r.slug)!,
      effectiveDate: r.release_date,
      inputUsdPerMtok: r.input_usd_per_mtok,
      outputUsdPerMtok: r.output_usd_per_mtok,
      source: r.source_price || 'reference',
      note: 'Launch list price',
    }));
  const laterPrices = readReferencePrices()
    .filter((p) => ids.has(p.slug))
    .map((p) => ({
      modelId: ids.get(p.slug)!,
      effectiveDate: p.effective_date,
      inputUsdPerMtok: p.input_usd_per_mtok,
      outputUsdPerMtok: p.output_usd_per_mtok,
      source: p.source,
      note: p.note,
    }));
  await db
    .insert(modelPrices)
    .values([...launchPrices, ...laterPrices])
    .onConflictDoNothing({ target: [modelPrices.modelId, modelPrices.effectiveDate] });

  const scores = rows
    .filter((r) => r.gpqa_diamond_pct !== '')
    .map((r) => ({ modelId: ids.get(r.slug)!, benchmark: 'gpqa_diamond', score: r.gpqa_diamond_pct, source: r.source_gpqa }));
  await db
    .insert(modelBenchmarks)
    .values(scores)
    .onConflictDoNothing({ target: [modelBenchmarks.modelId, modelBenchmarks.benchmark] });
  await seedBenchmarkCatalog(db);
  await seedVendorChannelPolicies(db);
  return { models: rows.length };
}
