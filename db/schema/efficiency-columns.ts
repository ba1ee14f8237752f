import { sql } from 'drizzle-orm';
import { numeric } from 'drizzle-orm/pg-core';
// Relative, not '@/': drizzle-kit loads the schema without the app's path aliases.
import { HOURS_SAVED_SQL } from '../../lib/metrics/hours';

/**
 * The time-saved inputs an experiment and each of its check-ins record, and the hours saved per month the
 * database derives from them (never typed: lib/metrics/hours.ts holds the formula).
 */
export const efficiencyColumns = () => ({
  hoursBeforePerTask: numeric('hours_before_per_task', { precision: 8, scale: 2 }),
  hoursWithAiPerTask: numeric('hours_with_ai_per_task', { precision: 8, scale: 2 }),
  tasksPerMonth: numeric('tasks_per_month', { precision: 10, scale: 2 }),
  hoursSavedPerMonth: numeric('hours_saved_per_month', { precision: 14, scale: 2 }).generatedAlwaysAs(sql.raw(HOURS_SAVED_SQL)),
});
