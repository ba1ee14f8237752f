/**
 * What the trends page needs to draw a benchmark on a chart's y axis: range, ticks and baseline lines. Pure.
 */
import type { AxisBenchmark } from '@/lib/catalog/benchmark-axis';
import { niceTicks } from '@/lib/charts/scale';

export type AxisBaseline = { score: number; label: string; position: 'insideTopRight' | 'insideBottomRight' };

/** Rein et al. 2023 (arXiv:2311.12022), Diamond set: expert validators 81.3%, skilled non-experts 22.1%; chance is 25%. */
const GPQA_LABELS = {
  expert: (v: number) => `PhD experts in their field, ${v}% (Rein et al. 2023)`,
  nonExpert: (v: number) => `Skilled non-experts with web access, ${v}% (Rein et al. 2023)`,
};

/** Human and random baselines from the benchmark's row, labelled; GPQA keeps the paper's wording. */
export function axisBaselines(b: AxisBenchmark): AxisBaseline[] {
  const gpqa = b.key === 'gpqa_diamond';
  const out: AxisBaseline[] = [];
  // Recharts' convention, kept by the SVG chart: 'insideBottom' puts a label above its line, 'insideTop' below.
  if (b.humanExpert != null) out.push({ score: b.humanExpert, label: gpqa ? GPQA_LABELS.expert(b.humanExpert) : `Human experts, ${b.humanExpert}%`, position: 'insideBottomRight' });
  if (b.randomBaseline != null) out.push({ score: b.randomBaseline, label: `Random guessing, ${b.randomBaseline}%`, position: 'insideBottomRight' });
  if (b.humanNonExpert != null) out.push({ score: b.humanNonExpert, label: gpqa ? GPQA_LABELS.nonExpert(b.humanNonExpert) : `Non-experts, ${b.humanNonExpert}%`, position: 'insideTopRight' });
  return out;
}

/**
 * The y range and ticks: 0–100% for percentages (or from 0 to round ticks above the best score when `fit` is set,
 * for a chart without baselines), round ticks around the scores for an index or minutes.
 */
export function axisTicks(unit: string, scores: readonly number[], fit = false): { domain: [number, number]; ticks: number[] } {
  if (unit === 'percent' && fit && scores.length) {
    const ticks = niceTicks(0, Math.min(100, Math.max(...scores)));
    return { domain: [ticks[0], ticks.at(-1)!], ticks };
  }
  if (unit === 'percent' || scores.length === 0) return { domain: [0, 100], ticks: [0, 25, 50, 75, 100] };
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  if (unit === 'index') {
    // The ECI lives around 100–160: start below the lowest score instead of at 0.
    const step = 10;
    const first = Math.floor(lo / step) * step - step;
    const last = Math.ceil(hi / step) * step + step;
    const ticks: number[] = [];
    for (let v = first; v <= last; v += step) ticks.push(v);
    return { domain: [first, last], ticks };
  }
  const ticks = niceTicks(0, hi);
  return { domain: [ticks[0], ticks.at(-1)!], ticks };
}

/** Minute ticks a reader knows (1 min, 4 min, 15 min, 1 h, 4 h, 16 h…: ×4 steps) covering [min, max]. */
export function minuteTicks(min: number, max: number): number[] {
  const ticks = [1];
  while (ticks[0] > min && ticks[0] > 1 / 64) ticks.unshift(ticks[0] / 4);
  while (ticks.at(-1)! < max) ticks.push(ticks.at(-1)! === 4 ? 15 : ticks.at(-1)! * 4);
  return ticks;
}
