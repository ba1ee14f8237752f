import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const DATA_POLICIES = ['trains', 'no_training', 'unknown'] as const;
export type DataPolicy = (typeof DATA_POLICIES)[number];

/** An AI model in the catalog. Prices and benchmark scores live in their own tables (history, sources). */
export const aiModels = pgTable(
  'ai_models',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    vendor: text('vendor').notNull(),
    releaseDate: date('release_date', { mode: 'string' }).notNull(),
    contextWindow: integer('context_window'),
    reasoning: boolean('reasoning').notNull().default(false),
    openWeights: boolean('open_weights').notNull().default(false),
    /** Does the vendor's first-party paid API train on user data by default? */
    dataPolicy: text('data_policy').$type<DataPolicy>().notNull().default('unknown'),
    dataPolicySource: text('data_policy_source'),
    /** Estimated training compute in FLOP (an estimate with 4 significant digits: a float is right here). */
    trainingFlop: doublePrecision('training_flop'),
    trainingFlopSource: text('training_flop_source'),
    /** Day the vendor retired the model from its API (null while it is offered); retired models stay in history. */
    retiredOn: date('retired_on', { mode: 'string' }),
    /** Where the row came from: a source key of the reference data set, or "entered by <admin> on <date>". */
    source: text('source').notNull().default('reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ai_models_vendor_idx').on(t.vendor),
    index('ai_models_release_idx').on(t.releaseDate),
    check('ai_models_policy_check', sql`${t.dataPolicy} in ('trains', 'no_training', 'unknown')`),
    check('ai_models_flop_check', sql`${t.trainingFlop} is null or ${t.trainingFlop} > 0`),
  ],
);

/** List price per million tokens, in force from `effectiveDate` until the next row of the same model. */
export const modelPrices = pgTable(
  'model_prices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => aiModels.id, { onDelete: 'cascade' }),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    inputUsdPerMtok: numeric('input_usd_per_mtok', { precision: 12, scale: 4 }).notNull(),
    outputUsdPerMtok: numeric('output_usd_per_mtok', { precision: 12, scale: 4 }).notNull(),
    source: text('source').notNull(),
    note: text('note'),
    /** When a catalog sync read the price from its source (null: the reference data or an admin). */
    retrievedAt: timestamp('retrieved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('model_prices_model_date_uq').on(t.modelId, t.effectiveDate),
    check('model_prices_non_negative', sql`${t.inputUsdPerMtok} >= 0 and ${t.outputUsdPerMtok} >= 0`),
  ],
);

/**
 * A model's single headline score per benchmark, which the re-test radar and blocker bars read (GPQA Diamond
 * until blockers pick their benchmark). Scores per effort, on every benchmark of the `benchmarks` table, are
 * in `benchmark_scores`.
 */

export const modelBenchmarks = pgTable(
  'model_benchmarks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => aiModels.id, { onDelete: 'cascade' }),
    benchmark: text('benchmark').notNull().default('gpqa_diamond'),
    /** Percent correct, 0–100. */
    score: numeric('score', { precision: 5, scale: 1 }).notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('model_benchmarks_model_bench_uq').on(t.modelId, t.benchmark),
    check('model_benchmarks_score_range', sql`${t.score} >= 0 and ${t.score} <= 100`),
  ],
);

export type AiModel = typeof aiModels.$inferSelect;
/** What describes a catalog model, as the form edits it and the catalog lists it. */
export type ModelDescription = Pick<AiModel, 'slug' | 'name' | 'vendor' | 'releaseDate' | 'reasoning' | 'openWeights' | 'dataPolicy'>;
export type ModelPrice = typeof modelPrices.$inferSelect;
export type ModelBenchmark = typeof modelBenchmarks.$inferSelect;
