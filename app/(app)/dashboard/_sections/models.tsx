import { getTranslations } from 'next-intl/server';
import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { ChartCard } from '@/components/dashboard/chart-card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { pivot, type ChartRow } from '@/lib/metrics/dashboard-series';
import { getFormat } from '@/i18n/format';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

/** One bar of a breakdown: a model or a vendor, with its experiments and their monthly spend. */
type Usage = { key: string; label: string; experiments: number; spendMonthlyCents: number };

type Measure = 'experiments' | 'spend';

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
  const t = await getTranslations('dashboard.models');
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <UsageCard measure="experiments" title={t('byModelExperiments.title')} description={t('byModelExperiments.description', { top: models.length || 15 })} testId="chart-models" label={t('byModelExperiments.label')} items={models} top={5} rows={modelRows} currency={currency} />
      <UsageCard measure="spend" title={t('byModelSpend.title')} description={t('byModelSpend.description')} testId="chart-model-spend" label={t('byModelSpend.label')} items={models} top={5} rows={modelRows} currency={currency} />
      <UsageCard measure="experiments" title={t('byVendorExperiments.title')} testId="chart-vendors" label={t('byVendorExperiments.label')} items={vendors} rows={vendorRows} currency={currency} />
      <UsageCard measure="spend" title={t('byVendorSpend.title')} testId="chart-vendor-spend" label={t('byVendorSpend.label')} items={vendors} rows={vendorRows} currency={currency} />
    </div>
  );
}

/** One measure of one breakdown as a horizontal bar chart; the text alternative names the `top` bars (all by default). */
async function UsageCard({ measure, title, description, testId, label, items, top, rows, currency }: { measure: Measure; title: string; description?: string; testId: string; label: string; items: Usage[]; top?: number; rows: ChartRow[]; currency: string }) {
  const [t, fmt] = await Promise.all([getTranslations('dashboard'), getFormat()]);
  // What each breakdown is measured by: how many experiments, and their monthly AI spend.
  const measures = {
    experiments: { series: { key: 'experiments', label: t('models.experiments'), color: 'var(--chart-1)' }, format: 'count', valueAxis: t('models.experiments'), text: (u: Usage) => String(u.experiments) },
    spend: { series: { key: 'spend', label: t('models.spendSeries'), color: 'var(--chart-3)' }, format: 'cents', valueAxis: t('models.spendAxis', { currency }), text: (u: Usage) => fmt.formatMoneyCents(u.spendMonthlyCents, currency) },
  } as const;
  const m = measures[measure];
  return (
    <ChartCard title={title} description={description} definition={t('definitions.modelUsage')} empty={items.length === 0} testId={testId}>
      <BarChartSvg
        label={label}
        summary={items.slice(0, top).map((u) => `${u.label}: ${m.text(u)}`).join(', ')}
        rows={rows}
        series={[m.series]}
        format={m.format}
        currency={currency}
        valueAxis={m.valueAxis}
        horizontal
        height={Math.max(160, 40 + items.length * 28)}
      />
    </ChartCard>
  );
}
