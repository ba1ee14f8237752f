import { bigint, date, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';

/**
 * Summary: usage_daily added up per segment (the days one ISO week and one calendar month share, so every week
 * and every month of the telemetry is a whole number of segments), team, source, vendor, model and bill currency.
 * Kept equal to the raw rows by statement triggers (db/derived/usage-rollup.sql), so the dashboard's telemetry, the
 * billed-versus-reported table and the usage exports read ~5 times fewer rows than usage_daily at 10^6 rows.
 * Active and engaged users are the MAXIMUM of the segment's daily figures, never a sum: the maximum of maxima is
 * the daily maximum of any union of segments. (A distinct count of people would need the people, which no source
 * gives per row; it cannot be rolled up from counts.) Derived data: never written by the app, never backed up.
 */
/** The group (after its period) and the sums of both rollup levels: this table's and usage_rollup_month's. */
export function rollupColumns() {
  return {
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
  };
}

export const usageRollup = pgTable(
  'usage_rollup',
  {
    /** First day of the segment: the later of the day's ISO Monday and the 1st of its month. */
    segment: date('segment', { mode: 'string' }).notNull(),
    ...rollupColumns(),
  },
  (t) => [unique('usage_rollup_key').on(t.segment, t.teamId, t.source, t.vendor, t.externalModel, t.modelId, t.currency).nullsNotDistinct()],
);
