import { getTranslations } from 'next-intl/server';
import { linearScale } from '@/lib/charts/scale';
import type { EffortLine } from '@/lib/metrics/effort-scaling';
import { effortLevelIn } from './effort-level';
import { getScoreText } from './score-text';
import { colorFor } from './trend-colors';

type Props = { lines: EffortLine[]; levels: string[]; benchmark: string; unit: string; domain: [number, number]; ticks: number[] };

const HEIGHT = 360;
const TOP = 12;
const BOTTOM = 40;
const LEFT = 56;
const TICK = { fill: 'var(--muted-foreground)', fontSize: 12 };

/**
 * The second scaling law: one line per model through its scores at each reasoning effort (x: effort, lowest
 * first). Server-rendered SVG; x positions are percentages of the plot width. Each point has a <title>.
 */
export async function TrendEffortScalingChart({ lines, levels, benchmark, unit, domain, ticks }: Props) {
  const [t, scoreText] = await Promise.all([getTranslations('charts.effort'), getScoreText()]);
  const x = (effort: string) => (levels.length < 2 ? 50 : 4 + (92 * levels.indexOf(effort)) / (levels.length - 1));
  const y = linearScale(domain, [HEIGHT - BOTTOM, TOP]);
  const fmt = (v: number) => scoreText.score(unit, v);
  const level = effortLevelIn(t);
  return (
    <div data-testid="chart-effort-scaling" data-lines={lines.length} className="w-full">
      <ul className="mb-1 flex flex-wrap justify-center gap-x-3 text-xs" aria-hidden>
        {lines.map((l, i) => (
          <li key={l.slug} className="flex items-center gap-1" style={{ color: colorFor(i) }}>
            <span className="inline-block h-0.5 w-3" style={{ background: colorFor(i) }} />
            {l.name}
          </li>
        ))}
      </ul>
      <div className="flex pr-6">
        <svg width={LEFT} height={HEIGHT} className="shrink-0 overflow-visible" aria-hidden>
          {ticks.map((t) => (
            <text key={t} x={LEFT - 8} y={y(t) + 4} textAnchor="end" {...TICK}>
              {unit === 'percent' ? `${t}%` : t}
            </text>
          ))}
        </svg>
        <svg height={HEIGHT} className="min-w-0 flex-1 overflow-visible" role="group" aria-label={t('label', { benchmark, count: lines.length })}>
          <g aria-hidden>
            {ticks.map((t) => (
              <line key={t} x1="0" x2="100%" y1={y(t)} y2={y(t)} stroke="var(--border)" strokeDasharray={t === domain[0] ? undefined : '3 3'} />
            ))}
            {levels.map((e) => (
              <text key={e} x={`${x(e)}%`} y={HEIGHT - BOTTOM + 18} textAnchor="middle" {...TICK}>
                {level(e)}
              </text>
            ))}
            <text x="50%" y={HEIGHT - 4} textAnchor="middle" {...TICK}>
              {t('axis')}
            </text>
            <svg width="100%" height={HEIGHT} viewBox={`0 0 100 ${HEIGHT}`} preserveAspectRatio="none" overflow="visible">
              {lines.map((l, i) => (
                <polyline
                  key={l.slug}
                  points={l.points.map((p) => `${x(p.effort)},${y(p.score)}`).join(' ')}
                  fill="none"
                  stroke={colorFor(i)}
                  strokeWidth={2}
                  vectorEffect="non-scaling-stroke"
                />
              ))}
            </svg>
          </g>
          {lines.map((l, i) => (
            <g key={l.slug}>
              {l.points.map((p) => (
                <circle key={p.effort} cx={`${x(p.effort)}%`} cy={y(p.score)} r={4} fill={colorFor(i)} data-point>
                  <title>{t('point', { name: l.name, effort: level(p.effort), benchmark, score: fmt(p.score) })}</title>
                </circle>
              ))}
            </g>
          ))}
        </svg>
      </div>
    </div>
  );
}
