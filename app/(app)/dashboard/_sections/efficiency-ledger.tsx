import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { ChartCard } from '@/components/dashboard/chart-card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { chartTotal, pivot, plural } from '@/lib/metrics/dashboard-series';
import { DEFINITIONS } from '@/lib/metrics/definitions';
import { formatMoneyCents } from '@/lib/format';
import { monthBuckets, monthLabel } from '@/lib/metrics/period';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';
import type { EfficiencyMonth } from '@/db/queries/dashboard/efficiency';

/** The efficiency ledger: hours saved and spend run-rates per month, and quality before vs after. */
export async function EfficiencyLedger({ filters: f, currency }: { filters: DashboardFilters; currency: string }) {
  const db = await getDb();
  const [months, quality] = await Promise.all([dashboard.efficiencyByMonth(db, f), dashboard.qualityComparison(db, f)]);
  const buckets = monthBuckets(f.period);
  const categories = buckets.map((b) => ({ key: b.month, label: monthLabel(b.month) }));
  const activeHref = (month: string) => {
    const b = buckets.find((x) => x.month === month)!;
    return drillDownHref(f, { from: b.from, to: b.to });
  };
  const note = (n: number) => `from ${plural(n, 'active experiment')}`;
  const last = months.at(-1);

  return (
    <div className="grid gap-4">
      {RUN_RATES.map((m) => {
        const rows = pivot(categories, [m.series.key], months, (r) => ({ category: r.month, series: m.series.key, value: m.value(r), note: note(r.experiments) }), activeHref);
        return (
          <ChartCard key={m.series.key} title={m.title} description="Run-rate of the experiments active each month" definition={m.definition} empty={chartTotal(rows) === 0} testId={m.testId}>
            <BarChartSvg
              label={`${m.title}, by month`}
              summary={m.summary(m.value(last), currency)}
              rows={rows}
              series={[m.series]}
              format={m.format}
              currency={currency}
              valueAxis={m.valueAxis(currency)}
              height={180}
            />
          </ChartCard>
        );
      })}
      <ChartCard title="Quality before vs with AI" definition={DEFINITIONS.quality} empty={quality.experiments === 0} emptyText="No active experiment scored quality before and after." testId="quality">
        <dl className="grid grid-cols-2 gap-2 text-center">
          <div>
            <dt className="text-xs text-muted-foreground">Before AI</dt>
            <dd className="text-2xl font-semibold tabular-nums">{quality.before?.toFixed(1) ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">With AI</dt>
            <dd className="text-2xl font-semibold tabular-nums">{quality.after?.toFixed(1) ?? '—'}</dd>
          </div>
        </dl>
        <p className="mt-2 text-center text-xs text-muted-foreground">average score out of 5, over {plural(quality.experiments, 'experiment')}</p>
      </ChartCard>
    </div>
  );
}

/** The two monthly run-rates of the experiments active each month, one chart each. */
const RUN_RATES = [
  {
    title: 'Hours saved per month', definition: DEFINITIONS.hoursSaved, testId: 'chart-hours',
    series: { key: 'hours', label: 'Hours saved / month', color: 'var(--chart-efficiency)' }, format: 'hours', valueAxis: () => 'Hours / month',
    value: (m?: EfficiencyMonth) => m?.hoursSavedPerMonth ?? 0,
    summary: (v: number) => `In the last month of the period, active experiments save ${Math.round(v)} hours a month.`,
  },
  {
    title: 'AI spend per month', definition: DEFINITIONS.spend, testId: 'chart-spend',
    series: { key: 'spend', label: 'Spend / month', color: 'var(--chart-3)' }, format: 'cents', valueAxis: (currency: string) => `${currency} / month`,
    value: (m?: EfficiencyMonth) => m?.spendMonthlyCents ?? 0,
    summary: (v: number, currency: string) => `In the last month of the period, active experiments spend ${formatMoneyCents(v, currency)} a month on AI.`,
  },
] as const;
