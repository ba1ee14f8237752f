import { eq } from 'drizzle-orm';
import { aiModels, modelBenchmarks, modelPrices, type ModelDescription } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { lockDataVersion } from '../data-version';
import { refuse, type WriteRefusal, type WriteResult } from '../write-result';

export type ModelFields = ModelDescription & {
  trainingFlop?: number | null;
  contextWindow?: number | null;
};

export const SLUG_TAKEN = 'Another model already has this slug.';
const MODEL_GONE = 'That model no longer exists.';

async function slugTaken(db: Queryable, slug: string, except?: number): Promise<WriteRefusal | null> {
  const [clash] = await db.select({ id: aiModels.id }).from(aiModels).where(eq(aiModels.slug, slug));
  return clash && clash.id !== except ? refuse('invalid', SLUG_TAKEN, 'slug') : null;
}

async function modelExists(db: Queryable, id: number): Promise<boolean> {
  return (await db.select({ id: aiModels.id }).from(aiModels).where(eq(aiModels.id, id))).length > 0;
}

/** Admin changes to the catalog. Call inside a transaction: each writes its audit entry with the change. */
export async function createModel(db: Queryable, actor: Actor, fields: ModelFields, source: string): Promise<WriteResult<{ id: number; slug: string }>> {
  const taken = await slugTaken(db, fields.slug);
  if (taken) return taken;
  const [row] = await db
    .insert(aiModels)
    .values({ ...fields, trainingFlop: fields.trainingFlop ?? null, trainingFlopSource: fields.trainingFlop ? source : null, dataPolicySource: source, source })
    .returning();
  await writeAudit(db, { actor, action: 'model.create', entityType: 'model', entityId: row.id, after: row });
  return { ok: true, id: row.id, slug: row.slug };
}

/**
 * A model's new vendor, name or data policy reaches the experiments using it through a trigger, which
 * must see every link. Taking the data_version row first (the lock order of every write,
 * db/derived/README.md) waits for an experiment write in progress, which holds it while adding links,
 * and holds off new ones until this transaction ends.
 */
export async function updateModel(db: Queryable, actor: Actor, id: number, fields: ModelFields, source: string): Promise<WriteResult<{ id: number; slug: string }>> {
  await lockDataVersion(db);
  const [before] = await db.select().from(aiModels).where(eq(aiModels.id, id));
  if (!before) return refuse('not_found', MODEL_GONE);
  const taken = await slugTaken(db, fields.slug, id);
  if (taken) return taken;
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
  return { ok: true, id, slug: row.slug };
}

export type PriceFields = { modelId: number; effectiveDate: string; input: number; output: number; note?: string | null };

/** Adds a price change, or replaces the one on the same date (the date is the key of a change). */
export async function upsertPriceChange(db: Queryable, actor: Actor, p: PriceFields, source: string): Promise<WriteResult<{ id: number }>> {
  if (!(await modelExists(db, p.modelId))) return refuse('not_found', MODEL_GONE);
  const values = { modelId: p.modelId, effectiveDate: p.effectiveDate, inputUsdPerMtok: String(p.input), outputUsdPerMtok: String(p.output), source, note: p.note ?? null };
  const [row] = await db
    .insert(modelPrices)
    .values(values)
    .onConflictDoUpdate({ target: [modelPrices.modelId, modelPrices.effectiveDate], set: { inputUsdPerMtok: values.inputUsdPerMtok, outputUsdPerMtok: values.outputUsdPerMtok, source, note: values.note } })
    .returning();
  await writeAudit(db, { actor, action: 'model.price', entityType: 'model', entityId: p.modelId, after: row });
  return { ok: true, id: row.id };
}

/**
 * Call inside a transaction. The score's triggers (db/derived/model-summary.sql) update every experiment
 * using the model; the data_version row is taken first, as by every write (db/derived/README.md), so an
 * experiment's edit and this wait for each other in one order.
 */
export async function upsertBenchmarkScore(db: Queryable, actor: Actor, b: { modelId: number; benchmark: string; score: number }, source: string): Promise<WriteResult<{ modelId: number }>> {
  await lockDataVersion(db);
  if (!(await modelExists(db, b.modelId))) return refuse('not_found', MODEL_GONE);
  const [row] = await db
    .insert(modelBenchmarks)
    .values({ modelId: b.modelId, benchmark: b.benchmark, score: String(b.score), source })
    .onConflictDoUpdate({ target: [modelBenchmarks.modelId, modelBenchmarks.benchmark], set: { score: String(b.score), source } })
    .returning();
  await writeAudit(db, { actor, action: 'model.benchmark', entityType: 'model', entityId: b.modelId, after: row });
  return { ok: true, modelId: b.modelId };
}
