import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Card, CardHeader } from '@/components/ui/card';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import { getFormat } from '@/i18n/format';
import { figureSource, type FigureSource } from '@/lib/metrics/current-figure';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm" data-testid={testId}>{children}</dd>
    </div>
  );
}

const n = (v: string | null) => (v == null ? null : Number(v));
const Text = ({ children }: { children: string }) => (children ? <p className="whitespace-pre-wrap wrap-anywhere text-sm">{children}</p> : <p className="text-sm text-muted-foreground">—</p>);

/** What the experiment is, its efficiency figures, blocker and learnings. */
export async function ExperimentFacts({ e, currency }: { e: ExperimentDetail; currency: string }) {
  const [t, tl, f] = await Promise.all([getTranslations('experiments.facts'), getTranslations('labels'), getFormat()]);
  // Where a current figure comes from (lib/metrics/current-figure.ts describeSource, in the reader's language).
  const describeSource = (s: FigureSource) =>
    s.kind === 'checkin' ? t('sourceCheckin', { date: s.date }) : s.kind === 'own' ? t('sourceOwn') : t('sourceNone');
  const hoursSource = figureSource(e.checkins, (c) => c.hoursSavedPerMonth != null, e.hoursSavedPerMonth);
  const spendSource = figureSource(e.checkins, (c) => c.spendMonthlyCents != null, e.spendMonthlyCents);
  return (
    <>
      <Card>
        <CardHeader title={t('about')} />
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label={t('team')}>{e.teamName}</Fact>
          <Fact label={t('owner')}>{e.ownerName ?? '—'}</Fact>
          <Fact label={t('dates')}>{f.formatDate(e.startDate)} → {f.formatDate(e.endDate)}</Fact>
          <Fact label={t('workType')} testId="fact-work-type">{e.workType ? tl(`workType.${e.workType}`) : tl('notSet')}</Fact>
          <Fact label={t('mindset')} testId="fact-mindset">
            <span title={e.mindset ? tl(`mindsetExplain.${e.mindset}`) : undefined}>{e.mindset ? tl(`mindset.${e.mindset}`) : tl('notSet')}</span>
          </Fact>
          <Fact label={t('dataSensitivity')} testId="fact-sensitivity">{e.dataSensitivity ? tl(`sensitivity.${e.dataSensitivity}`) : tl('notSet')}</Fact>
          <Fact label={t('participants')}>{e.participantCount || '—'}</Fact>
          <Fact label={t('targetMetric')} testId="fact-target-metric">{e.exploration ? t('explorationNoTarget') : e.targetMetric || tl('notSet')}</Fact>
          <Fact label={t('conclusion')}>{e.conclusion ? tl(`conclusion.${e.conclusion}`) : t('notConcluded')}</Fact>
        </dl>
        <h3 className="mt-4 text-sm font-medium">{t('description')}</h3>
        <Text>{e.description}</Text>
        <h3 className="mt-3 text-sm font-medium">{t('hypothesis')}</h3>
        <Text>{e.hypothesis}</Text>
      </Card>
      <Card>
        <CardHeader title={t('efficiency')} />
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label={t('hoursCurrent')} testId="hours-saved">{f.formatNumber(hoursSource.kind === 'none' ? null : n(e.currentHoursSavedPerMonth), 2)}</Fact>
          <Fact label={t('spendCurrent')} testId="spend-current">{spendSource.kind === 'none' ? '—' : f.formatMoneyCents(e.currentSpendMonthlyCents, currency)}</Fact>
          <Fact label={t('qualityCurrent')}>{t('qualityOf', { before: String(e.qualityBefore ?? '—'), after: String(e.currentQualityAfter ?? '—') })}</Fact>
          <Fact label={t('oneOffSpend')}>{f.formatMoneyCents(e.spendOneOffCents, currency)} {e.spendOneOffCents != null && e.spendOneOffDate ? `(${e.spendOneOffDate})` : ''}</Fact>
        </dl>
        <p className="mt-2 text-xs text-muted-foreground" data-testid="current-source">
          {t('currentSource', { hours: describeSource(hoursSource), spend: describeSource(spendSource) })}
        </p>
        <h3 className="mt-4 text-sm font-medium">{t('estimated')}</h3>
        <dl className="mt-1 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label={t('hoursBefore')}>{f.formatNumber(n(e.hoursBeforePerTask), 2)}</Fact>
          <Fact label={t('hoursWithAi')}>{f.formatNumber(n(e.hoursWithAiPerTask), 2)}</Fact>
          <Fact label={t('tasksPerMonth')}>{f.formatNumber(n(e.tasksPerMonth), 2)}</Fact>
          <Fact label={t('hoursSaved')} testId="hours-saved-own">{f.formatNumber(n(e.hoursSavedPerMonth), 2)}</Fact>
          <Fact label={t('spendPerMonth')}>{f.formatMoneyCents(e.spendMonthlyCents, currency)}</Fact>
          <Fact label={t('qualityWithAi')}>{e.qualityAfter ?? '—'}</Fact>
        </dl>
      </Card>
      {e.blockedByModel ? (
        <Card className="border-warning">
          <CardHeader title={t('blockedTitle')} />
          <Text>{e.blockerMissing}</Text>
          <p className="mt-2 text-sm text-muted-foreground">
            {t('bars', {
              bar: e.blockerMinScore ? t('barGpqa', { score: String(Number(e.blockerMinScore)) }) : t('noneSet'),
              ceiling: e.blockerMaxPriceUsd ? t('ceiling', { price: f.formatUsd(e.blockerMaxPriceUsd) }) : t('noneSet'),
            })}
          </p>
        </Card>
      ) : null}
      <Card>
        <CardHeader title={t('learnings')} />
        <Text>{e.learnings}</Text>
        {e.privacyMitigation ? <p className="mt-2 text-sm text-muted-foreground">{t('privacyMitigation', { text: e.privacyMitigation })}</p> : null}
      </Card>
    </>
  );
}
