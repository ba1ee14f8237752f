import Link from 'next/link';
import { InsightsMixChart } from '@/components/charts/insights-mix-chart';
import { Card, CardHeader } from '@/components/ui/card';
import type { ShiftReport } from '@/db/queries/insights/shift';
import { formatDate } from '@/lib/format';
import { MINDSET_COLOR } from '@/components/dashboard/palette';
import { MINDSET_SHORT_OR_NOT_SET } from '@/lib/labels';
import { DEFINITION_TITLE, DEFINITIONS } from '@/lib/metrics/definitions';
import { MINDSET_MIX_KEYS, toPercentages } from '@/lib/metrics/shift';
import { Explain, SHOWN } from './explain';

// The dashboard's mindset colours, so a mindset (and "not set": quick-captured, nobody chose yet) reads alike on both pages.
const MINDSET_SERIES = MINDSET_MIX_KEYS.map((key) => ({ key, label: MINDSET_SHORT_OR_NOT_SET[key], color: MINDSET_COLOR[key] }));
const OUTCOME_SERIES = [
  { key: 'efficiencyOnly', label: 'Time/cost results only', color: 'var(--chart-efficiency)' },
  { key: 'capability', label: 'With a capability outcome', color: 'var(--chart-capability)' },
] as const;

export function ShiftPanel({ report }: { report: ShiftReport }) {
  const recent = (rows: { quarter: string }[]) => rows.slice(-8);
  return (
    <Card id="shift" aria-labelledby="shift-title">
      <CardHeader title={<span id="shift-title">From automation to augmentation</span>} />
      <p className="mb-2 text-lg font-medium" data-testid="shift-sentence">
        {report.sentence}
      </p>
      <p className="mb-2 text-xs text-muted-foreground" data-testid="shift-definition">
        {DEFINITION_TITLE.newCapabilityShift}: {DEFINITIONS.newCapabilityShift}
      </p>
      <Explain>
        Automating a task saves time; creating a new capability changes what the organisation can do. The first chart shows what new
        experiments aim at (by the quarter they started); the second, for experiments completed in each quarter, whether they recorded a
        capability outcome or only time and cost results. Last eight quarters.
      </Explain>
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold">Mindset of new experiments</h3>
          <InsightsMixChart
            data={recent(toPercentages(report.mindsets, MINDSET_MIX_KEYS))}
            series={MINDSET_SERIES}
            label="Share of new experiments by mindset per quarter"
          />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold">Outcomes of completed experiments</h3>
          <InsightsMixChart
            data={recent(toPercentages(report.outcomes, ['efficiencyOnly', 'capability']))}
            series={[...OUTCOME_SERIES]}
            label="Share of completed experiments with a capability outcome per quarter"
          />
        </div>
      </div>
      <h3 className="mb-1 mt-6 text-sm font-semibold">
        Add capability evidence (<span data-testid="evidence-count">{report.needEvidence.length}</span>)
      </h3>
      <p className="mb-2 text-sm text-muted-foreground">
        Completed more than 30 days ago with only time or cost results: did they make something new possible? Record it as a capability
        outcome.
      </p>
      {report.needEvidence.length ? (
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {report.needEvidence.slice(0, SHOWN).map((e) => (
            <li key={e.id}>
              <Link href={`/experiments/${e.id}`} className="hover:underline">
                {e.title}
              </Link>{' '}
              <span className="text-muted-foreground">
                ({e.team}, completed {formatDate(e.endDate)})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">Every completed experiment has capability evidence.</p>
      )}
      {report.needEvidence.length > SHOWN ? (
        <p className="mt-2 text-sm text-muted-foreground">
          Showing the {SHOWN} that completed longest ago, of {report.needEvidence.length}.
        </p>
      ) : null}
    </Card>
  );
}
