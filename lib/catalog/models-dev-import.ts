/**
 * Reading models.dev's catalogue (https://models.dev/api.json: provider id → provider with its models) into
 * one entry per provider and model: list prices with their cache, batch, context and fast-mode tiers, release date,
 * reasoning options and open weights. Only a vendor's own API sets a list price; every other provider resells.
 * Unknown keys are ignored (later models.dev versions add some). Any problem gives one sentence and no data. Pure.
 */
import { z } from 'zod';

/**
 * models.dev provider ids that are the vendor's own API, with the vendor as the catalog spells it. China-region
 * endpoints (alibaba-cn, moonshotai-cn, minimax-cn, zhipuai) and clouds that resell (azure, amazon-bedrock,
 * google-vertex…) are not list prices. `llama` is Meta's Llama API.
 */
export const FIRST_PARTY_PROVIDERS: Readonly<Record<string, string>> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  xai: 'xAI',
  deepseek: 'DeepSeek',
  mistral: 'Mistral AI',
  alibaba: 'Alibaba',
  moonshotai: 'Moonshot AI',
  zai: 'Z.ai',
  minimax: 'MiniMax',
  llama: 'Meta',
};

/** api.json is a few MB; anything far larger is not it. */
export const MODELS_DEV_MAX_CHARS = 50_000_000;

const usd = z.number().finite().min(0);
const price = z.object({ input: usd, output: usd, cache_read: usd.optional(), cache_write: usd.optional() });
const date = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD');

export const modelsDevCostSchema = price.extend({
  reasoning: usd.optional(),
  tiers: z.array(price.extend({ tier: z.object({ type: z.string().optional(), size: z.number().int().min(0) }) })).optional(),
  context_over_200k: price.optional(),
  // Not in models.dev's schema as of 2026-07 (@f3fc692); read if a later version adds batch prices under this name.
  batch: z.object({ input: usd, output: usd }).optional(),
});

const reasoningOption = z.object({
  type: z.string(),
  values: z.array(z.string().nullable()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const modelsDevModelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  family: z.string().optional(),
  release_date: date.optional(),
  last_updated: date.optional(),
  reasoning: z.boolean().optional(),
  reasoning_options: z.array(reasoningOption).optional(),
  open_weights: z.boolean().optional(),
  status: z.string().optional(),
  limit: z.object({ context: z.number().min(0).optional() }).optional(),
  cost: modelsDevCostSchema.optional(),
  experimental: z.object({ modes: z.record(z.string(), z.object({ cost: price.optional() })).optional() }).optional(),
});

export const modelsDevProviderSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  models: z.record(z.string(), z.unknown()),
});

export type PriceTierValues = { input: number; output: number; cacheRead: number | null; cacheWrite: number | null };

export type ModelsDevEntry = {
  /** provider/model, the id model_aliases.csv uses for source "models.dev". */
  externalId: string;
  providerId: string;
  providerName: string;
  modelId: string;
  name: string;
  family: string | null;
  releaseDate: string | null;
  lastUpdated: string | null;
  reasoning: boolean;
  /** Effort values the API accepts (models.dev reasoning_options of type "effort"). */
  reasoningEfforts: string[];
  reasoningToggle: boolean;
  reasoningBudget: { min: number | null; max: number | null } | null;
  openWeights: boolean;
  status: string | null;
  contextWindow: number | null;
  /** The provider is the vendor's own API, so its price is a list price. */
  firstParty: boolean;
  /** The catalog's vendor name when first-party. */
  vendor: string | null;
  /** USD per million tokens; null when models.dev gives no cost. */
  price: (PriceTierValues & { reasoning: number | null }) | null;
  batch: { input: number; output: number } | null;
  /** Prices for prompts over `overTokens` tokens. */
  contextTiers: (PriceTierValues & { overTokens: number })[];
  /** Opt-in modes with their own price, e.g. "fast" (priority processing). */
  modes: (PriceTierValues & { name: string })[];
};

export type ModelsDevResult = { ok: true; entries: ModelsDevEntry[] } | { ok: false; error: string };

const values = (p: z.infer<typeof price>): PriceTierValues => ({ input: p.input, output: p.output, cacheRead: p.cache_read ?? null, cacheWrite: p.cache_write ?? null });

function issueText(err: z.ZodError): string {
  const issue = err.issues[0];
  return `${issue.path.length ? issue.path.join('.') : 'the entry'}: ${issue.message}`;
}

function toEntry(providerId: string, providerName: string, m: z.infer<typeof modelsDevModelSchema>): ModelsDevEntry {
  const options = m.reasoning_options ?? [];
  const budget = options.find((o) => o.type === 'budget_tokens');
  const cost = m.cost;
  const tiers = cost?.tiers?.length
    ? cost.tiers.map((t) => ({ ...values(t), overTokens: t.tier.size }))
    : cost?.context_over_200k
      ? [{ ...values(cost.context_over_200k), overTokens: 200_000 }]
      : [];
  const vendor = FIRST_PARTY_PROVIDERS[providerId] ?? null;
  return {
    externalId: `${providerId}/${m.id}`,
    providerId,
    providerName,
    modelId: m.id,
    name: m.name,
    family: m.family ?? null,
    releaseDate: m.release_date ?? null,
    lastUpdated: m.last_updated ?? null,
    reasoning: m.reasoning ?? false,
    reasoningEfforts: options.filter((o) => o.type === 'effort').flatMap((o) => (o.values ?? []).filter((v): v is string => v != null)),
    reasoningToggle: options.some((o) => o.type === 'toggle'),
    reasoningBudget: budget ? { min: budget.min ?? null, max: budget.max ?? null } : null,
    openWeights: m.open_weights ?? false,
    status: m.status ?? null,
    contextWindow: m.limit?.context ?? null,
    firstParty: vendor != null,
    vendor,
    price: cost ? { ...values(cost), reasoning: cost.reasoning ?? null } : null,
    batch: cost?.batch ?? null,
    contextTiers: tiers,
    modes: Object.entries(m.experimental?.modes ?? {}).flatMap(([name, mode]) => (mode.cost ? [{ ...values(mode.cost), name }] : [])),
  };
}

export function parseModelsDevApi(text: string, fileName = 'api.json'): ModelsDevResult {
  if (text.length > MODELS_DEV_MAX_CHARS) return { ok: false, error: `${fileName} is larger than ${MODELS_DEV_MAX_CHARS / 1_000_000} MB, far more than models.dev's catalogue.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${fileName} is not valid JSON (${e instanceof Error ? e.message : String(e)}); is the file cut short?` };
  }
  if (json == null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, error: `${fileName} is not models.dev's catalogue: it should map provider ids to providers.` };
  const entries: ModelsDevEntry[] = [];
  for (const [key, rawProvider] of Object.entries(json)) {
    const provider = modelsDevProviderSchema.safeParse(rawProvider);
    if (!provider.success) return { ok: false, error: `${fileName}, provider "${key}": ${issueText(provider.error)}.` };
    for (const [modelKey, rawModel] of Object.entries(provider.data.models)) {
      const model = modelsDevModelSchema.safeParse(rawModel);
      if (!model.success) return { ok: false, error: `${fileName}, ${key} model "${modelKey}": ${issueText(model.error)}.` };
      entries.push(toEntry(provider.data.id, provider.data.name, model.data));
    }
  }
  if (entries.length === 0) return { ok: false, error: `${fileName} lists no models.` };
  return { ok: true, entries };
}
