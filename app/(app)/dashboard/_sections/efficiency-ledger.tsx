import { getLocale, getTranslations } from 'next-intl/server';
import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { ChartCard } from '@/components/dashboard/chart-card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { getFormat } from '@/i18n/format';
import { chartTotal, pivot } from '@/lib/metrics/dashboard-series';
import { monthBuckets, monthLabel } from '@/lib/metrics/period';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';
import type { EfficiencyMonth } from '@/db/queries/dashboard/efficiency';

/** The efficiency ledger: hours saved and spend run-rates per month, and quality before vs after. */
export async function EfficiencyLedger({ filters: f, currency }: { filters: DashboardFilters; currency: string }) {
  const db = await getDb();
  const [months, quality] = await Promise.all([dashboard.efficiencyByMonth(db, f), dashboard.qualityComparison(db, f)]);
  const [t, locale, fmt] = await Promise.all([getTranslations('dashboard'), getLocale(), getFormat()]);
  const buckets = monthBuckets(f.period);
  const categories = buckets.map((b) => ({ key: b.month, label: monthLabel(b.month, locale) }));
  const activeHref = (month: string) => {
    const b = buckets.find((x) => x.month === month)!;
    return drillDownHref(f, { from: b.from, to: b.to });
  };
  const note = (n: number) => t('efficiency.note', { count: n });
  const last = months.at(-1);

  /** The two monthly run-rates of the experiments active each month, one chart each. */
  const runRates = [
    {
      title: t('efficiency.hours.title'), definition: t('definitions.hoursSaved'), testId: 'chart-hours',
      series: { key: 'hours', label: t('efficiency.hours.series'), color: 'var(--chart-efficiency)' }, format: 'hours', valueAxis: t('efficiency.hours.axis'),
      value: (m?: EfficiencyMonth) => m?.hoursSavedPerMonth ?? 0,
      summary: (v: number) => t('efficiency.hours.summary', { hours: Math.round(v) }),
    },
    {
      title: t('efficiency.spend.title'), definition: t('definitions.spend'), testId: 'chart-spend',
      series: { key: 'spend', label: t('efficiency.spend.series'), color: 'var(--chart-3)' }, format: 'cents', valueAxis: t('efficiency.spend.axis', { currency }),
      value: (m?: EfficiencyMonth) => m?.spendMonthlyCents ?? 0,
      summary: (v: number) => t('efficiency.spend.summary', { amount: fmt.formatMoneyCents(v, currency) }),
    },
  ] as const;

  return (
    <div className="grid gap-4">
      {runRates.map((m) => {
        const rows = pivot(categories, [m.series.key], months, (r) => ({ category: r.month, series: m.series.key, value: m.value(r), note: note(r.experiments) }), activeHref);
        return (
          <ChartCard key={m.series.key} title={m.title} description={t('efficiency.runRate')} definition={m.definition} empty={chartTotal(rows) === 0} testId={m.testId}>
            <BarChartSvg
              label={t('efficiency.byMonth', { title: m.title })}
              summary={m.summary(m.value(last))}
              rows={rows}
              series={[m.series]}
              format={m.format}
              currency={currency}
              valueAxis={m.valueAxis}
              height={180}
            />
          </ChartCard>
        );
      })}
      <ChartCard title={t('efficiency.quality.title')} definition={t('definitions.quality')} empty={quality.experiments === 0} emptyText={t('efficiency.quality.empty')} testId="quality">
        <dl className="grid grid-cols-2 gap-2 text-center">
          <div>
            <dt className="text-xs text-muted-foreground">{t('efficiency.quality.before')}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{quality.before?.toFixed(1) ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t('efficiency.quality.after')}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{quality.after?.toFixed(1) ?? '—'}</dd>
          </div>
        </dl>
        <p className="mt-2 text-center text-xs text-muted-foreground">{t('efficiency.quality.note', { count: quality.experiments })}</p>
      </ChartCard>
    </div>
  );
}
