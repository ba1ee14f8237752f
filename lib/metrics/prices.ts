/**
 * List-price arithmetic. A model's price is a list of dated changes; the price "in force" on a day is
 * the latest change on or before that day. Every chart asks for the price at its own date, never "today's".
 */
export type PriceChange = { effectiveDate: string; input: number; output: number; source?: string };

/** Input:output token mix used for one blended figure: 3 input tokens per output token (Epoch AI, Artificial Analysis). */
export const BLEND_INPUT_PARTS = 3;
export const BLEND_ASSUMPTION = 'Blended price assumes 3 input tokens for every output token: (3 × input + output) ÷ 4.';

export function blendedPrice(input: number, output: number, inputParts = BLEND_INPUT_PARTS): number {
  return (inputParts * input + output) / (inputParts + 1);
}

/** SQL: blendedPrice of a row of model_prices named `alias` (numeric, so a price at a ceiling compares exactly). */
export const blendedPriceSql = (alias: string) =>
  `(${BLEND_INPUT_PARTS} * ${alias}.input_usd_per_mtok + ${alias}.output_usd_per_mtok) / ${BLEND_INPUT_PARTS + 1}`;

/** The change in force on `date` (ISO yyyy-mm-dd), or null before the first one. Input may be unsorted. */
export function priceAt(changes: readonly PriceChange[], date: string): PriceChange | null {
  let best: PriceChange | null = null;
  for (const c of changes) {
    if (c.effectiveDate <= date && (best == null || c.effectiveDate > best.effectiveDate)) best = c;
  }
  return best;
}

/** Blended price in force on `date`, or null. */
export function blendedAt(changes: readonly PriceChange[], date: string): number | null {
  const p = priceAt(changes, date);
  return p ? blendedPrice(p.input, p.output) : null;
}

export type PriceStep = { date: string; input: number; output: number; blended: number; source?: string };

/** The changes in date order as steps for a step chart, with a final point at `until` so the last step shows. */
export function priceSteps(changes: readonly PriceChange[], until: string): PriceStep[] {
  const sorted = [...changes].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const steps = sorted.map((c) => ({ date: c.effectiveDate, input: c.input, output: c.output, blended: blendedPrice(c.input, c.output), source: c.source }));
  const last = steps.at(-1);
  if (last && until > last.date) steps.push({ ...last, date: until });
  return steps;
}
