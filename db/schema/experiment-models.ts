import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import { experiments } from './experiments';
import { aiModels } from './models';

/** Which catalog models an experiment used; exactly one may be primary, the rest were compared. */
export const experimentModels = pgTable(
  'experiment_models',
  {
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    modelId: integer('model_id')
      .notNull()
      .references(() => aiModels.id),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.experimentId, t.modelId] }),
    index('experiment_models_model_idx').on(t.modelId),
    uniqueIndex('experiment_models_one_primary').on(t.experimentId).where(sql`${t.isPrimary}`),
  ],
);

export type ExperimentModel = typeof experimentModels.$inferSelect;
