/**
 * What a task really costs, from the organisation's own check-ins: a reasoning model can be
 * cheaper per token and still dearer per task, because its output tokens include its thinking. Pure.
 *
 * The rule, in one place:
 * - A check-in counts when it records tasks done (> 0) and either its billed cost or its tokens.
 * - Its cost is the billed cost when given (what was paid), else input tokens × input price + output tokens
 *   (reasoning included) × output price, the tokens being the MEASURED ones where imported usage has them (the
 *   experiment's team's usage rows for the check-in's model over the check-in's period: db/queries/dashboard/
 *   cost-per-task.ts), else the ones the lead reported; at the price the model charged on the check-in's date
 *   (price-tiers `chargedPrice`: a promotional price while it ran, else the list price in force). Tokens on
 *   a day the catalog has no price for the model do not count (the cost is unknown, not zero).
 * - A model at an effort costs Σ cost ÷ Σ tasks over its check-ins: a check-in of many tasks weighs more.
 * - Per token, models compare on today's charged price blended 3 input : 1 output (prices.ts BLEND_INPUT_PARTS).
 */
import { chargedPrice, type ChargedPrice, type PriceTier } from '@/lib/catalog/price-tiers';
import { blendedPrice, priceAt, type PriceChange } from './prices';

/** Tokens are priced per million. */
export const TOKENS_PER_PRICE_UNIT = 1_000_000;

export type UsageCheckin = {
  modelId: number;
  effort: string;
  date: string;
  tasksDone: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  billedCostCents: number | null;
  /** Tokens the imported usage measured for the check-in's team, model and period; null or absent when none. */
  measured?: { inputTokens: number; outputTokens: number } | null;
};

/** Where a check-in's cost came from: its bill, measured tokens (imported usage), or the tokens the lead reported. */
export type CostSource = 'billed' | 'measured' | 'reported';

export type ModelPrices = { name: string; list: readonly PriceChange[]; tiers: readonly PriceTier[] };

/** The check-in's cost in USD and where it came from, or null when it cannot say (no tasks, no usage, or tokens with no price that day). */
export function checkinCost(c: UsageCheckin, prices: ModelPrices | undefined): { usd: number; source: CostSource } | null {
  if (!c.tasksDone || c.tasksDone <= 0) return null;
  if (c.billedCostCents != null) return { usd: c.billedCostCents / 100, source: 'billed' };
  const tokens = c.measured ? { ...c.measured, source: 'measured' as const } : { inputTokens: c.inputTokens, outputTokens: c.outputTokens, source: 'reported' as const };
  if (tokens.inputTokens == null || tokens.outputTokens == null || !prices) return null;
  const list = priceAt(prices.list, c.date);
  const price = chargedPrice(list && { input: list.input, output: list.output }, prices.tiers, c.date);
  if (!price) return null;
  return { usd: (tokens.inputTokens * price.input + tokens.outputTokens * price.output) / TOKENS_PER_PRICE_UNIT, source: tokens.source };
}

export const checkinCostUsd = (c: UsageCheckin, prices: ModelPrices | undefined): number | null => checkinCost(c, prices)?.usd ?? null;

export type CostPerTaskRow = {
  modelId: number;
  model: string;
  effort: string;
  /** Check-ins behind the figure. */
  checkins: number;
  /** How many of them were costed by each source (the table labels the figure with it). */
  sources: Record<CostSource, number>;
  tasks: number;
  costUsd: number;
  costPerTaskUsd: number;
  /** The list price in force on `today`, and what the model charges then (a promotion, or the list price). */
  listPrice: { input: number; output: number } | null;
  charged: ChargedPrice | null;
  /** Today's charged price, blended, per million tokens. */
  blendedPerMtok: number | null;
  /** Rows this one is cheaper than per token but dearer than per task ("model @ effort"), cheapest per task first. */
  dearerPerTaskThan: string[];
};

export const rowLabel = (r: { model: string; effort: string }) => `${r.model} @ ${r.effort}`;

/** Cost per task by model and effort, cheapest per task first. */
export function costPerTask(checkins: readonly UsageCheckin[], prices: ReadonlyMap<number, ModelPrices>, today: string): CostPerTaskRow[] {
  const groups = new Map<string, { modelId: number; effort: string; checkins: number; sources: Record<CostSource, number>; tasks: number; cost: number }>();
  for (const c of checkins) {
    const cost = checkinCost(c, prices.get(c.modelId));
    if (cost == null) continue;
    const key = `${c.modelId}|${c.effort}`;
    const g = groups.get(key) ?? { modelId: c.modelId, effort: c.effort, checkins: 0, sources: { billed: 0, measured: 0, reported: 0 }, tasks: 0, cost: 0 };
    g.checkins += 1;
    g.sources[cost.source] += 1;
    g.tasks += c.tasksDone!;
    g.cost += cost.usd;
    groups.set(key, g);
  }
  const rows: CostPerTaskRow[] = [...groups.values()].map((g) => {
    const p = prices.get(g.modelId);
    const list = p ? priceAt(p.list, today) : null;
    const listPrice = list && { input: list.input, output: list.output };
    const charged = p ? chargedPrice(listPrice, p.tiers, today) : null;
    return {
      modelId: g.modelId,
      model: p?.name ?? `model ${g.modelId}`,
      effort: g.effort,
      checkins: g.checkins,
      sources: g.sources,
      tasks: g.tasks,
      costUsd: g.cost,
      costPerTaskUsd: g.cost / g.tasks,
      listPrice,
      charged,
      blendedPerMtok: charged && blendedPrice(charged.input, charged.output),
      dearerPerTaskThan: [],
    };
  });
  rows.sort((x, y) => x.costPerTaskUsd - y.costPerTaskUsd || rowLabel(x).localeCompare(rowLabel(y)));
  // Cheapest per task first, so a page that names only the first few names the starkest contrasts.
  for (const a of rows)
    for (const b of rows)
      if (a.blendedPerMtok != null && b.blendedPerMtok != null && a.blendedPerMtok < b.blendedPerMtok && a.costPerTaskUsd > b.costPerTaskUsd)
        a.dearerPerTaskThan.push(rowLabel(b));
  return rows;
}

const SOURCE_LABEL: Record<CostSource, string> = { measured: 'measured tokens', reported: 'reported tokens', billed: 'bills' };

/** Which sources a row's figure used, as the table labels it: "measured tokens", or "measured tokens 2, bills 1". */
export function costSourceLabel(sources: Record<CostSource, number>): string {
  const used = (['measured', 'reported', 'billed'] as const).filter((s) => sources[s] > 0);
  return used.length === 1 ? SOURCE_LABEL[used[0]] : used.map((s) => `${SOURCE_LABEL[s]} ${sources[s]}`).join(', ');
}
