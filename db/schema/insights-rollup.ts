import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { teams } from './teams';

/**
 * Summary: live (not archived) experiments counted per team, quarter of their start (else creation),
 * mindset ('not_set' while none is chosen) and vendor of their primary model ('' without models), with how many are completed and
 * completed on two or more models. Kept exactly equal to the count over experiments by
 * triggers in the database (db/derived/insights-rollup.sql), so the dashboard's insights summary reads a
 * few thousand rows instead of every experiment. Derived data: never written by the app, never backed
 * up (a restore rebuilds it through the triggers).
 */
export const insightsRollup = pgTable(
  'insights_rollup',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    quarter: date('quarter', { mode: 'string' }).notNull(),
    mindset: text('mindset').notNull(),
    vendor: text('vendor').notNull(),
    experiments: integer('experiments').notNull(),
    completed: integer('completed').notNull(),
    completedMultiModel: integer('completed_multi_model').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.quarter, t.mindset, t.vendor] })],
);
