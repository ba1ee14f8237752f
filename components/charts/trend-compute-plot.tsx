'use client';

import { useTranslations } from 'next-intl';
import { CartesianGrid, ReferenceArea, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, colorFor, dateOf, GRID } from './trend-colors';
import { TrendTooltipBox } from './trend-tooltip';
import type { ComputeBand, ComputePoint } from './trend-compute';

function ComputeTooltip({ active, payload }: { active?: boolean; payload?: { payload?: Partial<ComputePoint> }[] }) {
  const t = useTranslations('charts');
  const p = payload?.[0]?.payload;
  if (!active || !p?.name) return null;
  return (
    <TrendTooltipBox title={p.name}>
      <p>{t('released', { vendor: p.vendor ?? '', date: dateOf(p.t!) })}</p>
      <p>{t('compute.flop', { flop: p.flopLabel ?? '', generation: p.generation ?? '' })}</p>
      <p>{t('compute.phone', { years: p.phoneYears ?? '' })}</p>
    </TrendTooltipBox>
  );
}

const sup = (n: number) => `10^${Math.round(Math.log10(n))}`;

/** The Recharts half of TrendComputeChart (trend-compute.tsx), loaded when scrolled to. */
export function TrendComputePlot({ points, bands, ticks, domain, timeTicks }: { points: ComputePoint[]; bands: ComputeBand[]; ticks: number[]; domain: [number, number]; timeTicks: number[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        {bands.map((b, i) => (
          <ReferenceArea
            key={b.label}
            y1={b.from}
            y2={b.to}
            fill={colorFor(i + 1)}
            fillOpacity={0.08}
            stroke="none"
            label={{ value: b.label, position: 'insideTopLeft', fill: 'var(--muted-foreground)', fontSize: 11 }}
            ifOverflow="hidden"
          />
        ))}
        <XAxis type="number" dataKey="t" scale="time" domain={domain} ticks={timeTicks} tickFormatter={(t: number) => dateOf(t).slice(0, 4)} {...AXIS} />
        <YAxis type="number" dataKey="flop" scale="log" domain={[ticks[0], ticks.at(-1)!]} ticks={ticks} tickFormatter={sup} allowDataOverflow {...AXIS} width={56} />
        <Tooltip content={<ComputeTooltip />} />
        <Scatter data={points} fill="var(--chart-1)" className="trend-compute-points" isAnimationActive={false} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
