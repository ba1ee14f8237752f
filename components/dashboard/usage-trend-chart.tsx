'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { ChartPlaceholder, WhenVisible } from '@/components/charts/when-visible';

/** One bucket (week or month) of the telemetry series; spend in units of the reporting currency. */
export type UsageTrendPoint = { label: string; activeUsers: number | null; requests: number; tokens: number; spend: number };
export type UsageMetric = 'activeUsers' | 'requests' | 'tokens' | 'spend';

export const USAGE_METRICS: { key: UsageMetric; label: string; color: string }[] = [
  { key: 'activeUsers', label: 'Active users (daily max.)', color: 'var(--chart-1)' },
  { key: 'requests', label: 'Requests', color: 'var(--chart-2)' },
  { key: 'tokens', label: 'Tokens', color: 'var(--chart-4)' },
  { key: 'spend', label: 'Billed spend', color: 'var(--chart-3)' },
];

// Recharts lives only in *-plot.tsx, fetched when the chart scrolls into view.
const Plot = dynamic(() => import('./usage-trend-plot').then((m) => m.UsageTrendPlot), { ssr: false, loading: ChartPlaceholder });

/** Telemetry over time, one metric at a time (the buttons pick it); the card's data table holds every figure. */
export function UsageTrendChart({ data, currency, label }: { data: UsageTrendPoint[]; currency: string; label: string }) {
  const [metric, setMetric] = useState<UsageMetric>('activeUsers');
  const def = USAGE_METRICS.find((m) => m.key === metric)!;
  return (
    <div>
      <div className="mb-2 flex flex-wrap gap-1" role="group" aria-label="Metric shown">
        {USAGE_METRICS.map((m) => (
          <button
            key={m.key}
            type="button"
            aria-pressed={metric === m.key}
            onClick={() => setMetric(m.key)}
            className={`rounded-md border px-2 py-0.5 text-xs ${metric === m.key ? 'border-foreground bg-muted font-medium' : 'border-border text-muted-foreground hover:text-foreground'}`}
          >
            {m.label}
          </button>
        ))}
      </div>
      <div className="h-60 w-full" role="img" aria-label={`${label}: ${def.label}`} data-testid="usage-trend">
        <WhenVisible>
          <Plot data={data} metric={metric} name={def.label} color={def.color} currency={currency} />
        </WhenVisible>
      </div>
    </div>
  );
}
