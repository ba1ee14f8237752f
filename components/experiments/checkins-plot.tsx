'use client';

import { useTranslations } from 'next-intl';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** The Recharts half of CheckinsChart (checkins-chart.tsx), loaded when scrolled to. */
export function CheckinsPlot({ data }: { data: { date: string; hoursSaved: number | null }[] }) {
  const t = useTranslations('experiments.checkins');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" />
        <XAxis dataKey="date" fontSize={12} />
        <YAxis fontSize={12} width={48} />
        <Tooltip formatter={(v) => [t('chartTooltip', { value: String(v) }), t('hoursSaved')]} />
        <Line type="monotone" dataKey="hoursSaved" stroke="var(--color-primary)" strokeWidth={2} dot isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
