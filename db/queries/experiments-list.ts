import { desc, eq, isNull, sql } from 'drizzle-orm';
import { experiments, teams } from '../schema';
import type { Queryable } from '../types';

/** The newest experiments, plainly (the experiment log deepens this with filters and paging). */
export async function listRecentExperiments(db: Queryable, limit = 50) {
  return db
    .select({
      id: experiments.id,
      title: experiments.title,
      team: teams.name,
      status: experiments.status,
      mindset: experiments.mindset,
      workType: experiments.workType,
      startDate: experiments.startDate,
      hoursSavedPerMonth: experiments.hoursSavedPerMonth,
    })
    .from(experiments)
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(isNull(experiments.archivedAt))
    .orderBy(desc(sql`coalesce(${experiments.startDate}, ${experiments.createdAt}::date)`), desc(experiments.id))
    .limit(limit);
}
