import { sql } from 'drizzle-orm';
import type { Queryable } from '../../types';

/** Instance-wide counts for the shell pages (the dashboard's real metrics live in db/queries/dashboard). */
export async function getOverviewCounts(db: Queryable) {
  const [row] = await db
    .select({
      experiments: sql<number>`(select count(*)::int from experiments where archived_at is null)`,
      running: sql<number>`(select count(*)::int from experiments where archived_at is null and status = 'running')`,
      teams: sql<number>`(select count(*)::int from teams)`,
      outcomes: sql<number>`(select count(*)::int from capability_outcomes co join experiments e on e.id = co.experiment_id where e.archived_at is null)`,
      models: sql<number>`(select count(*)::int from ai_models)`,
    })
    .from(sql`(select 1) as one`);
  return row;
}
