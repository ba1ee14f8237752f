import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { aiModels } from './models';
import { user } from './auth';
import { efficiencyColumns } from './efficiency-columns';
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
    ...efficiencyColumns(),
    spendMonthlyCents: integer('spend_monthly_cents'),
    qualityAfter: smallint('quality_after'),
    note: text('note').notNull().default(''),
    /**
     * Usage over the check-in's period, for cost per task (lib/metrics/cost-per-task.ts): tasks done, and either the
     * tokens used (output includes reasoning tokens) or the billed cost. The model and effort are the experiment's
     * primary link when the check-in was written, kept so a later edit of the experiment does not move old usage.
     */
    tasksDone: integer('tasks_done'),
    inputTokens: bigint('input_tokens', { mode: 'number' }),
    outputTokens: bigint('output_tokens', { mode: 'number' }),
    billedCostCents: integer('billed_cost_cents'),
    usageModelId: integer('usage_model_id').references(() => aiModels.id, { onDelete: 'set null' }),
    usageEffort: text('usage_effort'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Incremented by every edit, so a form opened before someone else's edit is refused (db/queries/experiments/children.ts). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // The "latest check-in" order (date, then id) per experiment, as the summary triggers read it.
    index('checkins_experiment_date_id_idx').on(t.experimentId, t.date, t.id),
    check(
      'checkins_values_check',
      sql`coalesce(${t.hoursBeforePerTask}, 0) >= 0 and coalesce(${t.hoursWithAiPerTask}, 0) >= 0 and coalesce(${t.tasksPerMonth}, 0) >= 0 and coalesce(${t.spendMonthlyCents}, 0) >= 0`,
    ),
    check(
      'checkins_usage_check',
      sql`coalesce(${t.tasksDone}, 0) >= 0 and coalesce(${t.inputTokens}, 0) >= 0 and coalesce(${t.outputTokens}, 0) >= 0 and coalesce(${t.billedCostCents}, 0) >= 0`,
    ),
    check('checkins_quality_check', sql`${t.qualityAfter} is null or ${t.qualityAfter} between 1 and 5`),
  ],
);

export type Checkin = typeof checkins.$inferSelect;
