import { date, doublePrecision, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { aiModels } from './models';

/**
 * Summary: each model's best score on each benchmark at any effort (the per-effort scores, else the kept
 * score of a model with none on that benchmark: the scores db/queries/insights/radar-scores.ts reads), with
 * the model's release date. The re-test filter asks, for each blocked experiment, whether a newer model
 * beats its best: one index range over this table instead of a union of two score tables per experiment.
 * Kept by db/derived/model-best-scores.sql; derived data, never written by the app, never backed up.
 */
export const modelBestScores = pgTable(
  'model_best_scores',
  {
    modelId: integer('model_id')
      .notNull()
      .references(() => aiModels.id, { onDelete: 'cascade' }),
    benchmark: text('benchmark').notNull(),
    bestScore: doublePrecision('best_score').notNull(),
    releaseDate: date('release_date', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.benchmark] }), index('model_best_scores_benchmark_idx').on(t.benchmark, t.bestScore)],
);
