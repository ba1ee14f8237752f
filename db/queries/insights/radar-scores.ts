import { sql } from 'drizzle-orm';

/**
 * The scores the re-test radar and the blocker's bar read: every score per effort (`benchmark_scores`), and
 * the catalog's kept score (`model_benchmarks`, effort '') for a model that has no per-effort score on that
 * benchmark, as upgraded databases and admins' own entries have. Columns: model_id, benchmark, effort, score.
 * db/derived/model-summary.sql (used_best_score) reads the same union; keep them alike.
 */
export const RADAR_SCORES = sql.raw(`(select s.model_id, s.benchmark, s.effort, s.score::double precision as score from benchmark_scores s
  union all
  select k.model_id, k.benchmark, '' as effort, k.score::double precision as score from model_benchmarks k
  where not exists (select 1 from benchmark_scores s2 where s2.model_id = k.model_id and s2.benchmark = k.benchmark))`);
