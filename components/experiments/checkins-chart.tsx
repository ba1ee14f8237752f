'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { ChartPlaceholder, WhenVisible } from '@/components/charts/when-visible';

// Recharts lives only in *-plot.tsx, fetched when the chart scrolls into view.
const Plot = dynamic(() => import('./checkins-plot').then((m) => m.CheckinsPlot), { ssr: false, loading: ChartPlaceholder });

/** Hours saved per month at each check-in: how the figure evolved. */
export function CheckinsChart({ points }: { points: { date: string; hoursSaved: number | null }[] }) {
  const t = useTranslations('experiments.checkins');
  const data = points.filter((p) => p.hoursSaved != null);
  if (data.length < 2) return null;
  return (
    <div className="h-48 w-full" role="img" aria-label={t('chartLabel', { count: String(data.length), from: String(data[0].hoursSaved), to: String(data[data.length - 1].hoursSaved) })}>
      <WhenVisible>
        <Plot data={data} />
      </WhenVisible>
    </div>
  );
}
