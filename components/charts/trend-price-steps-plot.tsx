'use client';

import { useTranslations } from 'next-intl';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/i18n/use-format';
import { AXIS, dateOf, GRID } from './trend-colors';
import type { PriceStepPoint } from './trend-price-steps';

/** The Recharts half of TrendPriceStepsChart (trend-price-steps.tsx), loaded when scrolled to. */
export function TrendPriceStepsPlot({ steps }: { steps: PriceStepPoint[] }) {
  const t = useTranslations('charts.priceSteps');
  const f = useFormat();
  const usd = (n: number) => f.formatUsd(n);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={steps} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis type="number" dataKey="t" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(t: number) => dateOf(t).slice(0, 7)} {...AXIS} />
        <YAxis tickFormatter={usd} {...AXIS} width={64} domain={[0, 'auto']} />
        <Tooltip
          labelFormatter={(t) => dateOf(Number(t))}
          formatter={(v) => usd(Number(v))}
          contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', color: 'var(--foreground)', fontSize: 12 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line dataKey="output" name={t('output')} type="stepAfter" stroke="var(--chart-3)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="input" name={t('input')} type="stepAfter" stroke="var(--chart-1)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="blended" name={t('blended')} type="stepAfter" stroke="var(--chart-2)" strokeWidth={2} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
