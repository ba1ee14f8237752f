import { sql } from 'drizzle-orm';
import { buildExperimentWhere } from '@/db/queries/experiment-filters';
import { listModels } from '@/db/queries/models';
import { experiments } from '@/db/schema';
import type { Queryable } from '@/db/types';

export type BenchScope = { teamId?: number; from: string; to: string };
export type BenchQuery = { name: string; run: (db: Queryable, scope: BenchScope) => Promise<unknown> };

const count = (db: Queryable, where: ReturnType<typeof buildExperimentWhere>) =>
  db.select({ n: sql<number>`count(*)::int` }).from(experiments).where(where);

/** Every aggregation the dashboard runs, as the app runs it (through db/queries). */
export function benchQueries(): BenchQuery[] {
  return [
    { name: 'active experiments (filter count)', run: (db, s) => count(db, buildExperimentWhere({ from: s.from, to: s.to, team: s.teamId ? [s.teamId] : undefined })) },
    { name: 're-test candidates (filter count)', run: (db, s) => count(db, buildExperimentWhere({ retest: true, team: s.teamId ? [s.teamId] : undefined })) },
    { name: 'privacy flags (filter count)', run: (db, s) => count(db, buildExperimentWhere({ privacy: true, team: s.teamId ? [s.teamId] : undefined })) },
    { name: 'model catalog with usage', run: (db) => listModels(db) },
  ];
}
