import { asc, desc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SessionUser } from '@/lib/auth/permissions';
import type { ExperimentFilters, SortKey } from '@/lib/validation/experiment-filters';
import { capabilityOutcomes, checkins, experiments, teams, user } from '../schema';
import type { Queryable } from '../types';
import { buildExperimentWhere, type FilterContext } from './experiment-filters';

/**
 * What a caller may export. Leads export their own teams' work only (issue 7: "a lead's export
 * contains only their teams"); admins and executives export everything the filters select.
 * Returns the filters narrowed to that scope.
 */
export function scopeFiltersToUser(
  filters: ExperimentFilters,
  caller: Pick<SessionUser, 'role' | 'teamIds'>,
): ExperimentFilters {
  if (caller.role !== 'lead') return filters;
  const allowed = filters.team ? filters.team.filter((t) => caller.teamIds.includes(t)) : caller.teamIds;
  // An empty list must select nothing, never "no team filter".
  return { ...filters, team: allowed.length ? allowed : [-1] };
}

/** Qualified column for correlated subqueries (drizzle renders columns unqualified when a query has no join). */
const E = (col: string) => sql.raw(`"experiments"."${col}"`);

const sortDate = sql`coalesce(${experiments.startDate}, ${experiments.createdAt}::date)`;
const SORTS: Record<SortKey, SQL | AnyColumn> = {
  title: experiments.title,
  team: sql`(select name from teams st where st.id = ${E('team_id')})`,
  status: experiments.status,
  mindset: experiments.mindset,
  workType: experiments.workType,
  startDate: experiments.startDate,
  endDate: experiments.endDate,
  hoursSaved: experiments.hoursSavedPerMonth,
  spend: experiments.spendMonthlyCents,
  outcomes: sql`(select count(*) from capability_outcomes so where so.experiment_id = ${E('id')})`,
  updatedAt: experiments.updatedAt,
};

/** The ids the filters select, in the list's order (newest first unless a sort is chosen); ids are small, rows are fetched in batches. */
export async function orderedExperimentIds(db: Queryable, filters: ExperimentFilters, ctx: FilterContext = {}): Promise<number[]> {
  const dir = filters.dir === 'asc' ? asc : desc;
  const order = filters.sort ? [sql`${dir(SORTS[filters.sort])} nulls last`, dir(experiments.id)] : [desc(sortDate), desc(experiments.id)];
  const rows = await db
    .select({ id: experiments.id })
    .from(experiments)
    .where(buildExperimentWhere(filters, ctx))
    .orderBy(...order);
  return rows.map((r) => r.id);
}

/**
 * A batch of ids written into the statement: integers from our own query, so safe to inline, and far
 * cheaper than 2,000 bound parameters per statement.
 */
const idLiteral = (ids: number[]) => sql.raw(ids.map((id) => String(Math.trunc(Number(id)))).join(',') || 'null');

/** Models and counts of a batch, grouped set-wise (cheaper than a correlated subquery per row). */
async function batchExtras(db: Queryable, ids: number[]) {
  const list = idLiteral(ids);
  const [models, outcomes, checkinCounts] = await Promise.all([
    db.execute(sql`select em.experiment_id as id,
        coalesce(string_agg(m.name, '; ' order by m.name) filter (where em.is_primary), '') as "primary",
        coalesce(string_agg(m.name, '; ' order by m.name) filter (where not em.is_primary), '') as compared
      from experiment_models em join ai_models m on m.id = em.model_id where em.experiment_id in (${list}) group by 1`),
    db.execute(sql`select experiment_id as id, count(*)::int as n from capability_outcomes where experiment_id in (${list}) group by 1`),
    db.execute(sql`select experiment_id as id, count(*)::int as n from checkins where experiment_id in (${list}) group by 1`),
  ]);
  const rows = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
  return {
    models: new Map(rows<{ id: number; primary: string; compared: string }>(models).map((r) => [Number(r.id), r])),
    outcomes: new Map(rows<{ id: number; n: number }>(outcomes).map((r) => [Number(r.id), Number(r.n)])),
    checkins: new Map(rows<{ id: number; n: number }>(checkinCounts).map((r) => [Number(r.id), Number(r.n)])),
  };
}

/** Full experiment rows for a batch of ids, in the order of `ids`. */
export async function experimentRows(db: Queryable, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: experiments.id,
      title: experiments.title,
      team: teams.name,
      teamId: experiments.teamId,
      owner: sql<string>`coalesce(${user.name}, '')`,
      status: experiments.status,
      mindset: experiments.mindset,
      workType: experiments.workType,
      startDate: experiments.startDate,
      endDate: experiments.endDate,
      reasoningUsed: experiments.reasoningUsed,
      dataSensitivity: experiments.dataSensitivity,
      participantCount: experiments.participantCount,
      participants: experiments.participants,
      hoursBeforePerTask: experiments.hoursBeforePerTask,
      hoursWithAiPerTask: experiments.hoursWithAiPerTask,
      tasksPerMonth: experiments.tasksPerMonth,
      hoursSavedPerMonth: experiments.hoursSavedPerMonth,
      spendMonthlyCents: experiments.spendMonthlyCents,
      spendOneOffCents: experiments.spendOneOffCents,
      spendOneOffDate: experiments.spendOneOffDate,
      qualityBefore: experiments.qualityBefore,
      qualityAfter: experiments.qualityAfter,
      blockedByModel: experiments.blockedByModel,
      blockerMissing: experiments.blockerMissing,
      blockerBenchmark: experiments.blockerBenchmark,
      blockerMinScore: experiments.blockerMinScore,
      blockerMaxPriceUsd: experiments.blockerMaxPriceUsd,
      conclusion: experiments.conclusion,
      privacyMitigation: experiments.privacyMitigation,
      retestOfId: experiments.retestOfId,
      description: experiments.description,
      hypothesis: experiments.hypothesis,
      learnings: experiments.learnings,
      archivedAt: experiments.archivedAt,
      createdAt: experiments.createdAt,
      updatedAt: experiments.updatedAt,
    })
    .from(experiments)
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .leftJoin(user, eq(user.id, experiments.ownerId))
    .where(sql`${experiments.id} in (${idLiteral(ids)})`);
  const extras = await batchExtras(db, ids);
  return inOrder(ids, rows).map((r) => ({
    ...r,
    primaryModel: extras.models.get(r.id)?.primary ?? '',
    comparedModels: extras.models.get(r.id)?.compared ?? '',
    outcomeCount: extras.outcomes.get(r.id) ?? 0,
    checkinCount: extras.checkins.get(r.id) ?? 0,
  }));
}
export type ExperimentExportRow = Awaited<ReturnType<typeof experimentRows>>[number];

/** Capability outcomes of a batch of experiments, grouped in the order of `ids`. */
export async function outcomeRows(db: Queryable, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: capabilityOutcomes.id,
      experimentId: capabilityOutcomes.experimentId,
      experiment: experiments.title,
      team: teams.name,
      type: capabilityOutcomes.type,
      impact: capabilityOutcomes.impact,
      recordedOn: capabilityOutcomes.recordedOn,
      description: capabilityOutcomes.description,
      evidence: capabilityOutcomes.evidence,
    })
    .from(capabilityOutcomes)
    .innerJoin(experiments, eq(experiments.id, capabilityOutcomes.experimentId))
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(sql`${capabilityOutcomes.experimentId} in (${idLiteral(ids)})`)
    .orderBy(asc(capabilityOutcomes.recordedOn), asc(capabilityOutcomes.id));
  return groupInOrder(ids, rows);
}
export type OutcomeExportRow = Awaited<ReturnType<typeof outcomeRows>>[number];

/** Check-ins of a batch of experiments, grouped in the order of `ids`. */
export async function checkinRows(db: Queryable, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
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
    })
    .from(checkins)
    .innerJoin(experiments, eq(experiments.id, checkins.experimentId))
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(sql`${checkins.experimentId} in (${idLiteral(ids)})`)
    .orderBy(asc(checkins.date), asc(checkins.id));
  return groupInOrder(ids, rows);
}
export type CheckinExportRow = Awaited<ReturnType<typeof checkinRows>>[number];

function inOrder<R extends { id: number }>(ids: number[], rows: R[]): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is R => r !== undefined);
}

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
export function* idBatches(ids: number[], size = EXPORT_BATCH): Generator<number[]> {
  for (let i = 0; i < ids.length; i += size) yield ids.slice(i, i + size);
}

/** The headline figures of the selected experiments, for the workbook's Summary sheet. */
export async function exportSummary(db: Queryable, filters: ExperimentFilters, ctx: FilterContext = {}) {
  const where = buildExperimentWhere(filters, ctx);
  const [row] = await db
    .select({
      experiments: sql<number>`count(*)::int`,
      running: sql<number>`count(*) filter (where ${experiments.status} = 'running')::int`,
      completed: sql<number>`count(*) filter (where ${experiments.status} = 'completed')::int`,
      teams: sql<number>`count(distinct ${experiments.teamId})::int`,
      hoursSavedPerMonth: sql<string>`coalesce(sum(${experiments.hoursSavedPerMonth}) filter (where ${experiments.status} in ('running', 'completed')), 0)`,
      spendMonthlyCents: sql<string>`coalesce(sum(${experiments.spendMonthlyCents}) filter (where ${experiments.status} = 'running'), 0)`,
      spendOneOffCents: sql<string>`coalesce(sum(${experiments.spendOneOffCents}), 0)`,
      outcomes: sql<number>`coalesce(sum((select count(*) from capability_outcomes co where co.experiment_id = ${E('id')})), 0)::int`,
    })
    .from(experiments)
    .where(where);
  return {
    ...row,
    hoursSavedPerMonth: Number(row.hoursSavedPerMonth),
    spendMonthlyCents: Number(row.spendMonthlyCents),
    spendOneOffCents: Number(row.spendOneOffCents),
  };
}
