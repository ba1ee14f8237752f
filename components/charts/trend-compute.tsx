'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { ChartPlaceholder, WhenVisible } from './when-visible';

/** `generation` and `phoneYears` (how long a phone would compute, "634 thousand years") come translated from the page. */
export type ComputePoint = { t: number; flop: number; name: string; vendor: string; flopLabel: string; phoneYears: string; generation: string };
export type ComputeBand = { from: number; to: number; label: string };

// Recharts lives only in *-plot.tsx, fetched when the chart scrolls into view (components/charts/README.md).
const Plot = dynamic(() => import('./trend-compute-plot').then((m) => m.TrendComputePlot), { ssr: false, loading: ChartPlaceholder });

/** Estimated training compute by release date on a log axis, with the generation bands behind the points. */
export function TrendComputeChart(props: { points: ComputePoint[]; bands: ComputeBand[]; ticks: number[]; domain: [number, number]; timeTicks: number[] }) {
  const t = useTranslations('charts.compute');
  return (
    <div data-testid="chart-compute" data-points={props.points.length} role="img" aria-label={t('label', { count: props.points.length })} className="h-[380px] w-full">
      <WhenVisible>
        <Plot {...props} />
      </WhenVisible>
    </div>
  );
}
