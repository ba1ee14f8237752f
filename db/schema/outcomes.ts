import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { experiments, type WorkType } from './experiments';

export const OUTCOME_TYPES = ['new_capability', 'insight', 'synthesis', 'problem_solving', 'quality_uplift'] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/** What an experiment made possible that was not possible before. */
export const capabilityOutcomes = pgTable(
  'capability_outcomes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    type: text('type').$type<OutcomeType>().notNull(),
    description: text('description').notNull(),
    impact: smallint('impact').notNull(),
    evidence: text('evidence').notNull().default(''),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Incremented by every edit, so a stale edit form is refused (db/queries/experiments/children.ts). */
    version: integer('version').notNull().default(1),

    // Copies of the experiment's slice columns, so the dashboard's outcome figures filter outcomes without
    // joining every experiment. Written only by triggers (db/derived/outcome-slice.sql), whatever an insert carries.
    teamId: integer('team_id'),
    workType: text('work_type').$type<WorkType>(),
    experimentArchived: boolean('experiment_archived').notNull().default(false),
  },
  (t) => [
    index('capability_outcomes_experiment_idx').on(t.experimentId),
    index('capability_outcomes_recorded_idx').on(t.recordedOn),
    // "Top capability stories": highest impact, then most recent — read in index order, stopping at the limit.
    index('capability_outcomes_top_idx').on(t.impact, t.recordedOn, t.id),
    check(
      'capability_outcomes_type_check',
      sql`${t.type} in ('new_capability', 'insight', 'synthesis', 'problem_solving', 'quality_uplift')`,
    ),
    check('capability_outcomes_impact_check', sql`${t.impact} between 1 and 5`),
  ],
);

export type CapabilityOutcome = typeof capabilityOutcomes.$inferSelect;
