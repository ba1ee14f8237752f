import { getTranslations } from 'next-intl/server';
import { linearScale, logScale } from '@/lib/charts/scale';
import type { HorizonPoint } from '@/lib/metrics/time-horizon';
import { getScoreText } from './score-text';

type Props = {
  points: HorizonPoint[];
  yTicks: number[];
  timeTicks: number[];
  domain: [number, number];
  /** The fitted trend from the first to the last model: [time (ms), minutes] twice, drawn as a dashed line. */
  trend: [[number, number], [number, number]] | null;
};

const HEIGHT = 360;
const TOP = 12;
const BOTTOM = 40;
const LEFT = 72;
const TICK = { fill: 'var(--muted-foreground)', fontSize: 12 };

/** METR's 50% time horizons by release date, log y (minutes of a skilled person's work). Server-rendered SVG. */
export async function TrendTimeHorizonChart({ points, yTicks, timeTicks, domain, trend }: Props) {
  const [tr, { minutes: formatMinutes }] = await Promise.all([getTranslations('charts.horizon'), getScoreText()]);
  const x = linearScale(domain, [2, 98]);
  const y = logScale([yTicks[0], yTicks.at(-1)!], [HEIGHT - BOTTOM, TOP]);
  return (
    <div data-testid="chart-time-horizon" data-points={points.length} className="w-full">
      <div className="flex pr-6">
        <svg width={LEFT} height={HEIGHT} className="shrink-0 overflow-visible" aria-hidden>
          {yTicks.map((t) => (
            <text key={t} x={LEFT - 8} y={y(t) + 4} textAnchor="end" {...TICK}>
              {formatMinutes(t)}
            </text>
          ))}
        </svg>
        <svg height={HEIGHT} className="min-w-0 flex-1 overflow-visible" role="group" aria-label={tr('label', { count: points.length })}>
          <g aria-hidden>
            {yTicks.map((t) => (
              <line key={t} x1="0" x2="100%" y1={y(t)} y2={y(t)} stroke="var(--border)" strokeDasharray="3 3" />
            ))}
            {timeTicks.map((t) => (
              <text key={t} x={`${x(t)}%`} y={HEIGHT - BOTTOM + 18} textAnchor="middle" {...TICK}>
                {new Date(t).getUTCFullYear()}
              </text>
            ))}
            <text x="50%" y={HEIGHT - 4} textAnchor="middle" {...TICK}>
              {tr('axis')}
            </text>
            {trend ? (
              <line x1={`${x(trend[0][0])}%`} x2={`${x(trend[1][0])}%`} y1={y(trend[0][1])} y2={y(trend[1][1])} stroke="var(--muted-foreground)" strokeDasharray="6 4" data-testid="horizon-fit" />
            ) : null}
          </g>
          {points.map((p) => (
            <a key={p.slug} href={`/models/${p.slug}`} data-point>
              <title>{tr('point', { name: p.name, date: p.releaseDate, minutes: formatMinutes(p.minutes) })}</title>
              <circle cx={`${x(Date.parse(p.releaseDate))}%`} cy={y(p.minutes)} r={4.5} fill="var(--chart-1)" />
            </a>
          ))}
        </svg>
      </div>
    </div>
  );
}
