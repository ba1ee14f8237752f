'use client';

import dynamic from 'next/dynamic';
import { ChartPlaceholder, WhenVisible } from './when-visible';

export type MixSeries = { key: string; label: string; color: string };

// Recharts lives only in *-plot.tsx, fetched when the chart scrolls into view.
const Plot = dynamic(() => import('./insights-mix-plot').then((m) => m.InsightsMixPlot), { ssr: false, loading: ChartPlaceholder });

/** Stacked 100% bars per quarter; `data` holds percentages already (lib/metrics/shift.ts toPercentages). */
export function InsightsMixChart({ data, series, label }: { data: { quarter: string }[]; series: MixSeries[]; label: string }) {
  return (
    <div className="h-64 w-full" role="img" aria-label={label}>
      <WhenVisible>
        <Plot data={data} series={series} />
      </WhenVisible>
    </div>
  );
}
