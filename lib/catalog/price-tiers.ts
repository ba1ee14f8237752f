/**
 * Price tiers beside the list price (db/seed/reference/price_tiers.csv): cached input, cache writes, batch,
 * long-context rates, and promotional prices with their last day, so a page can show both what a model costs
 * today and its list price. Pure.
 */
import { z } from 'zod';
import { readCsv } from './csv';

export const TIER_KINDS = ['promotional', 'cached_input', 'cache_write', 'batch', 'long_context'] as const;
export type TierKind = (typeof TIER_KINDS)[number];

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'is not a real date');
const usd = z.preprocess((v) => (v === '' || v == null ? null : Number(v)), z.number().finite().min(0).nullable());
const blankable = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' ? null : v), schema.nullable());

/** One row of price_tiers.csv. Prices in USD per million tokens; cached_input/cache_write use the input column only. */
export const priceTierRowSchema = z
  .object({
    slug: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, 'is not a catalog slug'),
    tier: z.enum(TIER_KINDS),
    effective_date: isoDate,
    /** Last day the row applies (inclusive); blank = until a later row of the same tier replaces it. */
    until: blankable(isoDate),
    context_over_tokens: blankable(z.coerce.number().int().positive()),
    input_usd_per_mtok: usd,
    output_usd_per_mtok: usd,
    source: z.string().trim().min(1),
    note: z.string().trim(),
  })
  .superRefine((r, ctx) => {
    const need = (ok: boolean, path: string, message: string) => ok || ctx.addIssue({ code: 'custom', path: [path], message });
    need(r.input_usd_per_mtok != null, 'input_usd_per_mtok', 'is required');
    const single = r.tier === 'cached_input' || r.tier === 'cache_write';
    need(single ? r.output_usd_per_mtok == null : r.output_usd_per_mtok != null, 'output_usd_per_mtok', single ? 'must be blank for a cache price' : 'is required for this tier');
    need((r.tier === 'long_context') === (r.context_over_tokens != null), 'context_over_tokens', 'is required for long_context and only there');
    need(r.tier !== 'promotional' || r.until != null, 'until', 'a promotional price needs its last day');
    need(r.until == null || r.until >= r.effective_date, 'until', 'is before effective_date');
  });

export type PriceTier = {
  slug: string;
  tier: TierKind;
  effectiveDate: string;
  until: string | null;
  contextOverTokens: number | null;
  input: number;
  output: number | null;
  source: string;
  note: string;
};

export type PriceTiersResult = { ok: true; tiers: PriceTier[] } | { ok: false; error: string };

export function parsePriceTiers(csvText: string, fileName = 'price_tiers.csv'): PriceTiersResult {
  const read = readCsv(fileName, csvText);
  if (!read.ok) return read;
  const tiers: PriceTier[] = [];
  for (const [i, raw] of read.table.rows.entries()) {
    const parsed = priceTierRowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `${fileName} row ${i + 2}, column ${String(issue.path[0])}: ${issue.message}.` };
    }
    const r = parsed.data;
    tiers.push({
      slug: r.slug, tier: r.tier, effectiveDate: r.effective_date, until: r.until, contextOverTokens: r.context_over_tokens,
      input: r.input_usd_per_mtok!, output: r.output_usd_per_mtok, source: r.source, note: r.note,
    });
  }
  return { ok: true, tiers };
}

/**
 * The tiers of one model in force on `date` (ISO): per tier kind and context threshold, the latest row that took
 * effect on or before the date, unless its last day has passed.
 */
export function tiersInForce(tiers: readonly PriceTier[], date: string): PriceTier[] {
  const latest = new Map<string, PriceTier>();
  for (const t of tiers) {
    if (t.effectiveDate > date) continue;
    const k = `${t.slug}|${t.tier}|${t.contextOverTokens ?? ''}`;
    const prev = latest.get(k);
    if (!prev || t.effectiveDate > prev.effectiveDate) latest.set(k, t);
  }
  return [...latest.values()].filter((t) => t.until == null || t.until >= date);
}

export type ChargedPrice = { input: number; output: number; promotionalUntil: string | null };

/** What a model charges on `date` at the base tier: a promotional price while it runs, else the list price. */
export function chargedPrice(list: { input: number; output: number } | null, modelTiers: readonly PriceTier[], date: string): ChargedPrice | null {
  const promo = tiersInForce(modelTiers, date).find((t) => t.tier === 'promotional');
  if (promo) return { input: promo.input, output: promo.output!, promotionalUntil: promo.until };
  return list ? { input: list.input, output: list.output, promotionalUntil: null } : null;
}
