import type { Queryable } from '@/db/types';
import { listAllScores, listBenchmarks, listKeptScores, listPriceTiers } from '@/db/queries/models/benchmarks';
import { listModels } from '@/db/queries/models/list';
import { listAllPriceChanges } from '@/db/queries/models/details';
import { pickBenchmark } from '@/lib/catalog/benchmark-axis';
import { chargedPrice, TIER_KINDS, tiersInForce, type PriceTier, type TierKind } from '@/lib/catalog/price-tiers';
import { bestScores, buildCatalog, headlineScores, withCapability } from '@/lib/metrics/catalog';

/**
 * The catalog with every model's price history, shared by /models and /trends: `score` is the chosen benchmark's
 * (the default axis, ECI, when none is asked for), best across efforts; `gpqa` stays GPQA Diamond. Each model also
 * carries its price tiers in force today and the price it is charged today (a promotion, else the list price).
 */
export async function loadCatalog(db: Queryable, today: string, benchmark?: string) {
  // One round of small queries: every score is a few hundred rows, cheaper to filter here than to query per benchmark.
  const [rows, prices, benchmarks, tierRows, scores, kept] = await Promise.all([
    listModels(db),
    listAllPriceChanges(db),
    listBenchmarks(db),
    listPriceTiers(db),
    listAllScores(db),
    listKeptScores(db),
  ]);
  const axis = pickBenchmark(benchmarks, benchmark);
  const best = axis ? headlineScores(bestScores(scores, axis.key), kept.filter((k) => k.benchmark === axis.key)) : [];
  const entries = withCapability(buildCatalog(rows, prices, today), best);
  const tiersByModel = new Map<number, PriceTier[]>();
  for (const t of tierRows) {
    const list = tiersByModel.get(t.modelId) ?? [];
    list.push({
      slug: String(t.modelId), tier: t.tier as TierKind, effectiveDate: t.effectiveDate, until: t.until, contextOverTokens: t.contextOverTokens || null,
      input: Number(t.input), output: t.output == null ? null : Number(t.output), source: t.source, note: t.note,
    });
    tiersByModel.set(t.modelId, list);
  }
  const models = entries.map((e, i) => {
    const tiers = tiersByModel.get(e.id) ?? [];
    return {
      ...e,
      priceSource: rows[i].priceSource,
      trainingFlopSource: rows[i].trainingFlopSource,
      dataPolicySource: rows[i].dataPolicySource,
      tiers: tiersInForce(tiers, today).sort((a, b) => TIER_KINDS.indexOf(a.tier) - TIER_KINDS.indexOf(b.tier) || (a.contextOverTokens ?? 0) - (b.contextOverTokens ?? 0)),
      charged: chargedPrice(e.current, tiers, today),
    };
  });
  return { models, benchmarks, axis, scores };
}
export type LoadedCatalog = Awaited<ReturnType<typeof loadCatalog>>;
export type LoadedModel = LoadedCatalog['models'][number];
