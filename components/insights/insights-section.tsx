import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { shiftSentenceIn } from './shift-sentence';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import type { InsightsSummary } from '@/db/queries/insights/summary';
import { experimentFiltersToSearch } from '@/lib/validation/experiment-filters';
import { LevelBadge } from './concentration-panel';
import { hhiText, pct } from './explain';

/**
 * The dashboard's insights: re-test radar, concentration, privacy flags, the shift to augmentation.
 * Each card links to its drill-down: the experiment list for the counted sets, the Insights page otherwise.
 */
export function InsightsSection({ summary }: { summary: InsightsSummary }) {
  const t = useTranslations('insights.summary');
  const shiftSentence = shiftSentenceIn(useTranslations('insights.shift.sentence'), pct);
  const td = useTranslations('dashboard');
  const list = (flag: 'retest' | 'privacy') => `/experiments?${experimentFiltersToSearch({ ...summary.filters, [flag]: true })}`;
  const link = (href: string, className: string) => (chunks: ReactNode) => (
    <Link href={href} className={className}>
      {chunks}
    </Link>
  );
  return (
    <div className="space-y-4">
      {summary.concentration === 'concentrated' && summary.largestVendor ? (
        <p role="alert" data-testid="dashboard-concentration-warning" className="rounded-md border border-danger/50 p-3 text-sm text-danger">
          {t.rich('concentrationWarning', {
            share: pct(summary.largestVendor.share),
            vendor: summary.largestVendor.name,
            link: link('/insights#concentration', 'underline'),
          })}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <Card>
          <p className="text-sm text-muted-foreground">{t('radar')}</p>
          <Link href={list('retest')} className="text-3xl font-semibold hover:underline" data-testid="insight-retest">
            {summary.retestCandidates}
          </Link>
          <p className="mt-1 text-xs text-muted-foreground">{t.rich('radarNote', { link: link('/insights#radar', 'text-primary underline underline-offset-2') })}</p>
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground">{t('concentration')}</p>
          <Link href="/insights#concentration" className="flex items-center gap-2 text-3xl font-semibold hover:underline" data-testid="insight-hhi">
            {hhiText(summary.vendorHhi)} <LevelBadge level={summary.concentration} />
          </Link>
          <p className="mt-1 text-xs text-muted-foreground">
            {t('hhiNote')}
            {summary.largestVendor ? t('largest', { vendor: summary.largestVendor.name, share: pct(summary.largestVendor.share) }) : null}
            {t('portability', { share: pct(summary.portability) })}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground">{t('privacy')}</p>
          <Link href={list('privacy')} className="text-3xl font-semibold hover:underline" data-testid="insight-privacy">
            {summary.privacyFlags}
          </Link>
          <p className="mt-1 text-xs text-muted-foreground">{t.rich('privacyNote', { link: link('/insights#privacy', 'text-primary underline underline-offset-2') })}</p>
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground" title={td('definitions.newCapabilityShift')}>
            {td('definitionTitles.newCapabilityShift')}
          </p>
          <p className="mt-1 text-sm font-medium" data-testid="insight-shift">
            {shiftSentence(summary.shift)}
          </p>
          <p className="mt-1 text-xs text-muted-foreground">
            <Link href="/insights#shift" className="text-primary underline underline-offset-2">
              {t('needEvidence', { count: summary.needEvidence })}
            </Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
