import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { InsightsSummary } from '@/db/queries/insights';

/**
 * The dashboard's insights (re-test radar, concentration, privacy flags, the shift to augmentation).
 * The dashboard fetches the summary (db/queries/insights.ts) and renders this inside its own Suspense
 * boundary. Owned by the insights work, which replaces this placeholder body.
 */
export function InsightsSection({ summary }: { summary: InsightsSummary }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card>
        <p className="text-sm text-muted-foreground">Re-test radar</p>
        <Link href="/experiments?retest=yes" className="text-3xl font-semibold hover:underline">
          {summary.retestCandidates}
        </Link>
      </Card>
      <Card>
        <p className="text-sm text-muted-foreground">Privacy flags</p>
        <Link href="/experiments?privacy=yes" className="text-3xl font-semibold hover:underline">
          {summary.privacyFlags}
        </Link>
      </Card>
    </div>
  );
}
