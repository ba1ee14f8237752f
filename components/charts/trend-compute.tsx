'use client';

import dynamic from 'next/dynamic';
import { ChartPlaceholder, WhenVisible } from './when-visible';

export type ComputePoint = { t: number; flop: number; name: string; vendor: string; flopLabel: string; phone: string; generation: string };
export type ComputeBand = { from: number; to: number; label: string };

// Recharts lives only in *-plot.tsx, fetched when the chart scrolls into view (components/charts/README.md).
const Plot = dynamic(() => import('./trend-compute-plot').then((m) => m.TrendComputePlot), { ssr: false, loading: ChartPlaceholder });

/** Estimated training compute by release date on a log axis, with the generation bands behind the points. */
export function TrendComputeChart(props: { points: ComputePoint[]; bands: ComputeBand[]; ticks: number[]; domain: [number, number]; timeTicks: number[] }) {
  return (
    <div data-testid="chart-compute" data-points={props.points.length} role="img" aria-label={`Estimated training compute of ${props.points.length} models by release date, with generation bands`} className="h-[380px] w-full">
      <WhenVisible>
        <Plot {...props} />
      </WhenVisible>
    </div>
  );
}
