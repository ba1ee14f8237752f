import { eq, sql } from 'drizzle-orm';
import { aiModels, modelBenchmarks, modelPrices, type DataPolicy } from '../schema';
import type { Queryable } from '../types';
import { writeAudit, type Actor } from './audit';

export type ModelFields = {
  slug: string;
  name: string;
  vendor: string;
  releaseDate: string;
  reasoning: boolean;
  openWeights: boolean;
  dataPolicy: DataPolicy;
  trainingFlop?: number | null;
  contextWindow?: number | null;
};

/** Admin changes to the catalog. Call inside a transaction: each writes its audit entry with the change. */
export async function createModel(db: Queryable, actor: Actor, fields: ModelFields, source: string) {
  const [row] = await db
    .insert(aiModels)
    .values({ ...fields, trainingFlop: fields.trainingFlop ?? null, trainingFlopSource: fields.trainingFlop ? source : null, dataPolicySource: source, source })
    .returning();
  await writeAudit(db, { actor, action: 'model.create', entityType: 'model', entityId: row.id, after: row });
  return row;
}

/**
 * A model's new vendor, name or data policy reaches the experiments using it through a trigger that runs
 * before the statement's data-version bump, so it would miss links an experiment write in progress is
 * adding. So, when one of those changes: lock those experiments first (in id order, as an experiment's
 * own edit locks it first), then take the version row through a first statement's trigger (the app's
 * role may read it, not lock it) — which waits for the writes in progress and holds off new ones — and
 * only then change the fields, whose trigger now sees every link.
 */
export async function updateModel(db: Queryable, actor: Actor, id: number, fields: ModelFields, source: string) {
  const [before] = await db.select().from(aiModels).where(eq(aiModels.id, id));
  if (!before) return null;
  if (fields.vendor !== before.vendor || fields.name !== before.name || fields.dataPolicy !== before.dataPolicy) {
    await db.execute(sql`select e.id from experiments e
      where e.id in (select em.experiment_id from experiment_models em where em.model_id = ${id}) order by e.id for update of e`);
    await db.update(aiModels).set({ updatedAt: new Date() }).where(eq(aiModels.id, id));
  }
  const flopChanged = (fields.trainingFlop ?? null) !== before.trainingFlop;
  const policyChanged = fields.dataPolicy !== before.dataPolicy;
  const [row] = await db
    .update(aiModels)
    .set({
      ...fields,
      trainingFlop: fields.trainingFlop ?? null,
      // A value keeps its source unless the admin changed it.
      trainingFlopSource: flopChanged ? (fields.trainingFlop ? source : null) : before.trainingFlopSource,
      dataPolicySource: policyChanged ? source : before.dataPolicySource,
      updatedAt: new Date(),
    })
    .where(eq(aiModels.id, id))
    .returning();
  await writeAudit(db, { actor, action: 'model.update', entityType: 'model', entityId: id, before, after: row });
  return row;
}

export type PriceFields = { modelId: number; effectiveDate: string; input: number; output: number; note?: string | null };

/** Adds a price change, or replaces the one on the same date (the date is the key of a change). */
export async function upsertPriceChange(db: Queryable, actor: Actor, p: PriceFields, source: string) {
  const values = { modelId: p.modelId, effectiveDate: p.effectiveDate, inputUsdPerMtok: String(p.input), outputUsdPerMtok: String(p.output), source, note: p.note ?? null };
  const [row] = await db
    .insert(modelPrices)
    .values(values)
    .onConflictDoUpdate({ target: [modelPrices.modelId, modelPrices.effectiveDate], set: { inputUsdPerMtok: values.inputUsdPerMtok, outputUsdPerMtok: values.outputUsdPerMtok, source, note: values.note } })
    .returning();
  await writeAudit(db, { actor, action: 'model.price', entityType: 'model', entityId: p.modelId, after: row });
  return row;
}

/**
 * Call inside a transaction. The score's triggers (migration 0006) update every experiment using the
 * model after the data version row is locked; an experiment's own edit locks the experiment first,
 * then the version. Locking those experiments first, in id order, keeps both in one order: no deadlock.
 */
export async function upsertBenchmarkScore(db: Queryable, actor: Actor, b: { modelId: number; benchmark: string; score: number }, source: string) {
  await db.execute(sql`select e.id from experiments e
    where e.blocker_benchmark = ${b.benchmark} and e.id in (select em.experiment_id from experiment_models em where em.model_id = ${b.modelId})
    order by e.id for update of e`);
  const [row] = await db
    .insert(modelBenchmarks)
    .values({ modelId: b.modelId, benchmark: b.benchmark, score: String(b.score), source })
    .onConflictDoUpdate({ target: [modelBenchmarks.modelId, modelBenchmarks.benchmark], set: { score: String(b.score), source } })
    .returning();
  await writeAudit(db, { actor, action: 'model.benchmark', entityType: 'model', entityId: b.modelId, after: row });
  return row;
}
