import { asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { ExperimentFilters, SortKey } from '@/lib/validation/experiment-filters';
import { experiments, teams } from '../schema';
import type { Queryable } from '../types';
import { buildExperimentWhere, type FilterContext } from './experiment-filters';

export const PAGE_SIZE = 25;

const outcomeCount = sql<number>`(select count(*)::int from capability_outcomes co where co.experiment_id = "experiments"."id")`;
const spend = sql`coalesce(${experiments.spendMonthlyCents}, 0)`;

/** Each sortable column; every sort ends with the id so pages never overlap or skip rows. */
const SORT_COLUMNS: Record<SortKey, SQL | typeof experiments.title> = {
  title: sql`lower(${experiments.title})`,
  team: sql`lower(${teams.name})`,
  status: sql`${experiments.status}`,
  mindset: sql`${experiments.mindset}`,
  workType: sql`${experiments.workType}`,
  startDate: sql`${experiments.startDate}`,
  endDate: sql`${experiments.endDate}`,
  hoursSaved: sql`${experiments.hoursSavedPerMonth}`,
  spend,
  outcomes: outcomeCount,
  updatedAt: sql`${experiments.updatedAt}`,
};

/**
 * One page of the filtered experiment list and the total. Offset paging over an indexed order: the
 * default sort (updated, newest first) and the date sorts use indexes; see the benchmark issue for timings.
 */
export async function listExperiments(db: Queryable, filters: ExperimentFilters, ctx: FilterContext = {}, pageSize = PAGE_SIZE) {
  const where = buildExperimentWhere(filters, ctx);
  const sortKey: SortKey = filters.sort ?? 'updatedAt';
  const dir = filters.dir ?? (filters.sort ? 'asc' : 'desc');
  const column = SORT_COLUMNS[sortKey];
  const order = dir === 'asc' ? [sql`${column} asc nulls last`, asc(experiments.id)] : [sql`${column} desc nulls last`, desc(experiments.id)];
  const page = filters.page ?? 1;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: experiments.id,
        title: experiments.title,
        teamId: experiments.teamId,
        team: teams.name,
        status: experiments.status,
        mindset: experiments.mindset,
        workType: experiments.workType,
        startDate: experiments.startDate,
        endDate: experiments.endDate,
        hoursSavedPerMonth: experiments.hoursSavedPerMonth,
        spendMonthlyCents: experiments.spendMonthlyCents,
        blockedByModel: experiments.blockedByModel,
        archivedAt: experiments.archivedAt,
        updatedAt: experiments.updatedAt,
        outcomes: outcomeCount,
      })
      .from(experiments)
      .innerJoin(teams, eq(teams.id, experiments.teamId))
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(experiments).where(where),
  ]);
  return { rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export type ExperimentListRow = Awaited<ReturnType<typeof listExperiments>>['rows'][number];

/** The newest experiments, plainly (kept for callers that want a short list without filters). */
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
