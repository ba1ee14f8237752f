import type { Formatter } from '@/lib/format';
import { cheapestAtOrAbove, priceDecline, type PriceDecline, type TrendModel } from './trends';
import { teamsBehindFrontier, type BehindFrontier, type TeamUsage } from './usage';

/**
 * What an executive hands a board beside the organisation's own figures: how fast the price of a fixed level
 * of capability falls (the essay's headline: GPT-4-level on GPQA Diamond) and which teams still use a model
 * that a newer, no dearer one clearly beats. /trends, the dashboard and the PDF report all read it here.
 */
export const HEADLINE_LEVEL_SLUG = 'gpt-4';

export type ContextModel = Omit<TrendModel, 'score'> & { gpqa: number | null; currentBlended: number | null };
export type MarketContext = { priceOfCapability: PriceDecline | null; behind: BehindFrontier[] };

/** A catalog entry (lib/metrics/catalog.ts, GPQA as the database returns it) as the market context reads it. */
export const asContextModel = (m: Omit<ContextModel, 'gpqa'> & { gpqa: number | string | null }): ContextModel => ({
  slug: m.slug,
  name: m.name,
  releaseDate: m.releaseDate,
  prices: m.prices,
  gpqa: m.gpqa == null ? null : Number(m.gpqa),
  currentBlended: m.currentBlended,
});

/**
 * The price of GPT-4-level capability on GPQA Diamond among `models`, from the first to reach it to today's
 * cheapest; GPT-4's own score is read from `catalog` (the whole catalog when `models` is a filtered view).
 * Null without GPT-4's score.
 */
export function priceOfCapability(models: readonly ContextModel[], today: string, catalog: readonly ContextModel[] = models): PriceDecline | null {
  const level = catalog.find((m) => m.slug === HEADLINE_LEVEL_SLUG)?.gpqa;
  if (level == null) return null;
  return priceDecline(cheapestAtOrAbove(models.map((m) => ({ ...m, score: m.gpqa })), level, today), today);
}

export function marketContext(models: readonly ContextModel[], usage: readonly TeamUsage[], today: string): MarketContext {
  return {
    priceOfCapability: priceOfCapability(models, today),
    behind: teamsBehindFrontier(
      usage,
      models.map((m) => ({ slug: m.slug, name: m.name, releaseDate: m.releaseDate, score: m.gpqa, price: m.currentBlended })),
    ),
  };
}

/** A fall or a rate as the sentences say it: "286" (whole from 10 up), "63", "3.4". */
export const timesText = (n: number, f: Pick<Formatter, 'formatNumber'>) => (n >= 10 ? f.formatNumber(Math.round(n)) : n.toFixed(1));

/**
 * What a price-of-capability sentence fills in ({factor}× in {months} months{perYear}: from {first} at
 * {firstPrice} to {current} at {currentPrice}), formatted for its reader; `perYear` says the yearly rate.
 */
export function declineWords(d: PriceDecline, f: Pick<Formatter, 'formatNumber' | 'formatUsd'>, perYear: (rate: string) => string) {
  return {
    factor: timesText(d.factor, f),
    months: String(Math.round(d.months)),
    perYear: d.perYear ? perYear(timesText(d.perYear, f)) : '',
    first: d.first.name,
    firstPrice: f.formatUsd(d.first.price),
    current: d.current.name,
    currentPrice: f.formatUsd(d.current.price),
  };
}
