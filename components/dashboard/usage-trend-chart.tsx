'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ChartPlaceholder, WhenVisible } from '@/components/charts/when-visible';

/** One bucket (week or month) of the telemetry series; spend in units of the reporting currency. */
export type UsageTrendPoint = { label: string; activeUsers: number | null; requests: number; tokens: number; spend: number };
export type UsageMetric = 'activeUsers' | 'requests' | 'tokens' | 'spend';

/** Each metric's colour; its name is in the catalog (dashboard.usageTrend.metric). */
export const USAGE_METRICS: { key: UsageMetric; color: string }[] = [
  { key: 'activeUsers', color: 'var(--chart-1)' },
  { key: 'requests', color: 'var(--chart-2)' },
  { key: 'tokens', color: 'var(--chart-4)' },
  { key: 'spend', color: 'var(--chart-3)' },
];

// Recharts lives only in *-plot.tsx, fetched when the chart scrolls into view.
const Plot = dynamic(() => import('./usage-trend-plot').then((m) => m.UsageTrendPlot), { ssr: false, loading: ChartPlaceholder });

/** Telemetry over time, one metric at a time (the buttons pick it); the card's data table holds every figure. */
export function UsageTrendChart({ data, currency, label }: { data: UsageTrendPoint[]; currency: string; label: string }) {
  const t = useTranslations('dashboard.usageTrend');
  const [metric, setMetric] = useState<UsageMetric>('activeUsers');
  const def = USAGE_METRICS.find((m) => m.key === metric)!;
  const name = t(`metric.${metric}`);
  return (
    <div>
      <div className="mb-2 flex flex-wrap gap-1" role="group" aria-label={t('group')}>
        {USAGE_METRICS.map((m) => (
          <button
            key={m.key}
            type="button"
            aria-pressed={metric === m.key}
            onClick={() => setMetric(m.key)}
            className={`rounded-md border px-2 py-0.5 text-xs ${metric === m.key ? 'border-foreground bg-muted font-medium' : 'border-border text-muted-foreground hover:text-foreground'}`}
          >
            {t(`metric.${m.key}`)}
          </button>
        ))}
      </div>
      <div className="h-60 w-full" role="img" aria-label={t('chart', { label, metric: name })} data-testid="usage-trend">
        <WhenVisible>
          <Plot data={data} metric={metric} name={name} color={def.color} currency={currency} />
        </WhenVisible>
      </div>
    </div>
  );
}
