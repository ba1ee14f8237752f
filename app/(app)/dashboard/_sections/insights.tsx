import { InsightsSection } from '@/components/insights/insights-section';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';

/** The insights block of the dashboard, streamed in its own Suspense boundary by the page. */
export async function DashboardInsights({ teamIds }: { teamIds?: number[] }) {
  const summary = await dashboard.insightsSummary(await getDb(), { teamIds });
  return <InsightsSection summary={summary} />;
}
