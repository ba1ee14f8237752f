'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { ChartPlaceholder, WhenVisible } from './when-visible';

export type HhiPoint = { quarter: string; hhi: number | null; experiments: number };

// Recharts lives only in *-plot.tsx, fetched when the chart scrolls into view.
const Plot = dynamic(() => import('./insights-hhi-plot').then((m) => m.InsightsHhiPlot), { ssr: false, loading: ChartPlaceholder });

/** Vendor concentration (HHI) of new experiments per quarter, with the 0.15 and 0.25 thresholds drawn. */
export function InsightsHhiChart({ data }: { data: HhiPoint[] }) {
  const t = useTranslations('charts.hhi');
  return (
    <figure className="w-full">
      <div className="h-56" role="img" aria-label={t('label')}>
        <WhenVisible>
          <Plot data={data} />
        </WhenVisible>
      </div>
      <figcaption className="mt-1 text-xs text-muted-foreground">
        {t.rich('caption', {
          moderate: (chunks) => <span className="text-warning">{chunks}</span>,
          concentrated: (chunks) => <span className="text-danger">{chunks}</span>,
        })}
      </figcaption>
    </figure>
  );
}
