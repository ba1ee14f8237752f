import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/i18n/use-format';
import { labelEvery, linearScale, niceTicks, wrapLabel } from '@/lib/charts/scale';
import { formatValue, type ChartRow, type SeriesDef, type ValueFormat } from '@/lib/metrics/dashboard-series';
import { ChartTips } from './chart-tips';
import { TipBox } from './tip-box';

type Props = {
  /** accessible name of the chart; the visible title is the card's */
  label: string;
  /** one or two sentences saying what the chart shows (the text alternative) */
  summary: string;
  rows: ChartRow[];
  series: SeriesDef[];
  format: ValueFormat;
  /** the organisation's currency, for a 'cents' format */
  currency?: string;
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

const TOP = 8;
const MAX_BAR = 48;
const TICK = { fill: 'var(--muted-foreground)', fontSize: 12 };

type Segment = { row: number; key: string; value: number; start: number; end: number; slot: number; slots: number };

/**
 * A bar chart drawn on the server as plain SVG: no chart library reaches the browser. Every bar is a link
 * to the /experiments list behind it (focusable, named, with a <title>), hovering or focusing one shows the
 * category's figures (ChartTips), and a data table with the same links is the text alternative.
 * Widths along the category axis are percentages, so the chart fits its card without measuring it.
 */
export function BarChartSvg({ label, summary, rows, series, format, currency = 'USD', valueAxis, stacked, expand, horizontal, height = 240, testId }: Props) {
  const t = useTranslations('charts.bars');
  const f = useFormat();
  const stack = Boolean(stacked || expand);
  const segments = layout(rows, series, stack, Boolean(expand));
  const max = Math.max(0, ...segments.map((s) => s.end));
  const ticks = expand ? [0, 0.25, 0.5, 0.75, 1] : niceTicks(0, max, horizontal ? 4 : 5, format === 'count');
  const top = ticks.at(-1)!;
  const tickText = (v: number) => (expand ? `${Math.round(v * 100)}%` : formatValue(v, format, currency, f));
  const value = (s: Segment) => formatValue(rows[s.row].values[s.key] ?? 0, format, currency, f);
  const seriesOf = new Map(series.map((s) => [s.key, s]));
  const name = (s: Segment) => {
    const note = rows[s.row].notes?.[s.key];
    return `${rows[s.row].label}, ${seriesOf.get(s.key)!.label}: ${value(s)}${note ? ` (${note})` : ''}`;
  };

  const bar = (s: Segment, geometry: React.SVGProps<SVGRectElement>) => (
    <a key={`${s.row}-${s.key}`} href={rows[s.row].hrefs[s.key]} data-tip={String(s.row)} aria-label={t('barLabel', { name: name(s) })}>
      <title>{name(s)}</title>
      <rect {...geometry} fill={seriesOf.get(s.key)!.color} />
    </a>
  );

  let axis: React.ReactNode;
  let plot: React.ReactNode;
  let axisWidth: number;
  if (horizontal) {
    // Categories down the side in px bands (the height is known), values across in % of the plot width.
    axisWidth = 130;
    const bottom = 36;
    const band = (height - TOP - bottom) / Math.max(1, rows.length);
    const thick = Math.min(MAX_BAR, band * 0.8);
    const x = linearScale([0, top], [0, 100]);
    axis = rows.map((r, i) => {
      const lines = wrapLabel(r.label, 18);
      const mid = TOP + band * (i + 0.5);
      return (
        <text key={r.label} x={axisWidth - 8} y={mid - (lines.length - 1) * 7 + 4} textAnchor="end" {...TICK}>
          {lines.map((l, j) => (
            <tspan key={j} x={axisWidth - 8} dy={j ? 14 : 0}>
              {l}
            </tspan>
          ))}
          {lines.join(' ') !== r.label ? <title>{r.label}</title> : null}
        </text>
      );
    });
    plot = (
      <>
        {ticks.map((t) => (
          <g key={t} aria-hidden>
            <line x1={`${x(t)}%`} x2={`${x(t)}%`} y1={TOP} y2={height - bottom} stroke="var(--border)" strokeDasharray="3 3" />
            <text x={`${x(t)}%`} y={height - bottom + 16} textAnchor="middle" {...TICK}>
              {tickText(t)}
            </text>
          </g>
        ))}
        <line x1="0" x2="0" y1={TOP} y2={height - bottom} stroke="var(--border)" aria-hidden />
        {segments.map((s) => {
          const sub = thick / s.slots;
          const y = TOP + band * s.row + (band - thick) / 2 + sub * s.slot;
          return bar(s, { x: `${x(s.start)}%`, width: `${x(s.end) - x(s.start)}%`, y, height: sub });
        })}
        <text x="50%" y={height - 4} textAnchor="middle" {...TICK} aria-hidden>
          {valueAxis}
        </text>
      </>
    );
  } else {
    // Values up the side in px (the height is known), categories across in % bands of the plot width.
    // Wide enough for the longest tick label beside the rotated axis title (≈7 px a character at 12 px).
    axisWidth = Math.max(56, 28 + 7 * Math.max(...ticks.map((t) => tickText(t).length)));
    const bottom = 24;
    const y = linearScale([0, top], [height - bottom, TOP]);
    const band = 100 / Math.max(1, rows.length);
    const every = labelEvery(rows.length, 8);
    // A narrow card (a phone) has room for about four labels: the others hide by container query.
    const everyNarrow = every * labelEvery(Math.ceil(rows.length / every), 4);
    axis = (
      <>
        {ticks.map((t) => (
          <text key={t} x={axisWidth - 8} y={y(t) + 4} textAnchor="end" {...TICK}>
            {tickText(t)}
          </text>
        ))}
        <text transform={`translate(12 ${(TOP + height - bottom) / 2}) rotate(-90)`} textAnchor="middle" {...TICK}>
          {valueAxis}
        </text>
      </>
    );
    plot = (
      <>
        {ticks.map((t) => (
          <line key={t} x1="0" x2="100%" y1={y(t)} y2={y(t)} stroke="var(--border)" strokeDasharray={t === 0 ? undefined : '3 3'} aria-hidden />
        ))}
        {rows.map((r, i) =>
          i % every === 0 ? (
            <text key={r.label} x={`${band * (i + 0.5)}%`} y={height - bottom + 16} textAnchor="middle" {...TICK} className={i % everyNarrow ? '@max-md:hidden' : undefined} aria-hidden>
              {r.label}
            </text>
          ) : null,
        )}
        {segments.map((s) => {
          // One nested viewport per bar slot: the bar is at most MAX_BAR px wide and centred in it (CSS min()),
          // with an 80 % width attribute as the fallback where SVG geometry properties are not CSS.
          const w = band / s.slots;
          return (
            <svg key={`${s.row}-${s.key}`} x={`${band * s.row + w * s.slot}%`} width={`${w}%`} overflow="visible">
              {bar(s, {
                x: '10%',
                width: '80%',
                style: { x: `calc(50% - min(${MAX_BAR / 2}px, 40%))`, width: `min(${MAX_BAR}px, 80%)` },
                y: y(s.end),
                height: Math.max(0, y(s.start) - y(s.end)),
              })}
            </svg>
          );
        })}
      </>
    );
  }

  return (
    <figure className="@container m-0" data-testid={testId}>
      <ChartTips className="flex pr-3">
        <svg width={axisWidth} height={height} className="shrink-0 overflow-visible" aria-hidden>
          {axis}
        </svg>
        <svg height={height} className="chart-surface min-w-0 flex-1 overflow-visible" role="group" aria-label={label}>
          {plot}
        </svg>
        {rows.map((r, i) => (
          <TipBox key={r.label} id={String(i)}>
            <p className="mb-1 font-medium">{r.label}</p>
            <ul className="space-y-0.5">
              {series.map((s) => (
                <li key={s.key} className="flex items-center gap-2">
                  <span aria-hidden className="swatch" style={{ background: s.color }} />
                  <span>{s.label}:</span>
                  <span className="font-medium">{formatValue(r.values[s.key] ?? 0, format, currency, f)}</span>
                  {r.notes?.[s.key] ? <span className="text-muted-foreground">({r.notes[s.key]})</span> : null}
                </li>
              ))}
            </ul>
            <p className="mt-1 text-muted-foreground">{t('clickHint')}</p>
          </TipBox>
        ))}
      </ChartTips>
      {series.length > 1 ? (
        <ul className="mt-1 flex flex-wrap justify-center gap-x-3 gap-y-1 text-xs text-foreground" aria-hidden>
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1">
              <span className="swatch" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <figcaption className="sr-only">{summary}</figcaption>
      <ChartDataTable label={label} rows={rows} series={series} format={format} currency={currency} />
    </figure>
  );
}

/** Where each non-zero value sits: stacked (start/end along one bar, shares when `expand`) or side by side. */
function layout(rows: ChartRow[], series: SeriesDef[], stack: boolean, expand: boolean): Segment[] {
  const out: Segment[] = [];
  rows.forEach((r, row) => {
    const total = series.reduce((t, s) => t + (r.values[s.key] ?? 0), 0);
    let at = 0;
    series.forEach((s, i) => {
      const raw = r.values[s.key] ?? 0;
      const v = expand ? (total ? raw / total : 0) : raw;
      if (stack) {
        if (v > 0) out.push({ row, key: s.key, value: raw, start: at, end: at + v, slot: 0, slots: 1 });
        at += v;
      } else if (v > 0) out.push({ row, key: s.key, value: raw, start: 0, end: v, slot: i, slots: series.length });
    });
  });
  return out;
}

/** The chart as a table: every figure a link to its experiments (also a keyboard path to drill down). */
function ChartDataTable({ label, rows, series, format, currency }: { label: string; rows: ChartRow[]; series: SeriesDef[]; format: ValueFormat; currency: string }) {
  const f = useFormat();
  const t = useTranslations('charts.bars');
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-xs text-muted-foreground hover:text-foreground">{t('showTable')}</summary>
      <div tabIndex={0} className="relative mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-xs">
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              <th scope="col" className="cell-sm text-left font-medium" />
              {series.map((s) => (
                <th key={s.key} scope="col" className="cell-sm text-right font-medium">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row" className="cell-sm text-left font-normal">
                  {r.label}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="cell-sm num">
                    <Link href={r.hrefs[s.key]} className="quiet-link" title={r.notes?.[s.key]}>
                      {formatValue(r.values[s.key] ?? 0, format, currency, f)}
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
