import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { ChartCard } from '@/components/dashboard/chart-card';
import { OUTCOME_TYPE_COLOR } from '@/components/dashboard/palette';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { OUTCOME_TYPES } from '@/db/schema/outcomes';
import { chartTotal, pivot } from '@/lib/metrics/dashboard-series';
import { monthBuckets, monthLabel } from '@/lib/metrics/period';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

/** The capability ledger: what AI made possible — outcomes by type over time, their impact, the best stories. */
export async function CapabilityLedger({ filters: f }: { filters: DashboardFilters }) {
  const db = await getDb();
  const [byMonth, impact, stories] = await Promise.all([dashboard.outcomesByTypeMonth(db, f), dashboard.impactDistribution(db, f), dashboard.topCapabilityStories(db, f)]);
  const [t, tl, locale] = await Promise.all([getTranslations('dashboard'), getTranslations('labels'), getLocale()]);
  const outcomesNote = (outcomes: number, experiments: number) => t('outcomesNote', { outcomes, experiments });
  const typeLabel = (type: (typeof OUTCOME_TYPES)[number]) => tl(`outcomeType.${type}`);
  const buckets = monthBuckets(f.period);
  const monthRows = pivot(
    buckets.map((b) => ({ key: b.month, label: monthLabel(b.month, locale) })),
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
  const typeSeries = OUTCOME_TYPES.map((type) => ({ key: type, label: typeLabel(type), color: OUTCOME_TYPE_COLOR[type] }));
  const topType = [...OUTCOME_TYPES].sort((a, b) => sum(monthRows, b) - sum(monthRows, a))[0];

  return (
    <div className="grid gap-4">
      <ChartCard
        title={t('capability.byType.title')}
        description={t('capability.byType.description')}
        definition={t('definitions.outcomes')}
        empty={total === 0}
        testId="chart-outcomes-by-type"
      >
        <BarChartSvg
          label={t('capability.byType.label')}
          summary={
            total
              ? t('capability.byType.summary', { total, type: typeLabel(topType).toLowerCase(), count: sum(monthRows, topType) })
              : t('capability.byType.summaryNone', { total })
          }
          rows={monthRows}
          series={typeSeries}
          format="count"
          valueAxis={t('capability.outcomes')}
          stacked
          height={260}
        />
      </ChartCard>
      <div className="grid gap-4 md:grid-cols-2">
        <ChartCard title={t('capability.impact.title')} description={t('capability.impact.description')} empty={total === 0} testId="chart-impact">
          <BarChartSvg
            label={t('capability.impact.label')}
            summary={t('capability.impact.summary', { levels: impactRows.map((r) => t('capability.impact.level', { impact: r.label, outcomes: r.values.outcomes })).join(', ') })}
            rows={impactRows}
            series={[{ key: 'outcomes', label: t('capability.outcomes'), color: 'var(--chart-capability)' }]}
            format="count"
            valueAxis={t('capability.outcomes')}
            height={200}
          />
        </ChartCard>
        <ChartCard title={t('capability.stories.title')} description={t('capability.stories.description')} empty={stories.length === 0} testId="top-stories">
          <ol className="space-y-3 text-sm">
            {stories.map((s) => (
              <li key={s.outcomeId}>
                <div className="flex items-center gap-2">
                  <Badge tone="primary">{t('capability.stories.impact', { impact: s.impact })}</Badge>
                  <span className="text-xs text-muted-foreground">{typeLabel(s.type)}</span>
                </div>
                <Link href={`/experiments/${s.experimentId}`} className="mt-1 block font-medium hover:underline">
                  {s.title}
                </Link>
                <p className="line-clamp-2 text-xs text-muted-foreground">{s.description}</p>
                <p className="text-xs text-muted-foreground">
                  {[s.team, s.model, s.recordedOn].filter(Boolean).join(' · ')}
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
