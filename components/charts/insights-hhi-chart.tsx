'use client';

import dynamic from 'next/dynamic';
import { ChartPlaceholder, WhenVisible } from './when-visible';

export type HhiPoint = { quarter: string; hhi: number | null; experiments: number };

// Recharts lives only in *-plot.tsx, fetched when the chart scrolls into view.
const Plot = dynamic(() => import('./insights-hhi-plot').then((m) => m.InsightsHhiPlot), { ssr: false, loading: ChartPlaceholder });

/** Vendor concentration (HHI) of new experiments per quarter, with the 0.15 and 0.25 thresholds drawn. */
export function InsightsHhiChart({ data }: { data: HhiPoint[] }) {
  return (
    <figure className="w-full">
      <div className="h-56" role="img" aria-label="Vendor concentration index per quarter, with thresholds at 0.15 and 0.25">
        <WhenVisible>
          <Plot data={data} />
        </WhenVisible>
      </div>
      <figcaption className="mt-1 text-xs text-muted-foreground">
        Dashed lines: <span className="text-warning">0.15 moderate</span>, <span className="text-danger">0.25 concentrated</span>.
      </figcaption>
    </figure>
  );
}
