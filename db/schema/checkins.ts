import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { experiments } from './experiments';

/** A dated reading of an experiment's metrics, so its figures can evolve over time. */
export const checkins = pgTable(
  'checkins',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    hoursBeforePerTask: numeric('hours_before_per_task', { precision: 8, scale: 2 }),
    hoursWithAiPerTask: numeric('hours_with_ai_per_task', { precision: 8, scale: 2 }),
    tasksPerMonth: numeric('tasks_per_month', { precision: 10, scale: 2 }),
    hoursSavedPerMonth: numeric('hours_saved_per_month', { precision: 14, scale: 2 }).generatedAlwaysAs(
      sql`(hours_before_per_task - hours_with_ai_per_task) * tasks_per_month`,
    ),
    spendMonthlyCents: integer('spend_monthly_cents'),
    qualityAfter: smallint('quality_after'),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The "latest check-in" order (date, then id) per experiment, as the summary triggers read it.
    index('checkins_experiment_date_id_idx').on(t.experimentId, t.date, t.id),
    check(
      'checkins_values_check',
      sql`coalesce(${t.hoursBeforePerTask}, 0) >= 0 and coalesce(${t.hoursWithAiPerTask}, 0) >= 0 and coalesce(${t.tasksPerMonth}, 0) >= 0 and coalesce(${t.spendMonthlyCents}, 0) >= 0`,
    ),
    check('checkins_quality_check', sql`${t.qualityAfter} is null or ${t.qualityAfter} between 1 and 5`),
  ],
);

export type Checkin = typeof checkins.$inferSelect;
