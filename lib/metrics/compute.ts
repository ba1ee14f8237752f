/** Training-compute generations and a plain-language scale for FLOP counts. */
export type Generation = { key: 'early' | 'g24' | 'g25' | 'g26'; label: string; from: number; to: number | null };

/**
 * Bands by order of magnitude of training compute, named as the essay names them: Gen2 is the GPT-4 class
 * (≈2×10^25 FLOP, Epoch AI), Gen3 is 10^26 FLOP and above. The essay names no earlier generation.
 */
export const GENERATIONS: readonly Generation[] = [
  { key: 'early', label: 'Before 10^24 FLOP', from: 0, to: 1e24 },
  { key: 'g24', label: '10^24 FLOP class', from: 1e24, to: 1e25 },
  { key: 'g25', label: 'Gen2: GPT-4 class (~10^25 FLOP)', from: 1e25, to: 1e26 },
  { key: 'g26', label: 'Gen3: 10^26 FLOP and above', from: 1e26, to: null },
];

export function generationOf(flop: number | null | undefined): Generation | null {
  if (flop == null || !Number.isFinite(flop) || flop <= 0) return null;
  return GENERATIONS.find((g) => flop >= g.from && (g.to == null || flop < g.to)) ?? null;
}

/**
 * Assumed sustained throughput of a phone: 5×10^12 operations per second. The essay's "10^26 FLOP is what a
 * smartphone computes in 634,000 years" implies exactly this rate (10^26 ÷ (634,000 × 3.156×10^7 s) = 5.0×10^12);
 * the page used to assume 10^13 and so said 317,000 years. 5×10^12 is a sustained rate, about half the peak of
 * the AI accelerator in a recent flagship phone (tens of trillions of low-precision operations per second at peak).
 */
export const PHONE_OPS_PER_SECOND = 5e12;
/** The same rate as the pages write it. */
export const PHONE_OPS_LABEL = '5×10^12';
const SECONDS_PER_YEAR = 365.25 * 24 * 3600;

/** How many years a phone at PHONE_OPS_PER_SECOND would need to do `flop` operations. */
export function phoneYears(flop: number, opsPerSecond = PHONE_OPS_PER_SECOND): number {
  return flop / opsPerSecond / SECONDS_PER_YEAR;
}
