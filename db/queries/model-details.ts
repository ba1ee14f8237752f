import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { aiModels, experimentModels, experiments, modelBenchmarks, modelPrices, modelUsage, teams } from '../schema';
import type { Queryable } from '../types';

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
  return db
    .select({
      id: experiments.id,
      title: experiments.title,
      status: experiments.status,
      startDate: experiments.startDate,
      teamName: teams.name,
      isPrimary: experimentModels.isPrimary,
    })
    .from(experimentModels)
    .innerJoin(experiments, eq(experiments.id, experimentModels.experimentId))
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(and(eq(experimentModels.modelId, modelId), isNull(experiments.archivedAt)))
    .orderBy(desc(experiments.startDate), desc(experiments.id));
}

/** How many experiments each team ran with each model (not archived). */
/** Live experiments per team and model, from the trigger-kept model_usage summary. */
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
