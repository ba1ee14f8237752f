import { bigint, date, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';

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
    teamId: integer('team_id'),
    source: text('source').notNull(),
    vendor: text('vendor').notNull(),
    externalModel: text('external_model').notNull(),
    modelId: integer('model_id'),
    currency: text('currency').notNull(),
    rows: integer('rows').notNull(),
    requests: bigint('requests', { mode: 'number' }).notNull(),
    inputTokens: bigint('input_tokens', { mode: 'number' }).notNull(),
    outputTokens: bigint('output_tokens', { mode: 'number' }).notNull(),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull(),
    activeUsers: integer('active_users'),
    engagedUsers: integer('engaged_users'),
  },
  (t) => [unique('usage_rollup_month_key').on(t.month, t.teamId, t.source, t.vendor, t.externalModel, t.modelId, t.currency).nullsNotDistinct()],
);
