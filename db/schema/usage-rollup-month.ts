import { date, pgTable, unique } from 'drizzle-orm/pg-core';
import { rollupColumns } from './usage-rollup';

/**
 * Summary: usage_daily added up per calendar month, team, source, vendor, model and bill currency — usage_rollup's
 * coarser level, so a 12-month period reads whole months from here, whole segments of its partial months from
 * usage_rollup and only its ragged days from usage_daily (db/queries/usage/slice.ts). Kept by the same statement
 * triggers (db/derived/usage-rollup.sql). Active and engaged users are the month's daily MAXIMUM, never a sum, as in
 * usage_rollup. Derived data: never written by the app, never backed up.
 */
export const usageRollupMonth = pgTable(
  'usage_rollup_month',
  {
    /** First day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    ...rollupColumns(),
  },
  (t) => [unique('usage_rollup_month_key').on(t.month, t.teamId, t.source, t.vendor, t.externalModel, t.modelId, t.currency).nullsNotDistinct()],
);
