/**
 * Model and vendor concentration: the Herfindahl–Hirschman index (sum of squared shares, 0–1) and
 * portability. Capabilities move every few months, so going all-in on one vendor is a risk.
 */
export const HHI_THRESHOLDS = { moderate: 0.15, concentrated: 0.25 } as const;
export type ConcentrationLevel = 'diversified' | 'moderate' | 'concentrated';

/** HHI of non-negative weights; null when there is nothing to measure. */
export function hhi(weights: number[]): number | null {
  const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (total <= 0) return null;
  return weights.reduce((s, w) => s + (Math.max(0, w) / total) ** 2, 0);
}

export function concentrationLevel(index: number): ConcentrationLevel {
  if (index > HHI_THRESHOLDS.concentrated) return 'concentrated';
  if (index >= HHI_THRESHOLDS.moderate) return 'moderate';
  return 'diversified';
}

export type Share = { key: string; weight: number; share: number };

/** Weights by key, as shares, largest first (ties by name, so output is stable). */
export function sharesOf(weights: Map<string, number> | Record<string, number>): Share[] {
  const entries = weights instanceof Map ? [...weights.entries()] : Object.entries(weights);
  const total = entries.reduce((s, [, w]) => s + Math.max(0, w), 0);
  return entries
    .filter(([, w]) => w > 0)
    .map(([key, weight]) => ({ key, weight, share: total > 0 ? weight / total : 0 }))
    .sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));
}

export type ConcentrationSummary = { hhi: number | null; level: ConcentrationLevel | null; largest: Share | null; count: number };

export function summarizeConcentration(weights: Map<string, number> | Record<string, number>): ConcentrationSummary {
  const shares = sharesOf(weights);
  const index = hhi(shares.map((s) => s.weight));
  return { hhi: index, level: index == null ? null : concentrationLevel(index), largest: shares[0] ?? null, count: shares.length };
}

/** Tried on this many models or more, an experiment's result is portable (insights_rollup.completed_multi_model counts them). */
export const PORTABLE_MODEL_COUNT = 2;

/** Share of completed experiments tried on two or more models, from the two counts; null when none completed. */
export function portabilityShare(completed: number, multiModel: number): number | null {
  return completed ? multiModel / completed : null;
}

/** portabilityShare from the model counts of the completed experiments. */
export function portability(modelCountsOfCompleted: number[]): number | null {
  return portabilityShare(modelCountsOfCompleted.length, modelCountsOfCompleted.filter((n) => n >= PORTABLE_MODEL_COUNT).length);
}
