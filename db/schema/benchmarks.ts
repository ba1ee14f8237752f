import { relations, sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { aiModels } from './models';

/**
 * Benchmarks as data (seeded from db/seed/reference/benchmarks.csv, the shape of Epoch AI's benchmark_metadata.csv):
 * what each measures, its unit and scale, baselines, its successor and its source.
 */
export const benchmarks = pgTable(
  'benchmarks',
  {
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    /** general, science, coding, maths or task_length (lib/catalog/benchmarks.ts MEASURES). */
    measures: text('measures').notNull(),
    description: text('description').notNull(),
    /** percent (0–100), index (ECI points) or minutes. */
    unit: text('unit').notNull(),
    /** Epoch's file value × scale = fraction 0–1 (percent) or the unit's value (others). */
    scale: doublePrecision('scale').notNull().default(1),
    randomBaseline: doublePrecision('random_baseline'),
    scoreCeiling: doublePrecision('score_ceiling'),
    supersededBy: text('superseded_by'),
    humanExpert: doublePrecision('human_expert'),
    humanNonExpert: doublePrecision('human_non_expert'),
    humanBaselineSource: text('human_baseline_source'),
    /** Scored per reasoning effort (the second scaling law); otherwise one score per model. */
    perEffort: boolean('per_effort').notNull().default(false),
    /** The capability axis charts open on; exactly one benchmark is it. */
    defaultAxis: boolean('default_axis').notNull().default(false),
    /** Where Epoch's download keeps the scores (the import reads these). */
    sourceFile: text('source_file'),
    scoreColumn: text('score_column'),
    epochBenchmark: text('epoch_benchmark'),
    source: text('source').notNull(),
    /** Order in pickers and tables: the registry's order. */
    position: smallint('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('benchmarks_key_check', sql`${t.key} ~ '^[a-z0-9_]+$'`),
    check('benchmarks_unit_check', sql`${t.unit} in ('percent', 'index', 'minutes')`),
    check('benchmarks_measures_check', sql`${t.measures} in ('general', 'science', 'coding', 'maths', 'task_length')`),
    check('benchmarks_scale_check', sql`${t.scale} > 0`),
    uniqueIndex('benchmarks_one_default_uq').on(t.defaultAxis).where(sql`${t.defaultAxis}`),
  ],
);

/**
 * A model's score on a benchmark at one reasoning effort ('' when the benchmark has one score per model), with its
 * provenance: the source key, the outside id it was measured as (an Epoch model version), the run and when the
 * source was retrieved.
 */
export const benchmarkScores = pgTable(
  'benchmark_scores',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => aiModels.id, { onDelete: 'cascade' }),
    benchmark: text('benchmark')
      .notNull()
      .references(() => benchmarks.key, { onDelete: 'cascade', onUpdate: 'cascade' }),
    effort: text('effort').notNull().default(''),
    /** In the benchmark's unit: percent 0–100, ECI points or minutes. */
    score: doublePrecision('score').notNull(),
    source: text('source').notNull(),
    externalId: text('external_id'),
    runId: text('run_id'),
    retrievedOn: date('retrieved_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('benchmark_scores_model_bench_effort_uq').on(t.modelId, t.benchmark, t.effort),
    index('benchmark_scores_benchmark_idx').on(t.benchmark),
    check('benchmark_scores_score_check', sql`${t.score} >= 0`),
  ],
);

/** Outside ids of catalog models (Epoch model versions with their effort, models.dev ids), from model_aliases.csv. */
export const modelAliases = pgTable(
  'model_aliases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    modelId: integer('model_id')
      .notNull()
      .references(() => aiModels.id, { onDelete: 'cascade' }),
    /** The reasoning effort the outside id ran at (Epoch); null where the source has none. */
    effort: text('effort'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('model_aliases_source_external_uq').on(t.source, t.externalId), index('model_aliases_model_idx').on(t.modelId)],
);

/**
 * Prices beside the list price (model_prices): cached input, cache writes, batch, long-context rates and
 * promotional prices with their last day. USD per million tokens; cache prices have no output price.
 */
export const modelPriceTiers = pgTable(
  'model_price_tiers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => aiModels.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    /** Last day the price applies (inclusive); null = until a later row of the same tier. */
    until: date('until', { mode: 'string' }),
    /** long_context only: the rate applies above this many prompt tokens; 0 for the other tiers. */
    contextOverTokens: integer('context_over_tokens').notNull().default(0),
    inputUsdPerMtok: numeric('input_usd_per_mtok', { precision: 12, scale: 4 }).notNull(),
    outputUsdPerMtok: numeric('output_usd_per_mtok', { precision: 12, scale: 4 }),
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
    /** When a catalog sync read this price from its source (provenance); null for seeded and hand-entered rows. */
    retrievedAt: timestamp('retrieved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('model_price_tiers_uq').on(t.modelId, t.tier, t.contextOverTokens, t.effectiveDate),
    check('model_price_tiers_tier_check', sql`${t.tier} in ('promotional', 'cached_input', 'cache_write', 'batch', 'long_context')`),
    check('model_price_tiers_non_negative', sql`${t.inputUsdPerMtok} >= 0 and (${t.outputUsdPerMtok} is null or ${t.outputUsdPerMtok} >= 0)`),
    check('model_price_tiers_promo_until', sql`${t.tier} <> 'promotional' or ${t.until} is not null`),
    check('model_price_tiers_until_after', sql`${t.until} is null or ${t.until} >= ${t.effectiveDate}`),
    check('model_price_tiers_context', sql`(${t.tier} = 'long_context') = (${t.contextOverTokens} > 0)`),
  ],
);

export const benchmarkScoresRelations = relations(benchmarkScores, ({ one }) => ({
  model: one(aiModels, { fields: [benchmarkScores.modelId], references: [aiModels.id] }),
  benchmark: one(benchmarks, { fields: [benchmarkScores.benchmark], references: [benchmarks.key] }),
}));

export type BenchmarkRow = typeof benchmarks.$inferSelect;
export type BenchmarkScoreRow = typeof benchmarkScores.$inferSelect;
export type ModelPriceTierRow = typeof modelPriceTiers.$inferSelect;
