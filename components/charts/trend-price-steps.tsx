'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { ChartPlaceholder, WhenVisible } from './when-visible';

export type PriceStepPoint = { t: number; input: number; output: number; blended: number };

// Recharts lives only in *-plot.tsx, fetched when the chart scrolls into view.
const Plot = dynamic(() => import('./trend-price-steps-plot').then((m) => m.TrendPriceStepsPlot), { ssr: false, loading: ChartPlaceholder });

/** One model's list price over time as steps: each price holds until the next change. */
export function TrendPriceStepsChart({ steps }: { steps: PriceStepPoint[] }) {
  const t = useTranslations('charts.priceSteps');
  return (
    <div data-testid="chart-price-steps" data-points={steps.length} role="img" aria-label={t('label')} className="h-[300px] w-full">
      <WhenVisible>
        <Plot steps={steps} />
      </WhenVisible>
    </div>
  );
}
