'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, dateOf, GRID, usd } from './trend-colors';
import type { PriceStepPoint } from './trend-price-steps';

/** The Recharts half of TrendPriceStepsChart (trend-price-steps.tsx), loaded when scrolled to. */
export function TrendPriceStepsPlot({ steps }: { steps: PriceStepPoint[] }) {
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
        <Line dataKey="output" name="Output $/M" type="stepAfter" stroke="var(--chart-3)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="input" name="Input $/M" type="stepAfter" stroke="var(--chart-1)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="blended" name="Blended 3:1 $/M" type="stepAfter" stroke="var(--chart-2)" strokeWidth={2} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
