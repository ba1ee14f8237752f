import type { ReactNode } from 'react';
import { Card, CardHeader } from '@/components/ui/card';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import { formatDate, formatMoneyCents, formatNumber, formatUsd } from '@/lib/format';
import { describeSource, figureSource } from '@/lib/metrics/current-figure';
import { CONCLUSION_LABEL, MINDSET_EXPLAIN, MINDSET_LABEL, SENSITIVITY_LABEL, WORK_TYPE_LABEL, labelOrNotSet } from '@/lib/labels';

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
export function ExperimentFacts({ e, currency }: { e: ExperimentDetail; currency: string }) {
  const hoursSource = figureSource(e.checkins, (c) => c.hoursSavedPerMonth != null, e.hoursSavedPerMonth);
  const spendSource = figureSource(e.checkins, (c) => c.spendMonthlyCents != null, e.spendMonthlyCents);
  return (
    <>
      <Card>
        <CardHeader title="About" />
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label="Team">{e.teamName}</Fact>
          <Fact label="Owner">{e.ownerName ?? '—'}</Fact>
          <Fact label="Dates">{formatDate(e.startDate)} → {formatDate(e.endDate)}</Fact>
          <Fact label="Work type" testId="fact-work-type">{labelOrNotSet(WORK_TYPE_LABEL, e.workType)}</Fact>
          <Fact label="Mindset" testId="fact-mindset">
            <span title={e.mindset ? MINDSET_EXPLAIN[e.mindset] : undefined}>{labelOrNotSet(MINDSET_LABEL, e.mindset)}</span>
          </Fact>
          <Fact label="Data sensitivity" testId="fact-sensitivity">{labelOrNotSet(SENSITIVITY_LABEL, e.dataSensitivity)}</Fact>
          <Fact label="Participants">{e.participantCount || '—'}</Fact>
          <Fact label="Target metric" testId="fact-target-metric">{e.exploration ? 'None: an open-ended exploration' : e.targetMetric || 'Not set'}</Fact>
          <Fact label="Conclusion">{e.conclusion ? CONCLUSION_LABEL[e.conclusion] : 'Not concluded yet'}</Fact>
        </dl>
        <h3 className="mt-4 text-sm font-medium">Description</h3>
        <Text>{e.description}</Text>
        <h3 className="mt-3 text-sm font-medium">Hypothesis</h3>
        <Text>{e.hypothesis}</Text>
      </Card>
      <Card>
        <CardHeader title="Efficiency" />
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label="Hours saved per month (current)" testId="hours-saved">{formatNumber(hoursSource.kind === 'none' ? null : n(e.currentHoursSavedPerMonth), 2)}</Fact>
          <Fact label="AI spend per month (current)" testId="spend-current">{spendSource.kind === 'none' ? '—' : formatMoneyCents(e.currentSpendMonthlyCents, currency)}</Fact>
          <Fact label="Quality before → with AI (current)">{e.qualityBefore ?? '—'} → {e.currentQualityAfter ?? '—'} (of 5)</Fact>
          <Fact label="One-off AI spend">{formatMoneyCents(e.spendOneOffCents, currency)} {e.spendOneOffCents != null && e.spendOneOffDate ? `(${e.spendOneOffDate})` : ''}</Fact>
        </dl>
        <p className="mt-2 text-xs text-muted-foreground" data-testid="current-source">
          Current figures, as the dashboard counts them: hours {describeSource(hoursSource)}; spend {describeSource(spendSource)}.
        </p>
        <h3 className="mt-4 text-sm font-medium">Estimated at the start</h3>
        <dl className="mt-1 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label="Hours per task before AI">{formatNumber(n(e.hoursBeforePerTask), 2)}</Fact>
          <Fact label="Hours per task with AI">{formatNumber(n(e.hoursWithAiPerTask), 2)}</Fact>
          <Fact label="Tasks per month">{formatNumber(n(e.tasksPerMonth), 2)}</Fact>
          <Fact label="Hours saved per month" testId="hours-saved-own">{formatNumber(n(e.hoursSavedPerMonth), 2)}</Fact>
          <Fact label="AI spend per month">{formatMoneyCents(e.spendMonthlyCents, currency)}</Fact>
          <Fact label="Quality with AI">{e.qualityAfter ?? '—'}</Fact>
        </dl>
      </Card>
      {e.blockedByModel ? (
        <Card className="border-warning">
          <CardHeader title="Blocked: the model was not capable enough" />
          <Text>{e.blockerMissing}</Text>
          <p className="mt-2 text-sm text-muted-foreground">
            Capability bar: {e.blockerMinScore ? `GPQA Diamond ≥ ${Number(e.blockerMinScore)}%` : 'none set'} · Price ceiling:{' '}
            {e.blockerMaxPriceUsd ? `${formatUsd(e.blockerMaxPriceUsd)} per million tokens` : 'none set'}
          </p>
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Learnings" />
        <Text>{e.learnings}</Text>
        {e.privacyMitigation ? <p className="mt-2 text-sm text-muted-foreground">Privacy mitigation: {e.privacyMitigation}</p> : null}
      </Card>
    </>
  );
}
