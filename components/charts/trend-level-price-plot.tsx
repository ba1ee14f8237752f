'use client';

import { useTranslations } from 'next-intl';
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/i18n/use-format';
import { AXIS, dateOf, GRID } from './trend-colors';
import { TrendTooltipBox } from './trend-tooltip';
import type { LevelStep } from './trend-level-price';

function StepTooltip({ active, payload }: { active?: boolean; payload?: { payload?: Partial<LevelStep> }[] }) {
  const t = useTranslations('charts.levelPrice');
  const f = useFormat();
  const p = payload?.[0]?.payload;
  if (!active || !p?.name) return null;
  return (
    <TrendTooltipBox title={p.name}>
      <p>{t('from', { date: dateOf(p.t!) })}</p>
      <p>{t('cheapest', { price: f.formatUsd(p.price!) })}</p>
    </TrendTooltipBox>
  );
}

/** The Recharts half of TrendLevelPriceChart (trend-level-price.tsx), loaded when scrolled to. */
export function TrendLevelPricePlot({ steps, ticks, end, timeTicks }: { steps: LevelStep[]; ticks: number[]; end: number; timeTicks: number[] }) {
  const f = useFormat();
  const usd = (n: number) => f.formatUsd(n);
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
