import type { Queryable } from '../../types';
import { catalogPages } from '../models/cached';
import { asContextModel, marketContext, type ContextModel, type MarketContext } from '@/lib/metrics/market-context';
import { resolvePeriod } from '@/lib/metrics/period';

/** The catalog as the market context reads it: GPQA Diamond scores and today's blended prices. */
export async function contextModels(db: Queryable, today: string): Promise<ContextModel[]> {
  const { models } = await catalogPages.catalog(db, today, undefined);
  return models.map(asContextModel);
}

/**
 * The market context for the dashboard and the PDF (lib/metrics/market-context.ts), for the given teams (null:
 * every team): current usage is what runs now or completed in the last 12 months, as on /trends.
 */
export async function getMarketContext(db: Queryable, opts: { teamIds: number[] | null; today: string }): Promise<MarketContext> {
  const [models, usage] = await Promise.all([contextModels(db, opts.today), catalogPages.currentTeamUsage(db, resolvePeriod('12m', opts.today))]);
  const teams = opts.teamIds ? new Set(opts.teamIds) : null;
  return marketContext(models, teams ? usage.filter((u) => teams.has(u.teamId)) : usage, opts.today);
}
