import { and, eq, ne, sql } from 'drizzle-orm';
import { benchmarks } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { lockDataVersion } from '../data-version';
import { refuse, type WriteResult } from '../write-result';
import type { BenchmarkEdit } from '@/lib/validation/benchmark-edit';

export const BENCHMARK_CONFLICT =
  'Someone changed this benchmark after you opened it (an admin or a catalog sync). Nothing was overwritten: reload the page and apply your change again.';

/**
 * An admin's edit of a benchmark's description, baselines, ceiling, successor and source, and whether charts
 * open on it: checked against the version the form was loaded with, audited with what it replaced. Making it
 * the default axis takes that from the previous default in the same transaction.
 */
export async function updateBenchmark(db: Queryable, actor: Actor, edit: BenchmarkEdit): Promise<WriteResult<{ key: string }>> {
  await lockDataVersion(db);
  const [before] = await db.select().from(benchmarks).where(eq(benchmarks.key, edit.key)).for('update');
  if (!before) return refuse('not_found', 'This benchmark no longer exists.');
  if (before.updatedAt.toISOString() !== edit.updatedAt) return refuse('conflict', BENCHMARK_CONFLICT);
  if (edit.supersededBy === edit.key) return refuse('invalid', 'A benchmark cannot supersede itself.', 'supersededBy');
  if (edit.supersededBy) {
    const [successor] = await db.select({ key: benchmarks.key }).from(benchmarks).where(eq(benchmarks.key, edit.supersededBy));
    if (!successor) return refuse('invalid', 'Choose the successor from the list.', 'supersededBy');
  }
  if (edit.randomBaseline != null && edit.scoreCeiling != null && edit.scoreCeiling <= edit.randomBaseline)
    return refuse('invalid', 'The ceiling must be above the random-guess baseline.', 'scoreCeiling');
  if (before.unit === 'percent') {
    for (const [field, value] of [['randomBaseline', edit.randomBaseline], ['scoreCeiling', edit.scoreCeiling], ['humanExpert', edit.humanExpert], ['humanNonExpert', edit.humanNonExpert]] as const)
      if (value != null && value > 100) return refuse('invalid', `${before.name} is scored in percent: at most 100.`, field);
  }
  if (before.defaultAxis && !edit.defaultAxis) return refuse('invalid', 'Charts need a default benchmark: make another one the default instead.', 'defaultAxis');
  if (edit.defaultAxis && !before.defaultAxis) await db.update(benchmarks).set({ defaultAxis: false }).where(and(eq(benchmarks.defaultAxis, true), ne(benchmarks.key, edit.key)));
  const { key, updatedAt: _version, ...fields } = edit;
  const [after] = await db.update(benchmarks).set({ ...fields, updatedAt: sql`now()` }).where(eq(benchmarks.key, key)).returning();
  await writeAudit(db, { actor, action: 'benchmark.update', entityType: 'benchmark', entityId: key, before, after });
  return { ok: true, key };
}
