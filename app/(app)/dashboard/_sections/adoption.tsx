import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { ChartCard } from '@/components/dashboard/chart-card';
import { MINDSET_COLOR, STATUS_COLOR } from '@/components/dashboard/palette';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import type { Status } from '@/db/schema/experiments';
import { MINDSET_MIX_KEYS, type MindsetKey } from '@/lib/metrics/shift';
import { chartTotal, pivot, plural } from '@/lib/metrics/dashboard-series';
import { DEFINITIONS } from '@/lib/metrics/definitions';
import { share } from '@/lib/metrics/kpi';
import { monthBuckets, monthLabel } from '@/lib/metrics/period';
import { MINDSET_SHORT_OR_NOT_SET, STATUS_LABEL } from '@/lib/labels';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

const ACTIVE_STATUSES = ['running', 'completed', 'abandoned'] as const;

/** Adoption over time: active experiments per month by status, teams taking part, and the mindset mix. */
export async function Adoption({ filters: f }: { filters: DashboardFilters }) {
  const db = await getDb();
  const [status, teams, mindset] = await Promise.all([dashboard.statusByMonth(db, f), dashboard.teamsByMonth(db, f), dashboard.mindsetByMonth(db, f)]);
  const buckets = monthBuckets(f.period);
  const categories = buckets.map((b) => ({ key: b.month, label: monthLabel(b.month) }));
  const bucket = (month: string) => buckets.find((b) => b.month === month)!;

  const statusRows = pivot(categories, ACTIVE_STATUSES, status, (r) => ({ category: r.month, series: r.key, value: r.experiments }), (m, s) =>
    drillDownHref(f, { from: bucket(m).from, to: bucket(m).to, status: [s as Status] }),
  );
  const teamRows = pivot(categories, ['teams'], teams, (r) => ({ category: r.month, series: 'teams', value: r.teams, note: `${plural(r.teams, 'team')} in ${plural(r.experiments, 'experiment')}` }), (m) =>
    drillDownHref(f, { from: bucket(m).from, to: bucket(m).to }),
  );
  const mindsetRows = pivot(categories, MINDSET_MIX_KEYS, mindset, (r) => ({ category: r.month, series: r.key, value: r.experiments }), (m, s) =>
    drillDownHref(f, { from: bucket(m).from, to: bucket(m).to, mindset: [s as MindsetKey] }),
  );
  const empty = chartTotal(statusRows) === 0;
  const newCapShare = (row: (typeof mindsetRows)[number] | undefined) =>
    row ? share(row.values.new_capability, MINDSET_MIX_KEYS.reduce((t, m) => t + row.values[m], 0)) : null;
  const firstShare = newCapShare(mindsetRows.find((r) => MINDSET_MIX_KEYS.some((m) => r.values[m] > 0)));
  const lastShare = newCapShare(mindsetRows.at(-1));
  const pct = (v: number | null) => (v == null ? '—' : `${Math.round(v * 100)}%`);

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <ChartCard title="Experiments by status" description="Active each month, by current status" definition={DEFINITIONS.active} empty={empty} testId="chart-status">
        <BarChartSvg
          label="Active experiments per month by status"
          summary={`Active experiments per month: ${statusRows.map((r) => `${r.label} ${ACTIVE_STATUSES.reduce((t, s) => t + r.values[s], 0)}`).join(', ')}.`}
          rows={statusRows}
          series={ACTIVE_STATUSES.map((s) => ({ key: s, label: STATUS_LABEL[s], color: STATUS_COLOR[s] }))}
          format="count"
          valueAxis="Experiments"
          stacked
        />
      </ChartCard>
      <ChartCard title="Teams participating" description="Teams with an active experiment each month" definition={DEFINITIONS.teams} empty={empty} testId="chart-teams">
        <BarChartSvg
          label="Teams participating per month"
          summary={`Teams with an active experiment: ${teamRows.map((r) => `${r.label} ${r.values.teams}`).join(', ')}.`}
          rows={teamRows}
          series={[{ key: 'teams', label: 'Teams', color: 'var(--chart-2)' }]}
          format="count"
          valueAxis="Teams"
        />
      </ChartCard>
      <ChartCard
        title="Mindset mix, month by month"
        description={`Share of the experiments active each month; new capability ${pct(firstShare)} in the first month → ${pct(lastShare)} in the last (the augmentation share card covers the whole period)`}
        definition={DEFINITIONS.mindsetMix}
        empty={empty}
        testId="chart-mindset"
      >
        <BarChartSvg
          label="Mindset mix per month"
          summary={`Share of active experiments that create a new capability went from ${pct(firstShare)} in the first month to ${pct(lastShare)} in the last.`}
          rows={mindsetRows}
          series={MINDSET_MIX_KEYS.map((m) => ({ key: m, label: MINDSET_SHORT_OR_NOT_SET[m], color: MINDSET_COLOR[m] }))}
          format="count"
          valueAxis="Share of experiments"
          expand
        />
      </ChartCard>
    </div>
  );
}
