'use client';

import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatValue, type ChartRow, type SeriesDef, type ValueFormat } from '@/lib/metrics/dashboard-series';

type Props = {
  /** accessible name of the chart; the visible title is the card's */
  label: string;
  /** one or two sentences saying what the chart shows (the text alternative) */
  summary: string;
  rows: ChartRow[];
  series: SeriesDef[];
  format: ValueFormat;
  /** axis title with its unit, e.g. "Experiments" or "Hours saved / month" */
  valueAxis: string;
  stacked?: boolean;
  /** 100 % stacked: shows the mix rather than the volume */
  expand?: boolean;
  /** bars run left to right with categories down the side (long category names) */
  horizontal?: boolean;
  height?: number;
  testId?: string;
};

/**
 * A bar chart whose every bar opens the /experiments list behind it, with a data table (the same
 * links) as its text alternative. Dumb: data is shaped in lib/metrics, colours are CSS variables.
 */
export function DashboardBarChart({ label, summary, rows, series, format, valueAxis, stacked, expand, horizontal, height = 240, testId }: Props) {
  const router = useRouter();
  const data = rows.map((r) => ({ label: r.label, ...r.values }));
  const tick = { fill: 'var(--muted-foreground)', fontSize: 12 };
  const valueTick = (v: number) => (expand ? `${Math.round(v * 100)}%` : formatValue(v, format));
  const valueAxisProps = { tick, tickFormatter: valueTick, stroke: 'var(--border)', allowDecimals: expand, ...(expand ? { domain: [0, 1] as [number, number], ticks: [0, 0.25, 0.5, 0.75, 1] } : {}) };
  const categoryAxisProps = { dataKey: 'label', tick, stroke: 'var(--border)', interval: 0 as const };
  return (
    <figure className="m-0" data-testid={testId}>
      <div style={{ height }} role="img" aria-label={`${label}. ${summary}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout={horizontal ? 'vertical' : 'horizontal'}
            stackOffset={expand ? 'expand' : undefined}
            margin={{ top: 8, right: 12, bottom: 4, left: horizontal ? 8 : 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
            {horizontal ? (
              <>
                <XAxis type="number" {...valueAxisProps} label={{ value: valueAxis, position: 'insideBottom', offset: -2, fill: 'var(--muted-foreground)', fontSize: 12 }} height={36} />
                <YAxis type="category" {...categoryAxisProps} width={130} />
              </>
            ) : (
              <>
                <XAxis {...categoryAxisProps} />
                <YAxis {...valueAxisProps} width={64} label={{ value: valueAxis, angle: -90, position: 'insideLeft', fill: 'var(--muted-foreground)', fontSize: 12, dy: 50 }} />
              </>
            )}
            <Tooltip content={(p) => <ChartTooltip active={p.active} label={p.label} rows={rows} series={series} format={format} />} cursor={{ fill: 'var(--muted)' }} />
            {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12, color: 'var(--foreground)' }} /> : null}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                stackId={stacked || expand ? 'stack' : undefined}
                cursor="pointer"
                isAnimationActive={false}
                maxBarSize={48}
                onClick={(_, index) => {
                  const href = rows[index]?.hrefs[s.key];
                  if (href) router.push(href);
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{summary}</figcaption>
      <ChartDataTable label={label} rows={rows} series={series} format={format} />
    </figure>
  );
}

function ChartTooltip({ active, label, rows, series, format }: { active?: boolean; label?: unknown; rows: ChartRow[]; series: SeriesDef[]; format: ValueFormat }) {
  if (!active) return null;
  const row = rows.find((r) => r.label === label);
  if (!row) return null;
  return (
    <div className="rounded-md border border-border bg-card px-3 py-2 text-xs text-foreground shadow-md">
      <p className="mb-1 font-medium">{row.label}</p>
      <ul className="space-y-0.5">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ background: s.color }} />
            <span>{s.label}:</span>
            <span className="font-medium">{formatValue(row.values[s.key] ?? 0, format)}</span>
            {row.notes?.[s.key] ? <span className="text-muted-foreground">({row.notes[s.key]})</span> : null}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-muted-foreground">Click a bar to list its experiments</p>
    </div>
  );
}

/** The chart as a table: every figure a link to its experiments (also the keyboard path to drill down). */
function ChartDataTable({ label, rows, series, format }: { label: string; rows: ChartRow[]; series: SeriesDef[]; format: ValueFormat }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-xs text-muted-foreground hover:text-foreground">Show data table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-xs">
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-border px-2 py-1 text-left font-medium" />
              {series.map((s) => (
                <th key={s.key} scope="col" className="border-b border-border px-2 py-1 text-right font-medium">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row" className="border-b border-border px-2 py-1 text-left font-normal">
                  {r.label}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="border-b border-border px-2 py-1 text-right tabular-nums">
                    <Link href={r.hrefs[s.key]} className="underline-offset-2 hover:underline" title={r.notes?.[s.key]}>
                      {formatValue(r.values[s.key] ?? 0, format)}
                    </Link>
                    {r.notes?.[s.key] ? <span className="sr-only"> ({r.notes[s.key]})</span> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
