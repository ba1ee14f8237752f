'use client';

import { useTranslations } from 'next-intl';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HhiPoint } from './insights-hhi-chart';

/** The Recharts half of InsightsHhiChart (insights-hhi-chart.tsx), loaded when scrolled to. */
export function InsightsHhiPlot({ data }: { data: HhiPoint[] }) {
  const t = useTranslations('charts');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis dataKey="quarter" tick={{ fontSize: 12, fill: 'var(--muted-foreground)' }} />
        <YAxis domain={[0, 1]} tick={{ fontSize: 12, fill: 'var(--muted-foreground)' }} width={36} />
        <Tooltip
          contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)' }}
          cursor={{ stroke: 'var(--border)' }}
          formatter={(v) => (typeof v === 'number' ? v.toFixed(2) : String(v))}
          labelFormatter={(label, payload) => t('quarterExperiments', { quarter: String(label), count: Number(payload?.[0]?.payload?.experiments ?? 0) })}
        />
        <ReferenceLine y={0.25} stroke="var(--danger)" strokeDasharray="4 4" />
        <ReferenceLine y={0.15} stroke="var(--warning)" strokeDasharray="4 4" />
        <Line type="linear" dataKey="hhi" name={t('hhi.series')} stroke="var(--chart-1)" strokeWidth={2} dot connectNulls isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
