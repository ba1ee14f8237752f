import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { shiftSentenceIn } from './shift-sentence';
import { InsightsMixChart } from '@/components/charts/insights-mix-chart';
import { Card, CardHeader } from '@/components/ui/card';
import type { ShiftReport } from '@/db/queries/insights/shift';
// Dates are ISO in every language (lib/format.ts's formatDate), so the plain export serves every reader.
import { formatDate } from '@/lib/format';
import { MINDSET_COLOR } from '@/components/dashboard/palette';
import { NOT_SET } from '@/lib/labels';
import { MINDSET_MIX_KEYS, toPercentages } from '@/lib/metrics/shift';
import { Explain, SHOWN, pct } from './explain';

export function ShiftPanel({ report }: { report: ShiftReport }) {
  const t = useTranslations('insights.shift');
  const shiftSentence = shiftSentenceIn(useTranslations('insights.shift.sentence'), pct);
  const td = useTranslations('dashboard');
  const tl = useTranslations('labels');
  // The dashboard's mindset colours, so a mindset (and "not set": quick-captured, nobody chose yet) reads alike on both pages.
  const mindsetSeries = MINDSET_MIX_KEYS.map((key) => ({ key, label: key === NOT_SET ? tl('notSet') : tl(`mindsetShort.${key}`), color: MINDSET_COLOR[key] }));
  const outcomeSeries = [
    { key: 'efficiencyOnly', label: t('efficiencyOnly'), color: 'var(--chart-efficiency)' },
    { key: 'capability', label: t('withCapability'), color: 'var(--chart-capability)' },
  ];
  const recent = (rows: { quarter: string }[]) => rows.slice(-8);
  return (
    <Card id="shift" aria-labelledby="shift-title">
      <CardHeader title={<span id="shift-title">{t('title')}</span>} />
      <p className="mb-2 text-lg font-medium" data-testid="shift-sentence">
        {shiftSentence(report.reading)}
      </p>
      <p className="mb-2 text-xs text-muted-foreground" data-testid="shift-definition">
        {td('definitionTitles.newCapabilityShift')}: {td('definitions.newCapabilityShift')}
      </p>
      <Explain>
        {t('explain')}
      </Explain>
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t('mindsetTitle')}</h3>
          <InsightsMixChart
            data={recent(toPercentages(report.mindsets, MINDSET_MIX_KEYS))}
            series={mindsetSeries}
            label={t('mindsetLabel')}
          />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t('outcomesTitle')}</h3>
          <InsightsMixChart
            data={recent(toPercentages(report.outcomes, ['efficiencyOnly', 'capability']))}
            series={outcomeSeries}
            label={t('outcomesLabel')}
          />
        </div>
      </div>
      <h3 className="mb-1 mt-6 text-sm font-semibold">
        {t.rich('evidenceTitle', { count: report.needEvidence.length, n: (chunks) => <span data-testid="evidence-count">{chunks}</span> })}
      </h3>
      <p className="mb-2 text-sm text-muted-foreground">
        {t('evidenceText')}
      </p>
      {report.needEvidence.length ? (
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {report.needEvidence.slice(0, SHOWN).map((e) => (
            <li key={e.id}>
              <Link href={`/experiments/${e.id}`} className="hover:underline">
                {e.title}
              </Link>{' '}
              <span className="text-muted-foreground">
                {t('completedOn', { team: e.team, date: formatDate(e.endDate) })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">{t('allHaveEvidence')}</p>
      )}
      {report.needEvidence.length > SHOWN ? (
        <p className="mt-2 text-sm text-muted-foreground">
          {t('showing', { shown: SHOWN, total: report.needEvidence.length })}
        </p>
      ) : null}
    </Card>
  );
}
