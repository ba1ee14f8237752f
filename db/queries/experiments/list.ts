import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ExperimentFilters, SortKey } from '@/lib/validation/experiment-filters';
import { experiments, teams } from '../../schema';
import type { Queryable } from '../../types';
import { todayIn } from '@/lib/metrics/today';
import { cachedByDataVersion } from '../data-version';
import { buildExperimentWhere, type FilterContext } from './filters';

export const PAGE_SIZE = 25;

// The current figures (latest check-in, else own, else 0: stored by the database), as the dashboard sums them.
const hoursNow = sql`${experiments.currentHoursSavedPerMonth}`;
const spend = sql`${experiments.currentSpendMonthlyCents}`;

/** Each sortable column; every sort ends with the id so pages never overlap or skip rows. */
const SORT_COLUMNS: Record<SortKey, SQL | typeof experiments.title> = {
  title: sql`lower(${experiments.title})`,
  team: sql`lower(${teams.name})`,
  status: sql`${experiments.status}`,
  mindset: sql`${experiments.mindset}`,
  workType: sql`${experiments.workType}`,
  startDate: sql`${experiments.startDate}`,
  endDate: sql`${experiments.endDate}`,
  hoursSaved: hoursNow,
  spend,
  // Kept by triggers on capability_outcomes (db/derived/outcome-count.sql): a column to sort by, not a count per row.
  outcomes: sql`${experiments.outcomeCount}`,
  updatedAt: sql`${experiments.updatedAt}`,
};

/**
 * Without a chosen sort: newest first by creation time, which has an index (updated_at has none, and a
 * full sort of 100,000 rows costs ~230 ms on PGlite against ~5 ms with the index).
 */
function orderFor(filters: ExperimentFilters): SQL[] {
  if (!filters.sort) return [desc(experiments.createdAt), desc(experiments.id)];
  const column = SORT_COLUMNS[filters.sort];
  // "nulls last" only where a column can be empty: on NOT NULL columns it would stop an index from serving the order.
  const nulls = NULLABLE_SORTS.has(filters.sort) ? sql` nulls last` : sql``;
  return filters.dir === 'desc' ? [sql`${column} desc${nulls}`, desc(experiments.id)] : [sql`${column} asc${nulls}`, asc(experiments.id)];
}

const NULLABLE_SORTS = new Set<SortKey>(['startDate', 'endDate']);

/** Where the next page starts in the default order (newest first): the last row's creation time (as text, to keep microseconds) and id. */
export type ListCursor = { createdAt: string; id: number };

/**
 * One page of the filtered experiment list and the total (offset paging: users page a few times, not deep, and each page is one indexed scan).
 * With `after` (the read API): keyset paging in the default order, so rows added meanwhile neither
 * repeat nor skip; the total and sums still cover the whole filtered set.
 */
export async function listExperiments(db: Queryable, filters: ExperimentFilters, ctx: FilterContext = {}, pageSize = PAGE_SIZE, after?: ListCursor | null) {
  const keyset = after !== undefined;
  const where = buildExperimentWhere(filters, ctx);
  const order = keyset ? orderFor({ ...filters, sort: undefined }) : orderFor(filters);
  const page = keyset ? 1 : (filters.page ?? 1);
  const rowsWhere = after ? and(where, sql`(${experiments.createdAt}, ${experiments.id}) < (${after.createdAt}::timestamptz, ${after.id})`) : where;
  const [rows, totals] = await Promise.all([
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
        // null when neither a check-in nor the experiment has the figure (shown as —, counted as 0).
        hoursSavedPerMonth: sql<string | null>`coalesce(${experiments.checkinHoursSavedPerMonth}, ${experiments.hoursSavedPerMonth})`,
        spendMonthlyCents: sql<number | null>`coalesce(${experiments.checkinSpendMonthlyCents}, ${experiments.spendMonthlyCents})`,
        hoursFromCheckin: sql<boolean>`(${experiments.checkinHoursSavedPerMonth} is not null)`,
        spendFromCheckin: sql<boolean>`(${experiments.checkinSpendMonthlyCents} is not null)`,
        blockedByModel: experiments.blockedByModel,
        exploration: experiments.exploration,
        archivedAt: experiments.archivedAt,
        updatedAt: experiments.updatedAt,
        outcomes: experiments.outcomeCount,
        createdAtKey: sql<string>`${experiments.createdAt}::text`,
      })
      .from(experiments)
      .innerJoin(teams, eq(teams.id, experiments.teamId))
      .where(rowsWhere)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    experimentTotals(db, matchingOnly(filters), { ...ctx, today: ctx.today ?? todayIn() }),
  ]);
  const sums = { hoursSavedPerMonth: totals.hoursSavedPerMonth, spendMonthlyCents: totals.spendMonthlyCents };
  return { rows, total: totals.total, sums, page, pageSize, pages: Math.max(1, Math.ceil(totals.total / pageSize)) };
}

/** The filters that choose rows (not the page or the order): the totals' cache key. */
function matchingOnly(filters: ExperimentFilters): Omit<ExperimentFilters, 'page' | 'sort' | 'dir'> {
  const { page: _page, sort: _sort, dir: _dir, ...matching } = filters;
  return matching;
}

/**
 * The filtered set's count and sums (a full pass over the matching rows at 10^5 experiments), remembered per
 * data version like the dashboard's figures: paging, sorting and repeated views re-read nothing. "Today" is
 * part of the key, so a running experiment's period never outlives its day.
 */
const experimentTotals = cachedByDataVersion('experimentTotals', async (db: Queryable, filters: Omit<ExperimentFilters, 'page' | 'sort' | 'dir'>, ctx: FilterContext) => {
  const [totals] = await db
    .select({
      total: sql<number>`count(*)::int`,
      // Summed before rounding, as the dashboard's figures are: a drill-down's total is its bar's value.
      hoursSavedPerMonth: sql<number>`coalesce(sum(${hoursNow}), 0)::float8`,
      spendMonthlyCents: sql<number>`coalesce(sum(${spend}), 0)::float8`,
    })
    .from(experiments)
    .where(buildExperimentWhere(filters, ctx));
  return totals;
});

export type ExperimentListRow = Awaited<ReturnType<typeof listExperiments>>['rows'][number];

