import { asc, eq, inArray } from 'drizzle-orm';
import { benchmarks } from '../../schema';
import type { Queryable } from '../../types';

/** What a blocker's bar can be on: capability benchmarks, not task length (METR minutes is no pass mark). */
export const BLOCKER_MEASURES = ['general', 'science', 'coding', 'maths'] as const;

export type BlockerBenchmark = { key: string; name: string; measures: string; unit: string };

/** The benchmarks a lead may put a blocker's bar on, in the registry's order. */
export function listBlockerBenchmarks(db: Queryable): Promise<BlockerBenchmark[]> {
  return db
    .select({ key: benchmarks.key, name: benchmarks.name, measures: benchmarks.measures, unit: benchmarks.unit })
    .from(benchmarks)
    .where(inArray(benchmarks.measures, [...BLOCKER_MEASURES]))
    .orderBy(asc(benchmarks.position), asc(benchmarks.key));
}

/**
 * The form's benchmark must be a capability benchmark of the catalog, and a bar on a percentage at most 100.
 * Returns the refusal (field and message) or null. Only a blocked experiment's bar is checked.
 */
export async function checkBlockerBar(
  db: Queryable,
  input: { blockedByModel: boolean; blockerBenchmark: string; blockerMinScore: number | null },
): Promise<{ field: string; message: string } | null> {
  if (!input.blockedByModel) return null;
  const [b] = await db.select({ measures: benchmarks.measures, unit: benchmarks.unit, name: benchmarks.name }).from(benchmarks).where(eq(benchmarks.key, input.blockerBenchmark));
  if (!b || !(BLOCKER_MEASURES as readonly string[]).includes(b.measures)) return { field: 'blockerBenchmark', message: 'Choose a benchmark from the list.' };
  if (b.unit === 'percent' && input.blockerMinScore != null && input.blockerMinScore > 100)
    return { field: 'blockerMinScore', message: `Capability bar: ${b.name} is a percentage, at most 100.` };
  return null;
}
