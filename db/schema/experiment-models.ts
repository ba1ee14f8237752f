import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
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
    /**
     * The reasoning effort the experiment ran the model at, as the catalog names it (lib/catalog/model-efforts.ts):
     * 'none' for a model that does not reason, 'default' for the vendor's default, or a level or budget the catalog
     * lists for the model ('high', '32K'). Checked by the write path against the catalog.
     */
    effort: text('effort').notNull().default('default'),
  },
  (t) => [
    primaryKey({ columns: [t.experimentId, t.modelId] }),
    index('experiment_models_model_idx').on(t.modelId),
    uniqueIndex('experiment_models_one_primary').on(t.experimentId).where(sql`${t.isPrimary}`),
  ],
);

export type ExperimentModel = typeof experimentModels.$inferSelect;
