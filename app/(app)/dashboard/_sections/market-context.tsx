import { MarketContextPanel } from '@/components/dashboard/market-context';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';

/** The market context for the teams the dashboard shows (all of them without a team filter). */
export async function MarketContextSection({ teamIds, today }: { teamIds: number[] | undefined; today: string }) {
  const context = await dashboard.marketContext(await getDb(), { teamIds: teamIds ?? null, today });
  return <MarketContextPanel context={context} />;
}
