-- model_best_scores(model_id, benchmark, best_score, release_date) stays equal to: each model's best score
-- on each benchmark at any effort — its benchmark_scores, else the kept score of model_benchmarks for a
-- model with no per-effort score on that benchmark (the scores db/queries/insights/radar-scores.ts reads) —
-- with the model's release date. The re-test filter reads it (retestCandidateSql).
-- The table is a few hundred rows and the catalog changes rarely: each statement on the three tables it
-- reads brings it up to date in one pass, writing only the rows that differ.
CREATE OR REPLACE FUNCTION model_best_scores_rebuild() RETURNS void AS $$
  WITH best AS (
    SELECT r.model_id, r.benchmark, max(r.score) AS best_score, m.release_date
    FROM (
      SELECT s.model_id, s.benchmark, s.score::double precision AS score FROM benchmark_scores s
      UNION ALL
      SELECT k.model_id, k.benchmark, k.score::double precision FROM model_benchmarks k
      WHERE NOT EXISTS (SELECT 1 FROM benchmark_scores s2 WHERE s2.model_id = k.model_id AND s2.benchmark = k.benchmark)
    ) r
    JOIN ai_models m ON m.id = r.model_id
    GROUP BY r.model_id, r.benchmark, m.release_date
  ), gone AS (
    DELETE FROM model_best_scores b
    WHERE NOT EXISTS (SELECT 1 FROM best WHERE best.model_id = b.model_id AND best.benchmark = b.benchmark)
  )
  INSERT INTO model_best_scores AS b (model_id, benchmark, best_score, release_date)
    SELECT model_id, benchmark, best_score, release_date FROM best
  ON CONFLICT (model_id, benchmark) DO UPDATE SET best_score = excluded.best_score, release_date = excluded.release_date
    WHERE (b.best_score, b.release_date) IS DISTINCT FROM (excluded.best_score, excluded.release_date);
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION model_best_scores_refresh() RETURNS trigger AS $$
BEGIN
  PERFORM model_best_scores_rebuild();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_best_scores_from_scores ON benchmark_scores;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_best_scores_from_kept ON model_benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_best_scores_from_models ON ai_models;
--> statement-breakpoint
-- Recomputed from the raw rows.
DELETE FROM model_best_scores;
--> statement-breakpoint
SELECT model_best_scores_rebuild();
--> statement-breakpoint
CREATE TRIGGER model_best_scores_from_scores AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benchmark_scores
  FOR EACH STATEMENT EXECUTE FUNCTION model_best_scores_refresh();
--> statement-breakpoint
CREATE TRIGGER model_best_scores_from_kept AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON model_benchmarks
  FOR EACH STATEMENT EXECUTE FUNCTION model_best_scores_refresh();
--> statement-breakpoint
CREATE TRIGGER model_best_scores_from_models AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ai_models
  FOR EACH STATEMENT EXECUTE FUNCTION model_best_scores_refresh();
