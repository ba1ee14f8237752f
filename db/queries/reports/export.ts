import { asc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { ExperimentFilters, SortKey } from '@/lib/validation/experiment-filters';
import { capabilityOutcomes, checkins, experiments, teams } from '../../schema';
import type { Queryable } from '../../types';
import { buildExperimentWhere, type FilterContext } from '../experiments/filters';
import { withExperimentAndTeam } from '../experiments/child-rows';
import { dateInSql } from '@/lib/metrics/today';
import { experimentCol as E } from '../../sql';


const sortDate = sql`coalesce(${experiments.startDate}, ${dateInSql(sql`${experiments.createdAt}`)})`;
const SORTS: Record<SortKey, SQL | AnyColumn> = {
  title: experiments.title,
  team: sql`(select name from teams st where st.id = ${E('team_id')})`,
  status: experiments.status,
  mindset: experiments.mindset,
  workType: experiments.workType,
  startDate: experiments.startDate,
  endDate: experiments.endDate,
  // The current figures, as the list sorts and the dashboard sums them.
  hoursSaved: experiments.currentHoursSavedPerMonth,
  spend: experiments.currentSpendMonthlyCents,
  outcomes: experiments.outcomeCount, // kept by triggers on capability_outcomes (db/derived/outcome-count.sql)
  updatedAt: experiments.updatedAt,
};

/** One key of the list's order. */
export type OrderKey = { expr: SQL | AnyColumn; desc: boolean; nullsLast: boolean };

/** The list's order (newest first unless a sort is chosen), ties broken by id so every export agrees. */
export function exportOrderKeys(filters: Pick<ExperimentFilters, 'sort' | 'dir'>): OrderKey[] {
  const isDesc = filters.dir !== 'asc';
  return filters.sort
    ? [{ expr: SORTS[filters.sort], desc: isDesc, nullsLast: true }, { expr: experiments.id, desc: isDesc, nullsLast: false }]
    : [{ expr: sortDate, desc: true, nullsLast: false }, { expr: experiments.id, desc: true, nullsLast: false }];
}

/** ORDER BY items for the keys; `name(i)` orders by an output column holding key i instead of the expression. */
export function orderBySql(keys: OrderKey[], name?: (i: number) => SQL): SQL[] {
  return keys.map((k, i) => sql`${name ? name(i) : k.expr} ${sql.raw(k.desc ? 'desc' : 'asc')}${sql.raw(k.nullsLast ? ' nulls last' : '')}`);
}

/** The ids the filters select, in the list's order; ids are small, rows are fetched in batches. */
export async function orderedExperimentIds(db: Queryable, filters: ExperimentFilters, ctx: FilterContext = {}): Promise<number[]> {
  const rows = await db
    .select({ id: experiments.id })
    .from(experiments)
    .where(buildExperimentWhere(filters, ctx))
    .orderBy(...orderBySql(exportOrderKeys(filters)));
  return rows.map((r) => r.id);
}

/**
 * A batch of ids written into the statement: integers from our own query, so safe to inline, and far
 * cheaper than 2,000 bound parameters per statement.
 */
const idLiteral = (ids: number[]) => sql.raw(ids.map((id) => String(Math.trunc(Number(id)))).join(',') || 'null');

/** Capability outcomes of a batch of experiments, grouped in the order of `ids`. */
export async function outcomeRows(db: Queryable, ids: number[]) {
  if (ids.length === 0) return [];
  const fields = {
    id: capabilityOutcomes.id,
    experimentId: capabilityOutcomes.experimentId,
    experiment: experiments.title,
    team: teams.name,
    type: capabilityOutcomes.type,
    impact: capabilityOutcomes.impact,
    recordedOn: capabilityOutcomes.recordedOn,
    description: capabilityOutcomes.description,
    evidence: capabilityOutcomes.evidence,
  };
  const rows = await withExperimentAndTeam(db.select(fields).from(capabilityOutcomes).$dynamic(), capabilityOutcomes)
    .where(sql`${capabilityOutcomes.experimentId} in (${idLiteral(ids)})`)
    .orderBy(asc(capabilityOutcomes.recordedOn), asc(capabilityOutcomes.id));
  return groupInOrder(ids, rows);
}
export type OutcomeExportRow = Awaited<ReturnType<typeof outcomeRows>>[number];

/** Check-ins of a batch of experiments, grouped in the order of `ids`. */
export async function checkinRows(db: Queryable, ids: number[]) {
  if (ids.length === 0) return [];
  const fields = {
    id: checkins.id,
    experimentId: checkins.experimentId,
    experiment: experiments.title,
    team: teams.name,
    date: checkins.date,
    hoursBeforePerTask: checkins.hoursBeforePerTask,
    hoursWithAiPerTask: checkins.hoursWithAiPerTask,
    tasksPerMonth: checkins.tasksPerMonth,
    hoursSavedPerMonth: checkins.hoursSavedPerMonth,
    spendMonthlyCents: checkins.spendMonthlyCents,
    qualityAfter: checkins.qualityAfter,
    note: checkins.note,
  };
  const rows = await withExperimentAndTeam(db.select(fields).from(checkins).$dynamic(), checkins)
    .where(sql`${checkins.experimentId} in (${idLiteral(ids)})`)
    .orderBy(asc(checkins.date), asc(checkins.id));
  return groupInOrder(ids, rows);
}
export type CheckinExportRow = Awaited<ReturnType<typeof checkinRows>>[number];

function groupInOrder<R extends { experimentId: number }>(ids: number[], rows: R[]): R[] {
  const byExperiment = new Map<number, R[]>();
  for (const r of rows) {
    const list = byExperiment.get(r.experimentId);
    if (list) list.push(r);
    else byExperiment.set(r.experimentId, [r]);
  }
  return ids.flatMap((id) => byExperiment.get(id) ?? []);
}

export const EXPORT_BATCH = 2000;

/** Batches of ids: the exporters fetch and write one batch at a time, so memory stays flat. */
function* idBatches(ids: number[], size = EXPORT_BATCH): Generator<number[]> {
  for (let i = 0; i < ids.length; i += size) yield ids.slice(i, i + size);
}

/** `load` of each batch of ids in turn (outcome or check-in rows), so one batch at a time sits in memory. */
export async function* rowsInBatches<R>(ids: number[], load: (batch: number[]) => Promise<R[]>): AsyncGenerator<R[]> {
  for (const batch of idBatches(ids)) yield await load(batch);
}

/** How many experiments the (scoped) filters select: the rows of the CSV and of the workbook's Experiments sheet. */
export async function countExperiments(db: Queryable, filters: ExperimentFilters, ctx: FilterContext = {}): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(experiments).where(buildExperimentWhere(filters, ctx));
  return row.n;
}
