import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { experiments } from './experiments';
import { aiModels } from './models';

/**
 * How the team reached the model: the vendor's consumer app (free or paid plan), its API, an enterprise or
 * workspace plan, or a copy the company hosts itself. Data-use terms differ per channel (vendor_channel_policies).
 */
export const ACCESS_CHANNELS = ['consumer_free', 'consumer_paid', 'api', 'enterprise', 'self_hosted'] as const;
export type AccessChannel = (typeof ACCESS_CHANNELS)[number];

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
    /** The access channel; links written before channels existed were API use (the catalog's prices and policy). */
    channel: text('channel').$type<AccessChannel>().notNull().default('api'),
  },
  (t) => [
    primaryKey({ columns: [t.experimentId, t.modelId] }),
    index('experiment_models_model_idx').on(t.modelId),
    uniqueIndex('experiment_models_one_primary').on(t.experimentId).where(sql`${t.isPrimary}`),
    check('experiment_models_channel_check', sql`${t.channel} in ('consumer_free', 'consumer_paid', 'api', 'enterprise', 'self_hosted')`),
  ],
);

export type ExperimentModel = typeof experimentModels.$inferSelect;
