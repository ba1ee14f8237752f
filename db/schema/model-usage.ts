import { integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { aiModels } from './models';
import { teams } from './teams';

/**
 * Summary: how many live (not archived) experiments of each team use each model. Kept exactly equal to
 * the count over experiment_models × experiments by triggers in the database (migration
 * 0002_model_usage), so the catalog and the trends page read 3,000 rows instead of joining every link.
 * Derived data: never written by the app, never backed up (a restore rebuilds it through the triggers).
 */
export const modelUsage = pgTable(
  'model_usage',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    modelId: integer('model_id')
      .notNull()
      .references(() => aiModels.id, { onDelete: 'cascade' }),
    experiments: integer('experiments').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.modelId] })],
);
