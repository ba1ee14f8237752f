'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { ChartPlaceholder, WhenVisible } from './when-visible';

export type LevelStep = { t: number; price: number; name: string; record: boolean };

// Recharts lives only in *-plot.tsx, fetched when the chart scrolls into view.
const Plot = dynamic(() => import('./trend-level-price-plot').then((m) => m.TrendLevelPricePlot), { ssr: false, loading: ChartPlaceholder });

/** The cheapest price of a capability level over time: a step line on a log axis, dots where a new low was set. */
export function TrendLevelPriceChart(props: { steps: LevelStep[]; ticks: number[]; end: number; timeTicks: number[] }) {
  const t = useTranslations('charts.levelPrice');
  const records = props.steps.filter((s) => s.record).length;
  return (
    <div data-testid="chart-level-price" data-points={records} role="img" aria-label={t('label', { count: records })} className="h-[360px] w-full">
      <WhenVisible>
        <Plot {...props} />
      </WhenVisible>
    </div>
  );
}
