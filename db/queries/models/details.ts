import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { aiModels, experimentModels, experiments, modelBenchmarks, modelPrices, modelUsage, teams } from '../../schema';
import type { Queryable } from '../../types';
import { withExperimentAndTeam } from '../experiments/child-rows';
import type { Period } from '@/lib/metrics/period';

export async function getModelBySlug(db: Queryable, slug: string) {
  const [row] = await db.select().from(aiModels).where(eq(aiModels.slug, slug));
  return row ?? null;
}

/** Every dated price of every model: the charts pick the one in force at their own date. */
export async function listAllPriceChanges(db: Queryable) {
  return db
    .select({ modelId: modelPrices.modelId, effectiveDate: modelPrices.effectiveDate, input: modelPrices.inputUsdPerMtok, output: modelPrices.outputUsdPerMtok, source: modelPrices.source })
    .from(modelPrices)
    .orderBy(asc(modelPrices.modelId), asc(modelPrices.effectiveDate));
}

export async function listModelPrices(db: Queryable, modelId: number) {
  return db.select().from(modelPrices).where(eq(modelPrices.modelId, modelId)).orderBy(asc(modelPrices.effectiveDate));
}

export async function listModelBenchmarks(db: Queryable, modelId: number) {
  return db.select().from(modelBenchmarks).where(eq(modelBenchmarks.modelId, modelId)).orderBy(asc(modelBenchmarks.benchmark));
}

/** The (not archived) experiments that used a model, newest first. */
export async function listModelExperiments(db: Queryable, modelId: number) {
  const fields = {
    id: experiments.id,
    title: experiments.title,
    status: experiments.status,
    startDate: experiments.startDate,
    teamName: teams.name,
    isPrimary: experimentModels.isPrimary,
  };
  return withExperimentAndTeam(db.select(fields).from(experimentModels).$dynamic(), experimentModels)
    .where(and(eq(experimentModels.modelId, modelId), isNull(experiments.archivedAt)))
    .orderBy(desc(experiments.startDate), desc(experiments.id));
}

/** Live experiments per team and model, from the trigger-kept model_usage summary (any status, any age). */
export async function listTeamModelUsage(db: Queryable) {
  return db
    .select({ teamName: teams.name, slug: aiModels.slug, experiments: modelUsage.experiments })
    .from(modelUsage)
    .innerJoin(teams, eq(teams.id, modelUsage.teamId))
    .innerJoin(aiModels, eq(aiModels.id, modelUsage.modelId))
    .orderBy(asc(teams.name), asc(aiModels.slug));
}

export async function listVendors(db: Queryable): Promise<string[]> {
  const rows = await db.selectDistinct({ vendor: aiModels.vendor }).from(aiModels).orderBy(asc(aiModels.vendor));
  return rows.map((r) => r.vendor);
}

/**
 * Current usage per team and model, for "teams behind the frontier": experiments running now, and
 * completed ones that ended within `period`; not archived. An old or abandoned trial is not usage.
 */
export async function listCurrentTeamModelUsage(db: Queryable, period: Period) {
  const fields = { teamId: teams.id, teamName: teams.name, slug: aiModels.slug, experiments: sql<number>`count(distinct ${experiments.id})::int` };
  return withExperimentAndTeam(db.select(fields).from(experimentModels).$dynamic(), experimentModels)
    .innerJoin(aiModels, eq(aiModels.id, experimentModels.modelId))
    .where(
      and(
        isNull(experiments.archivedAt),
        or(
          eq(experiments.status, 'running'),
          and(eq(experiments.status, 'completed'), sql`${experiments.endDate} between ${period.from}::date and ${period.to}::date`),
        ),
      ),
    )
    .groupBy(teams.id, teams.name, aiModels.slug)
    .orderBy(asc(teams.name), asc(aiModels.slug));
}
