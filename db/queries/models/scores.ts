import { and, eq } from 'drizzle-orm';
import { aiModels, benchmarkScores, benchmarks } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { lockDataVersion } from '../data-version';
import { refuse, type WriteResult } from '../write-result';
import { scoreEntryProblem } from '@/lib/catalog/score-entry';

export type ScoreEntry = { modelId: number; benchmark: string; effort: string; score: number };

/**
 * An admin's score for a model on any benchmark at one effort ('' when the source names none): checked against
 * the benchmark's unit and whether it is measured per effort, saved over the same model, benchmark and effort,
 * audited with what it replaced. `source` says who entered it, so a catalog sync shows it as a conflict.
 */
export async function saveModelScore(db: Queryable, actor: Actor, entry: ScoreEntry, source: string): Promise<WriteResult<{ replaced: boolean }>> {
  await lockDataVersion(db);
  const [b] = await db.select({ name: benchmarks.name, unit: benchmarks.unit, perEffort: benchmarks.perEffort }).from(benchmarks).where(eq(benchmarks.key, entry.benchmark));
  if (!b) return refuse('invalid', 'Choose a benchmark from the list.', 'benchmark');
  const [m] = await db.select({ name: aiModels.name, reasoning: aiModels.reasoning }).from(aiModels).where(eq(aiModels.id, entry.modelId));
  if (!m) return refuse('not_found', 'That model no longer exists.');
  const problem = scoreEntryProblem(b, m, entry);
  if (problem) return refuse('invalid', problem.message, problem.field);
  const same = and(eq(benchmarkScores.modelId, entry.modelId), eq(benchmarkScores.benchmark, entry.benchmark), eq(benchmarkScores.effort, entry.effort));
  const [before] = await db.select().from(benchmarkScores).where(same).for('update');
  const values = { score: entry.score, source, externalId: null, runId: null, retrievedOn: null };
  const [after] = before
    ? await db.update(benchmarkScores).set(values).where(same).returning()
    : await db.insert(benchmarkScores).values({ modelId: entry.modelId, benchmark: entry.benchmark, effort: entry.effort, ...values }).returning();
  await writeAudit(db, { actor, action: 'model.score', entityType: 'model', entityId: entry.modelId, before: before ?? null, after });
  return { ok: true, replaced: !!before };
}
