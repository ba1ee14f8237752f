'use client';

import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, dateOf, GRID, usd } from './trend-colors';
import { TrendTooltipBox } from './trend-tooltip';
import type { LevelStep } from './trend-level-price';

function StepTooltip({ active, payload }: { active?: boolean; payload?: { payload?: Partial<LevelStep> }[] }) {
  const p = payload?.[0]?.payload;
  if (!active || !p?.name) return null;
  return (
    <TrendTooltipBox title={p.name}>
      <p>From {dateOf(p.t!)}</p>
      <p>Cheapest at this level: {usd(p.price!)} per M tokens (blended, price in force that day)</p>
    </TrendTooltipBox>
  );
}

/** The Recharts half of TrendLevelPriceChart (trend-level-price.tsx), loaded when scrolled to. */
export function TrendLevelPricePlot({ steps, ticks, end, timeTicks }: { steps: LevelStep[]; ticks: number[]; end: number; timeTicks: number[] }) {
  const line = steps.length ? [...steps, { ...steps.at(-1)!, t: end, record: false }] : [];
  const records = steps.filter((s) => s.record);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis type="number" dataKey="t" scale="time" domain={[steps[0]?.t ?? 0, end]} ticks={timeTicks} tickFormatter={(t: number) => dateOf(t).slice(0, 4)} {...AXIS} />
        <YAxis type="number" dataKey="price" scale="log" domain={[ticks[0], ticks.at(-1)!]} ticks={ticks} tickFormatter={usd} allowDataOverflow {...AXIS} width={64} />
        <Tooltip content={<StepTooltip />} />
        <Line data={line} dataKey="price" type="stepAfter" stroke="var(--chart-1)" strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} />
        <Scatter data={records} fill="var(--chart-1)" className="trend-level-records" isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
