/** Percentiles over repeated timings (nearest-rank). */
export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return NaN;
  const rank = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[rank];
}

export type Timing = { p50: number; p95: number; runs: number };

export async function time(fn: () => Promise<unknown>, runs = 20, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), runs };
}

export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
