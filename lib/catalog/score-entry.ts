/**
 * What an admin may enter as a model's score (issue 19 §2): a percentage is at most 100; an effort is named only
 * on a benchmark measured per effort and for a model that reasons, as a level or a thinking budget. Pure: the
 * query (db/queries/models/scores.ts) reads the benchmark and the model, then asks this.
 */
export type ScoreBenchmark = { name: string; unit: string; perEffort: boolean };
export type ScoreModel = { name: string; reasoning: boolean };

/** The levels vendors name (lowest first) or a thinking-token budget such as 32K. */
export const EFFORT_PATTERN = /^(none|minimal|low|medium|high|xhigh|max|\d{1,4}K)$/;

export function scoreEntryProblem(
  b: ScoreBenchmark,
  m: ScoreModel,
  entry: { score: number; effort: string },
): { field: 'score' | 'effort'; message: string } | null {
  if (b.unit === 'percent' && entry.score > 100) return { field: 'score', message: `${b.name} is a percentage, at most 100.` };
  if (entry.effort === '') return null;
  if (!b.perEffort) return { field: 'effort', message: `${b.name} has one score per model: leave the effort empty.` };
  if (!m.reasoning) return { field: 'effort', message: `${m.name} does not reason: leave the effort empty.` };
  if (!EFFORT_PATTERN.test(entry.effort)) return { field: 'effort', message: 'Name an effort such as low, medium, high or xhigh, or a thinking budget such as 32K.' };
  return null;
}
