import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/i18n/format';
import { getScoreText } from './score-text';
import { linearScale, logScale } from '@/lib/charts/scale';
import { ChartTips } from './chart-tips';
import { TipBox } from './tip-box';
import { colorFor } from './trend-colors';

export type CapabilityPoint = { slug: string; name: string; vendor: string; date: string; price: number; score: number; experiments?: number };
export type CapabilityYear = { year: number; points: CapabilityPoint[]; frontier: { price: number; score: number }[] };
export type Baseline = { score: number; label: string; position: 'insideTopRight' | 'insideBottomRight' };

type Props = {
  years: CapabilityYear[];
  usage: CapabilityPoint[];
  baselines: Baseline[];
  /** powers of ten covering every price: the x axis */
  ticks: number[];
  /** The benchmark on the y axis: its name, unit, range and ticks. */
  axis: { name: string; unit: string; domain: [number, number]; ticks: number[] };
};

const HEIGHT = 432;
const TOP = 8;
const BOTTOM = 44;
const AXIS_WIDTH = 64;
const TICK = { fill: 'var(--muted-foreground)', fontSize: 12 };
/** Radii from the areas Recharts used (45 px² per model; 120–900 px² for usage, by experiments). */
const DOT_R = Math.sqrt(45 / Math.PI);
const ringR = (experiments: number, most: number) => Math.sqrt((120 + (780 * experiments) / Math.max(1, most)) / Math.PI);

/**
 * A benchmark's score against blended price (log x), points by release year, one frontier per year, baselines.
 * Server-rendered SVG: x positions are percentages of the plot width (no measuring), the frontier lines sit in
 * a stretched viewBox with non-scaling strokes. Each model is a link to its page with a tooltip and a <title>.
 */
export async function TrendCapabilityPriceChart({ years, usage, baselines, ticks, axis }: Props) {
  const [t, tc, f, scoreText] = await Promise.all([getTranslations('charts.capability'), getTranslations('charts'), getFormat(), getScoreText()]);
  const usd = (n: number) => f.formatUsd(n);
  const count = years.reduce((n, y) => n + y.points.length, 0);
  const x = logScale([ticks[0], ticks.at(-1)!], [0, 100]);
  const y = linearScale(axis.domain, [HEIGHT - BOTTOM, TOP]);
  const SCORE_TICKS = axis.ticks;
  const fmt = (v: number) => scoreText.score(axis.unit, v);
  const most = Math.max(0, ...usage.map((u) => u.experiments ?? 0));
  const describe = (p: CapabilityPoint) =>
    `${t('point', { name: p.name, vendor: p.vendor, date: p.date, benchmark: axis.name, score: fmt(p.score), price: usd(p.price) })}${p.experiments ? t('pointUsed', { count: p.experiments }) : ''}`;

  return (
    <div data-testid="chart-capability-price" data-points={count} data-benchmark={axis.name} className="w-full">
      <ul className="flex h-7 flex-wrap items-center justify-center gap-x-3 text-xs" aria-hidden>
        {years.map((yr, i) => (
          <li key={yr.year} className="flex items-center gap-1" style={{ color: colorFor(i) }}>
            <span className="inline-block size-2.5 rounded-full" style={{ background: colorFor(i) }} />
            {yr.year}
          </li>
        ))}
        {usage.length ? (
          <li className="flex items-center gap-1 text-foreground">
            <span className="inline-block size-3 rounded-full border-[1.5px] border-foreground" />
            {t('usageLegend')}
          </li>
        ) : null}
      </ul>
      <ChartTips className="flex pr-6">
        <svg width={AXIS_WIDTH} height={HEIGHT} className="shrink-0 overflow-visible" aria-hidden>
          {SCORE_TICKS.map((t) => (
            <text key={t} x={AXIS_WIDTH - 8} y={y(t) + 4} textAnchor="end" {...TICK}>
              {axis.unit === 'percent' ? `${t}%` : axis.unit === 'minutes' ? fmt(t) : t}
            </text>
          ))}
          <text transform={`translate(14 ${(TOP + HEIGHT - BOTTOM) / 2}) rotate(-90)`} textAnchor="middle" {...TICK}>
            {axis.name.length > 28 ? axis.name.replace(/ \(.*\)$/, '') : axis.name}
          </text>
        </svg>
        <svg
          height={HEIGHT}
          className="chart-surface min-w-0 flex-1 overflow-visible"
          role="group"
          aria-label={baselines.length ? t('labelWithBaselines', { benchmark: axis.name, count }) : t('label', { benchmark: axis.name, count })}
        >
          <g aria-hidden>
            {SCORE_TICKS.map((t) => (
              <line key={t} x1="0" x2="100%" y1={y(t)} y2={y(t)} stroke="var(--border)" strokeDasharray={t === axis.domain[0] ? undefined : '3 3'} />
            ))}
            {ticks.map((t) => (
              <g key={t}>
                <line x1={`${x(t)}%`} x2={`${x(t)}%`} y1={TOP} y2={HEIGHT - BOTTOM} stroke="var(--border)" strokeDasharray="3 3" />
                <text x={`${x(t)}%`} y={HEIGHT - BOTTOM + 18} textAnchor="middle" {...TICK}>
                  {usd(t)}
                </text>
              </g>
            ))}
            <text x="50%" y={HEIGHT - 6} textAnchor="middle" {...TICK}>
              {t('axis')}
            </text>
            {baselines.map((b) => (
              <g key={b.label}>
                <line x1="0" x2="100%" y1={y(b.score)} y2={y(b.score)} stroke="var(--muted-foreground)" strokeDasharray="6 4" />
                <text x="100%" dx={-4} y={y(b.score) + (b.position === 'insideTopRight' ? 13 : -4)} textAnchor="end" fill="var(--muted-foreground)" fontSize={11}>
                  {b.label}
                </text>
              </g>
            ))}
            {/* The frontiers: x in 0–100 stretched to the width, y in px as everywhere else. */}
            <svg width="100%" height={HEIGHT} viewBox={`0 0 100 ${HEIGHT}`} preserveAspectRatio="none" overflow="visible">
              {years.map((yr, i) => (
                <polyline
                  key={yr.year}
                  className="trend-frontier"
                  points={yr.frontier.map((p) => `${x(p.price)},${y(p.score)}`).join(' ')}
                  fill="none"
                  stroke={colorFor(i)}
                  strokeWidth={1.5}
                  vectorEffect="non-scaling-stroke"
                />
              ))}
            </svg>
          </g>
          {years.map((yr, i) => (
            <g key={yr.year} className="trend-model-points">
              {yr.points.map((p) => (
                <a key={p.slug} href={`/models/${p.slug}`} data-tip={p.slug} data-point aria-label={describe(p)}>
                  <title>{describe(p)}</title>
                  <circle cx={`${x(p.price)}%`} cy={y(p.score)} r={DOT_R} fill={colorFor(i)} />
                </a>
              ))}
            </g>
          ))}
          <g className="trend-usage" pointerEvents="none" aria-hidden>
            {usage.map((p) => (
              <circle key={p.slug} cx={`${x(p.price)}%`} cy={y(p.score)} r={ringR(p.experiments ?? 0, most)} fill="none" stroke="var(--foreground)" strokeWidth={1.5} />
            ))}
          </g>
        </svg>
        {years.flatMap((yr) =>
          yr.points.map((p) => (
            <TipBox key={p.slug} id={p.slug}>
              <p className="font-semibold">{p.name}</p>
              <div className="mt-1 space-y-0.5 text-muted-foreground">
                <p>{tc('released', { vendor: p.vendor, date: p.date })}</p>
                <p>{t('launchPrice', { price: usd(p.price) })}</p>
                <p>
                  {axis.name}: {fmt(p.score)}
                </p>
                {p.experiments ? <p>{t('used', { count: p.experiments })}</p> : null}
              </div>
            </TipBox>
          )),
        )}
      </ChartTips>
    </div>
  );
}
