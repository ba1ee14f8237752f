import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { InsightsSummary } from '@/db/queries/insights/summary';
import { DEFINITION_TITLE, DEFINITIONS } from '@/lib/metrics/definitions';
import { experimentFiltersToSearch } from '@/lib/validation/experiment-filters';
import { LevelBadge } from './concentration-panel';
import { hhiText, pct } from './explain';

/**
 * The dashboard's insights: re-test radar, concentration, privacy flags, the shift to augmentation.
 * Each card links to its drill-down: the experiment list for the counted sets, the Insights page otherwise.
 */
export function InsightsSection({ summary }: { summary: InsightsSummary }) {
  const list = (flag: 'retest' | 'privacy') => `/experiments?${experimentFiltersToSearch({ ...summary.filters, [flag]: true })}`;
  return (
    <div className="space-y-4">
      {summary.concentration === 'concentrated' && summary.largestVendor ? (
        <p role="alert" data-testid="dashboard-concentration-warning" className="rounded-md border border-danger/50 p-3 text-sm text-danger">
          Vendor concentration is high: {pct(summary.largestVendor.share)} of experiments run on {summary.largestVendor.name}.{' '}
          <Link href="/insights#concentration" className="underline">
            See why it matters
          </Link>
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <Card>
          <p className="text-sm text-muted-foreground">Re-test radar</p>
          <Link href={list('retest')} className="text-3xl font-semibold hover:underline" data-testid="insight-retest">
            {summary.retestCandidates}
          </Link>
          <p className="mt-1 text-xs text-muted-foreground">
            blocked experiments a newer model could now unblock.{' '}
            <Link href="/insights#radar" className="text-primary underline underline-offset-2">
              Candidates
            </Link>
          </p>
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground">Vendor concentration</p>
          <Link href="/insights#concentration" className="flex items-center gap-2 text-3xl font-semibold hover:underline" data-testid="insight-hhi">
            {hhiText(summary.vendorHhi)} <LevelBadge level={summary.concentration} />
          </Link>
          <p className="mt-1 text-xs text-muted-foreground">
            HHI (below 0.15 diversified, above 0.25 concentrated).
            {summary.largestVendor ? ` Largest: ${summary.largestVendor.name} ${pct(summary.largestVendor.share)}.` : ''} Portability{' '}
            {pct(summary.portability)}.
          </p>
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground">Privacy flags</p>
          <Link href={list('privacy')} className="text-3xl font-semibold hover:underline" data-testid="insight-privacy">
            {summary.privacyFlags}
          </Link>
          <p className="mt-1 text-xs text-muted-foreground">
            sensitive data sent to a model that may train on it.{' '}
            <Link href="/insights#privacy" className="text-primary underline underline-offset-2">
              Details
            </Link>
          </p>
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground" title={DEFINITIONS.newCapabilityShift}>
            {DEFINITION_TITLE.newCapabilityShift}
          </p>
          <p className="mt-1 text-sm font-medium" data-testid="insight-shift">
            {summary.shiftSentence}
          </p>
          <p className="mt-1 text-xs text-muted-foreground">
            <Link href="/insights#shift" className="text-primary underline underline-offset-2">
              {summary.needEvidence} completed experiment{summary.needEvidence === 1 ? '' : 's'} should add capability evidence
            </Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
