/**
 * Why a team's billed spend differs from what its experiments report. Pure.
 *
 * A gap within TOLERANCE of the larger figure (or under one unit of the currency) counts as matching: run-rates
 * are rounded monthly figures, bills are daily.
 */
export type GapReason = 'match' | 'unmapped' | 'no-experiments' | 'no-billed-usage' | 'billed-more' | 'reported-more' | 'nothing';

export const GAP_TOLERANCE = 0.1;
const ONE_UNIT_MICROS = 1_000_000;

export function explainGap(x: { billedMicros: number; reportedMicros: number; unconverted: boolean; mapped: boolean }): GapReason {
  if (!x.mapped) return 'unmapped';
  const { billedMicros: b, reportedMicros: r } = x;
  // Bills with no rate yet are still usage: a team with only those is not "nothing".
  if (r === 0) return b === 0 && !x.unconverted ? 'nothing' : 'no-experiments';
  if (b === 0 && !x.unconverted) return 'no-billed-usage';
  const gap = b - r;
  if (Math.abs(gap) < ONE_UNIT_MICROS || Math.abs(gap) <= GAP_TOLERANCE * Math.max(b, r)) return 'match';
  return gap > 0 ? 'billed-more' : 'reported-more';
}

/** The explanation shown beside the gap. */
export const GAP_EXPLANATION: Record<GapReason, string> = {
  match: 'Billed and reported agree (within 10%).',
  unmapped: 'Usage not mapped to any team: map its project, key or team on /admin/usage.',
  'no-experiments': 'Usage outside any experiment: the team is billed but none of its experiments reports spend.',
  'no-billed-usage': 'Experiments without billed usage: they report spend, but no imported usage is mapped to the team (not imported yet, unmapped, or billed elsewhere).',
  'billed-more': 'Billed more than reported: usage outside the experiments, or experiments that under-report.',
  'reported-more': 'Reported more than billed: experiments over-estimate, or part of their usage is billed elsewhere (another team, unmapped, or not imported).',
  nothing: 'Neither billed nor reported spend in the period.',
};
