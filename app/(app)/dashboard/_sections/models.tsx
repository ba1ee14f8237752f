import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { ChartCard } from '@/components/dashboard/chart-card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { pivot } from '@/lib/metrics/dashboard-series';
import { DEFINITIONS } from '@/lib/metrics/definitions';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

/** Model usage: experiments and monthly spend by model and by vendor. */
export async function ModelUsage({ filters: f }: { filters: DashboardFilters }) {
  const db = await getDb();
  const [models, vendors] = await Promise.all([dashboard.modelUsage(db, f), dashboard.vendorUsage(db, f)]);
  const { from, to } = f.period;
  const series = [
    { key: 'experiments', label: 'Experiments', color: 'var(--chart-1)' },
  ];
  const modelRows = pivot(
    models.map((m) => ({ key: m.slug, label: m.model })),
    ['experiments', 'spend'],
    models.flatMap((m) => [
      { c: m.slug, s: 'experiments', v: m.experiments },
      { c: m.slug, s: 'spend', v: m.spendMonthlyCents },
    ]),
    (r) => ({ category: r.c, series: r.s, value: r.v }),
    (slug) => drillDownHref(f, { from, to, model: [slug] }),
  );
  const vendorRows = pivot(
    vendors.map((v) => ({ key: v.vendor, label: v.vendor })),
    ['experiments', 'spend'],
    vendors.flatMap((v) => [
      { c: v.vendor, s: 'experiments', v: v.experiments },
      { c: v.vendor, s: 'spend', v: v.spendMonthlyCents },
    ]),
    (r) => ({ category: r.c, series: r.s, value: r.v }),
    (vendor) => drillDownHref(f, { from, to, vendor: [vendor] }),
  );
  const spendSeries = [{ key: 'spend', label: 'Spend / month', color: 'var(--chart-3)' }];
  const rowHeight = (n: number) => Math.max(160, 40 + n * 28);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard title="By model: experiments" description={`Experiments active in the period (top ${models.length || 15})`} definition={DEFINITIONS.modelUsage} empty={models.length === 0} testId="chart-models">
        <BarChartSvg
          label="Experiments by model"
          summary={models.slice(0, 5).map((m) => `${m.model}: ${m.experiments}`).join(', ')}
          rows={modelRows}
          series={series}
          format="count"
          valueAxis="Experiments"
          horizontal
          height={rowHeight(models.length)}
        />
      </ChartCard>
      <ChartCard title="By model: AI spend per month" description="Run-rate of the experiments that used the model" definition={DEFINITIONS.modelUsage} empty={models.length === 0} testId="chart-model-spend">
        <BarChartSvg
          label="Monthly AI spend by model"
          summary={models.slice(0, 5).map((m) => `${m.model}: $${Math.round(m.spendMonthlyCents / 100)}`).join(', ')}
          rows={modelRows}
          series={spendSeries}
          format="cents"
          valueAxis="USD / month"
          horizontal
          height={rowHeight(models.length)}
        />
      </ChartCard>
      <ChartCard title="By vendor: experiments" definition={DEFINITIONS.modelUsage} empty={vendors.length === 0} testId="chart-vendors">
        <BarChartSvg
          label="Experiments by vendor"
          summary={vendors.map((v) => `${v.vendor}: ${v.experiments}`).join(', ')}
          rows={vendorRows}
          series={series}
          format="count"
          valueAxis="Experiments"
          horizontal
          height={rowHeight(vendors.length)}
        />
      </ChartCard>
      <ChartCard title="By vendor: AI spend per month" definition={DEFINITIONS.modelUsage} empty={vendors.length === 0} testId="chart-vendor-spend">
        <BarChartSvg
          label="Monthly AI spend by vendor"
          summary={vendors.map((v) => `${v.vendor}: $${Math.round(v.spendMonthlyCents / 100)}`).join(', ')}
          rows={vendorRows}
          series={spendSeries}
          format="cents"
          valueAxis="USD / month"
          horizontal
          height={rowHeight(vendors.length)}
        />
      </ChartCard>
    </div>
  );
}
