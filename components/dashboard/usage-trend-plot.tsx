'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocale } from 'next-intl';
import { numberFormat } from '@/lib/intl/formatters';
import type { UsageMetric, UsageTrendPoint } from './usage-trend-chart';

const TICK = { fontSize: 12, fill: 'var(--muted-foreground)' };

/** The Recharts half of UsageTrendChart (usage-trend-chart.tsx), loaded when scrolled to. */
export function UsageTrendPlot({ data, metric, name, color, currency }: { data: UsageTrendPoint[]; metric: UsageMetric; name: string; color: string; currency: string }) {
  const intlLocale = useLocale() === 'ko' ? 'ko-KR' : 'en-US';
  const compact = numberFormat(intlLocale, { notation: 'compact', maximumFractionDigits: 1 });
  const format = (v: number) => (metric === 'spend' ? `${compact.format(v)} ${currency}` : compact.format(v));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={TICK} interval="preserveStartEnd" minTickGap={12} />
        <YAxis tick={TICK} width={64} tickFormatter={format} allowDecimals={metric === 'spend'} />
        <Tooltip
          contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)' }}
          cursor={{ fill: 'var(--muted)' }}
          formatter={(v) => [v == null ? '—' : metric === 'spend' ? `${Number(v).toLocaleString(intlLocale, { maximumFractionDigits: 2 })} ${currency}` : Number(v).toLocaleString(intlLocale), name]}
        />
        <Bar dataKey={metric} name={name} fill={color} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
