'use client';

import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { AXIS, colorFor, GRID, usd } from './trend-colors';
import { TrendTooltipBox } from './trend-tooltip';

export type CapabilityPoint = { slug: string; name: string; vendor: string; date: string; price: number; score: number; experiments?: number };
export type CapabilityYear = { year: number; points: CapabilityPoint[]; frontier: { price: number; score: number }[] };
export type Baseline = { score: number; label: string; position: 'insideTopRight' | 'insideBottomRight' };

type Props = {
  years: CapabilityYear[];
  usage: CapabilityPoint[];
  baselines: Baseline[];
  ticks: number[];
};

function PointTooltip({ active, payload }: { active?: boolean; payload?: { payload?: Partial<CapabilityPoint> }[] }) {
  const p = payload?.[0]?.payload;
  if (!active || !p?.name) return null;
  return (
    <TrendTooltipBox title={p.name}>
      <p>
        {p.vendor}, released {p.date}
      </p>
      <p>Blended price at launch: {usd(p.price!)} per M tokens</p>
      <p>GPQA Diamond: {p.score!.toFixed(1)}%</p>
      {p.experiments ? <p>Used in {p.experiments} of our experiments</p> : null}
    </TrendTooltipBox>
  );
}

/** GPQA Diamond against blended price (log x), points by release year, one frontier per year, expert baselines. */
export function TrendCapabilityPriceChart({ years, usage, baselines, ticks }: Props) {
  const count = years.reduce((n, y) => n + y.points.length, 0);
  return (
    <div data-testid="chart-capability-price" data-points={count} role="img" aria-label={`GPQA Diamond against blended price for ${count} models, with a frontier per release year and the expert baselines`} className="h-[460px] w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart margin={{ top: 16, right: 24, bottom: 28, left: 8 }}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="price"
            scale="log"
            domain={[ticks[0], ticks.at(-1)!]}
            ticks={ticks}
            tickFormatter={usd}
            allowDataOverflow
            {...AXIS}
            label={{ value: 'Blended price per million tokens (log scale)', position: 'insideBottom', offset: -16, fill: 'var(--muted-foreground)', fontSize: 12 }}
          />
          <YAxis type="number" dataKey="score" domain={[0, 100]} unit="%" {...AXIS} label={{ value: 'GPQA Diamond', angle: -90, position: 'insideLeft', fill: 'var(--muted-foreground)', fontSize: 12 }} />
          <ZAxis zAxisId="model" range={[45, 45]} />
          <ZAxis zAxisId="usage" type="number" dataKey="experiments" range={[120, 900]} />
          <Tooltip content={<PointTooltip />} cursor={{ stroke: 'var(--border)' }} />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          {baselines.map((b) => (
            <ReferenceLine key={b.label} y={b.score} stroke="var(--muted-foreground)" strokeDasharray="6 4" label={{ value: b.label, position: b.position, fill: 'var(--muted-foreground)', fontSize: 11 }} />
          ))}
          {years.map((y, i) => (
            <Line
              key={`f-${y.year}`}
              data={y.frontier}
              dataKey="score"
              stroke={colorFor(i)}
              strokeWidth={1.5}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
              legendType="none"
              className="trend-frontier"
              name={`${y.year} frontier`}
            />
          ))}
          {years.map((y, i) => (
            <Scatter key={y.year} name={String(y.year)} data={y.points} fill={colorFor(i)} zAxisId="model" className="trend-model-points" isAnimationActive={false} shape="circle" />
          ))}
          {usage.length ? (
            <Scatter name="Used in our experiments (size = experiments)" data={usage} fill="none" stroke="var(--foreground)" strokeWidth={1.5} zAxisId="usage" className="trend-usage" isAnimationActive={false} />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
