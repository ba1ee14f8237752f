import { sql } from 'drizzle-orm';
import { aiModels } from '../../schema';
import type { Queryable } from '../../types';

/** The models (and so vendors) any experiment used: the dashboard's model and vendor filter choices. */
export async function getUsedModelOptions(db: Queryable) {
  return db
    .select({ slug: aiModels.slug, name: aiModels.name, vendor: aiModels.vendor })
    .from(aiModels)
    .where(sql`exists (select 1 from experiment_models em where em.model_id = ${aiModels.id})`)
    .orderBy(aiModels.vendor, aiModels.name);
}
