import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { ChartCard } from '@/components/dashboard/chart-card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { pivot, type ChartRow } from '@/lib/metrics/dashboard-series';
import { DEFINITIONS } from '@/lib/metrics/definitions';
import { formatMoneyCents } from '@/lib/format';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

/** One bar of a breakdown: a model or a vendor, with its experiments and their monthly spend. */
type Usage = { key: string; label: string; experiments: number; spendMonthlyCents: number };

/** What each breakdown is measured by: how many experiments, and their monthly AI spend. */
const MEASURES = {
  experiments: { series: { key: 'experiments', label: 'Experiments', color: 'var(--chart-1)' }, format: 'count', valueAxis: () => 'Experiments', text: (u: Usage) => String(u.experiments) },
  spend: { series: { key: 'spend', label: 'Spend / month', color: 'var(--chart-3)' }, format: 'cents', valueAxis: (currency: string) => `${currency} / month`, text: (u: Usage, currency: string) => formatMoneyCents(u.spendMonthlyCents, currency) },
} as const;

/** A breakdown's bars, both measures per bar, each linking to its experiments. */
const usageRows = (items: Usage[], href: (key: string) => string): ChartRow[] =>
  pivot(
    items.map((u) => ({ key: u.key, label: u.label })),
    ['experiments', 'spend'],
    items.flatMap((u) => [
      { c: u.key, s: 'experiments', v: u.experiments },
      { c: u.key, s: 'spend', v: u.spendMonthlyCents },
    ]),
    (r) => ({ category: r.c, series: r.s, value: r.v }),
    href,
  );

/** Model usage: experiments and monthly spend by model and by vendor. */
export async function ModelUsage({ filters: f, currency }: { filters: DashboardFilters; currency: string }) {
  const db = await getDb();
  const [modelUsage, vendorUsage] = await Promise.all([dashboard.modelUsage(db, f), dashboard.vendorUsage(db, f)]);
  const { from, to } = f.period;
  const models = modelUsage.map((m) => ({ key: m.slug, label: m.model, experiments: m.experiments, spendMonthlyCents: m.spendMonthlyCents }));
  const vendors = vendorUsage.map((v) => ({ key: v.vendor, label: v.vendor, experiments: v.experiments, spendMonthlyCents: v.spendMonthlyCents }));
  const modelRows = usageRows(models, (slug) => drillDownHref(f, { from, to, model: [slug] }));
  const vendorRows = usageRows(vendors, (vendor) => drillDownHref(f, { from, to, vendor: [vendor] }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <UsageCard measure="experiments" title="By model: experiments" description={`Experiments active in the period (top ${models.length || 15})`} testId="chart-models" label="Experiments by model" items={models} top={5} rows={modelRows} currency={currency} />
      <UsageCard measure="spend" title="By model: AI spend per month" description="Run-rate of the experiments that used the model" testId="chart-model-spend" label="Monthly AI spend by model" items={models} top={5} rows={modelRows} currency={currency} />
      <UsageCard measure="experiments" title="By vendor: experiments" testId="chart-vendors" label="Experiments by vendor" items={vendors} rows={vendorRows} currency={currency} />
      <UsageCard measure="spend" title="By vendor: AI spend per month" testId="chart-vendor-spend" label="Monthly AI spend by vendor" items={vendors} rows={vendorRows} currency={currency} />
    </div>
  );
}

/** One measure of one breakdown as a horizontal bar chart; the text alternative names the `top` bars (all by default). */
function UsageCard({ measure, title, description, testId, label, items, top, rows, currency }: { measure: keyof typeof MEASURES; title: string; description?: string; testId: string; label: string; items: Usage[]; top?: number; rows: ChartRow[]; currency: string }) {
  const m = MEASURES[measure];
  return (
    <ChartCard title={title} description={description} definition={DEFINITIONS.modelUsage} empty={items.length === 0} testId={testId}>
      <BarChartSvg
        label={label}
        summary={items.slice(0, top).map((u) => `${u.label}: ${m.text(u, currency)}`).join(', ')}
        rows={rows}
        series={[m.series]}
        format={m.format}
        currency={currency}
        valueAxis={m.valueAxis(currency)}
        horizontal
        height={Math.max(160, 40 + items.length * 28)}
      />
    </ChartCard>
  );
}
