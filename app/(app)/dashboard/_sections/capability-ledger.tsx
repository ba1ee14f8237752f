import Link from 'next/link';
import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { ChartCard } from '@/components/dashboard/chart-card';
import { OUTCOME_TYPE_COLOR } from '@/components/dashboard/palette';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { OUTCOME_TYPES } from '@/db/schema/outcomes';
import { chartTotal, outcomesNote, pivot } from '@/lib/metrics/dashboard-series';
import { DEFINITIONS } from '@/lib/metrics/definitions';
import { monthBuckets, monthLabel } from '@/lib/metrics/period';
import { OUTCOME_TYPE_LABEL } from '@/lib/labels';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

/** The capability ledger: what AI made possible — outcomes by type over time, their impact, the best stories. */
export async function CapabilityLedger({ filters: f }: { filters: DashboardFilters }) {
  const db = await getDb();
  const [byMonth, impact, stories] = await Promise.all([dashboard.outcomesByTypeMonth(db, f), dashboard.impactDistribution(db, f), dashboard.topCapabilityStories(db, f)]);
  const buckets = monthBuckets(f.period);
  const monthRows = pivot(
    buckets.map((b) => ({ key: b.month, label: monthLabel(b.month) })),
    OUTCOME_TYPES,
    byMonth,
    (r) => ({ category: r.month, series: r.type, value: r.outcomes, note: outcomesNote(r.outcomes, r.experiments) }),
    (month, type) => {
      const b = buckets.find((x) => x.month === month)!;
      return drillDownHref(f, { outcomeFrom: b.from, outcomeTo: b.to, outcomeType: [type as (typeof OUTCOME_TYPES)[number]] });
    },
  );
  const impactRows = pivot(
    [1, 2, 3, 4, 5].map((n) => ({ key: String(n), label: String(n) })),
    ['outcomes'],
    impact,
    (r) => ({ category: String(r.impact), series: 'outcomes', value: r.outcomes, note: outcomesNote(r.outcomes, r.experiments) }),
    (n) => drillDownHref(f, { outcomeFrom: f.period.from, outcomeTo: f.period.to, impact: [Number(n)] }),
  );
  const total = chartTotal(monthRows);
  const typeSeries = OUTCOME_TYPES.map((t) => ({ key: t, label: OUTCOME_TYPE_LABEL[t], color: OUTCOME_TYPE_COLOR[t] }));
  const topType = [...OUTCOME_TYPES].sort((a, b) => sum(monthRows, b) - sum(monthRows, a))[0];

  return (
    <div className="grid gap-4">
      <ChartCard
        title="Capability outcomes by type"
        description="Recorded per month; click a bar for its experiments"
        definition={DEFINITIONS.outcomes}
        empty={total === 0}
        testId="chart-outcomes-by-type"
      >
        <BarChartSvg
          label="Capability outcomes by type per month"
          summary={`${total} capability outcomes recorded in the period${total ? `; the most common type is ${OUTCOME_TYPE_LABEL[topType].toLowerCase()} (${sum(monthRows, topType)})` : ''}.`}
          rows={monthRows}
          series={typeSeries}
          format="count"
          valueAxis="Outcomes"
          stacked
          height={260}
        />
      </ChartCard>
      <div className="grid gap-4 md:grid-cols-2">
        <ChartCard title="Impact of the outcomes" description="Impact score: 1 = minor … 5 = transformative" empty={total === 0} testId="chart-impact">
          <BarChartSvg
            label="Capability outcomes by impact"
            summary={`Outcomes by impact: ${impactRows.map((r) => `impact ${r.label}: ${r.values.outcomes}`).join(', ')}.`}
            rows={impactRows}
            series={[{ key: 'outcomes', label: 'Outcomes', color: 'var(--chart-capability)' }]}
            format="count"
            valueAxis="Outcomes"
            height={200}
          />
        </ChartCard>
        <ChartCard title="Top capability stories" description="Highest impact in the period" empty={stories.length === 0} testId="top-stories">
          <ol className="space-y-3 text-sm">
            {stories.map((s) => (
              <li key={s.outcomeId}>
                <div className="flex items-center gap-2">
                  <Badge tone="primary">Impact {s.impact}</Badge>
                  <span className="text-xs text-muted-foreground">{OUTCOME_TYPE_LABEL[s.type]}</span>
                </div>
                <Link href={`/experiments/${s.experimentId}`} className="mt-1 block font-medium hover:underline">
                  {s.title}
                </Link>
                <p className="line-clamp-2 text-xs text-muted-foreground">{s.description}</p>
                <p className="text-xs text-muted-foreground">
                  {s.team}
                  {s.model ? ` · ${s.model}` : ''} · {s.recordedOn}
                </p>
              </li>
            ))}
          </ol>
        </ChartCard>
      </div>
    </div>
  );
}

const sum = (rows: { values: Record<string, number> }[], key: string) => rows.reduce((t, r) => t + (r.values[key] ?? 0), 0);
