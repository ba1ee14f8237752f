'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MixSeries } from './insights-mix-chart';

/** The Recharts half of InsightsMixChart (insights-mix-chart.tsx), loaded when scrolled to. */
export function InsightsMixPlot({ data, series }: { data: { quarter: string }[]; series: MixSeries[] }) {
  const t = useTranslations('charts');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="quarter" tick={{ fontSize: 12, fill: 'var(--muted-foreground)' }} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} allowDataOverflow unit="%" tick={{ fontSize: 12, fill: 'var(--muted-foreground)' }} width={44} />
        <Tooltip
          contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)' }}
          cursor={{ fill: 'var(--muted)' }}
          formatter={(v) => `${v}%`}
          labelFormatter={(label, payload) => t('quarterExperiments', { quarter: String(label), count: Number(payload?.[0]?.payload?.total ?? 0) })}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="mix" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
