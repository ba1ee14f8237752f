import Link from 'next/link';
import { Card } from '@/components/ui/card';

/**
 * The dashboard's insights (re-test radar, concentration, privacy flags, the shift to augmentation).
 * Owned by the insights work; the dashboard renders it inside its own Suspense boundary.
 */
export type InsightCounts = { retestCandidates: number; privacyFlags: number };

export function InsightsSection({ counts }: { counts: InsightCounts }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card>
        <p className="text-sm text-muted-foreground">Re-test radar</p>
        <Link href="/experiments?retest=yes" className="text-3xl font-semibold hover:underline">
          {counts.retestCandidates}
        </Link>
      </Card>
      <Card>
        <p className="text-sm text-muted-foreground">Privacy flags</p>
        <Link href="/experiments?privacy=yes" className="text-3xl font-semibold hover:underline">
          {counts.privacyFlags}
        </Link>
      </Card>
    </div>
  );
}
