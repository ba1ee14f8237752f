import { inArray, sql } from 'drizzle-orm';
import { aiModels, benchmarkScores, modelAliases } from '../../schema';
import type { Queryable } from '../../types';

export type ModelEffortFacts = { id: number; name: string; reasoning: boolean; listed: string[] };

/**
 * The efforts the catalog lists per model: every effort a per-effort score or an outside alias names
 * (lib/catalog/model-efforts.ts decides which of them a link may record).
 */
export async function modelEffortFacts(db: Queryable, modelIds: readonly number[]): Promise<Map<number, ModelEffortFacts>> {
  const out = new Map<number, ModelEffortFacts>();
  if (!modelIds.length) return out;
  const ids = [...modelIds];
  const models = await db.select({ id: aiModels.id, name: aiModels.name, reasoning: aiModels.reasoning }).from(aiModels).where(inArray(aiModels.id, ids));
  for (const m of models) out.set(m.id, { ...m, listed: [] });
  const scores = db.selectDistinct({ modelId: benchmarkScores.modelId, effort: benchmarkScores.effort }).from(benchmarkScores).where(inArray(benchmarkScores.modelId, ids));
  const aliases = db
    .selectDistinct({ modelId: modelAliases.modelId, effort: sql<string>`${modelAliases.effort}` })
    .from(modelAliases)
    .where(sql`${inArray(modelAliases.modelId, ids)} and ${modelAliases.effort} is not null`);
  for (const r of [...(await scores), ...(await aliases)]) {
    const m = out.get(r.modelId);
    if (m && !m.listed.includes(r.effort)) m.listed.push(r.effort);
  }
  return out;
}
