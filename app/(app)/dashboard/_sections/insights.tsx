import { InsightsSection } from '@/components/insights/insights-section';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import type { InsightsScope } from '@/db/queries/insights/scope';

/** The insights block of the dashboard, streamed in its own Suspense boundary by the page. */
export async function DashboardInsights({ scope }: { scope: InsightsScope }) {
  const summary = await dashboard.insightsSummary(await getDb(), scope);
  return <InsightsSection summary={summary} />;
}
