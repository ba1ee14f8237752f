-- Each experiment's model summary: model_count, primary_vendor (the primary model's vendor, else the
-- first model's by name, as the Insights page attributes an experiment to a vendor), uses_training_model
-- (a model that trains on user data, or may, on the channel the link used: lib/metrics/privacy.ts
-- channelPolicySql, the vendor's row of vendor_channel_policies for any channel but the API) and used_best_score (the best score of its models on its
-- blocker benchmark at any effort, which the re-test radar compares newer models with; the scores of
-- db/queries/insights/radar-scores.ts: benchmark_scores per effort, else the kept score of model_benchmarks). The
-- insights rollup groups by them without joining models. Only the triggers here write them: per statement
-- on experiment_models, ai_models, vendor_channel_policies, model_benchmarks and benchmark_scores, and guards
-- on experiments.
CREATE OR REPLACE FUNCTION experiments_refresh_model_summary(ids integer[]) RETURNS void AS $$
  UPDATE experiments e SET
    model_count = s.n,
    primary_vendor = s.vendor,
    uses_training_model = s.training,
    used_best_score = s.best
  FROM (
    SELECT x.id,
      count(em.model_id)::int AS n,
      (array_agg(m.vendor ORDER BY em.is_primary DESC, m.name) FILTER (WHERE em.model_id IS NOT NULL))[1] AS vendor,
      coalesce(bool_or(CASE WHEN em.channel = 'api' THEN m.data_policy ELSE coalesce(p.data_policy, CASE em.channel WHEN 'consumer_free' THEN 'unknown' WHEN 'consumer_paid' THEN 'unknown' WHEN 'enterprise' THEN 'unknown' WHEN 'self_hosted' THEN 'no_training' END) END IN ('trains', 'unknown')), false) AS training,
      round(max(b.score), 1) AS best -- as the numeric(5,1) column keeps it, so an unchanged best is no change
    FROM (SELECT DISTINCT unnest(ids) AS id) x
    JOIN experiments ex ON ex.id = x.id
    LEFT JOIN experiment_models em ON em.experiment_id = x.id
    LEFT JOIN ai_models m ON m.id = em.model_id
    LEFT JOIN vendor_channel_policies p ON p.vendor = m.vendor AND p.channel = em.channel
    -- One row per link: the model's best score on the benchmark (per-effort scores, else the kept one).
    LEFT JOIN LATERAL (SELECT coalesce(
        (SELECT max(s.score)::numeric FROM benchmark_scores s WHERE s.model_id = em.model_id AND s.benchmark = ex.blocker_benchmark),
        (SELECT k.score FROM model_benchmarks k WHERE k.model_id = em.model_id AND k.benchmark = ex.blocker_benchmark)) AS score) b ON true
    GROUP BY x.id
  ) s
  WHERE e.id = s.id
    AND (e.model_count IS DISTINCT FROM s.n
      OR e.primary_vendor IS DISTINCT FROM s.vendor
      OR e.uses_training_model IS DISTINCT FROM s.training
      OR e.used_best_score IS DISTINCT FROM s.best);
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION experiment_models_refresh_summary() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM experiments_refresh_model_summary(array(SELECT experiment_id FROM new_experiment_models));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM experiments_refresh_model_summary(array(
      SELECT experiment_id FROM new_experiment_models UNION SELECT experiment_id FROM old_experiment_models));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM experiments_refresh_model_summary(array(SELECT experiment_id FROM old_experiment_models));
  ELSE -- TRUNCATE: no experiment has a model left
    UPDATE experiments SET model_count = 0, primary_vendor = NULL, uses_training_model = false, used_best_score = NULL
    WHERE model_count <> 0 OR primary_vendor IS NOT NULL OR uses_training_model OR used_best_score IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A model renamed, moved to another vendor or given another data policy: its experiments follow.
-- (Transition tables and a column list cannot go together, so the function picks the changed rows; the
-- join runs through EXECUTE, see model-usage.sql on plans kept from a one-row run.)
CREATE OR REPLACE FUNCTION ai_models_refresh_experiment_summary() RETURNS trigger AS $$
BEGIN
  EXECUTE $q$SELECT experiments_refresh_model_summary(array(
    SELECT em.experiment_id FROM experiment_models em
    JOIN old_ai_models o ON o.id = em.model_id
    JOIN new_ai_models n ON n.id = o.id
    WHERE o.vendor IS DISTINCT FROM n.vendor OR o.name IS DISTINCT FROM n.name OR o.data_policy IS DISTINCT FROM n.data_policy))$q$;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A vendor's policy on a channel added, changed or removed: the experiments with a link of that vendor's
-- models on that channel (old or new values of the row) follow, so a policy edit re-flags them.
CREATE OR REPLACE FUNCTION vendor_channel_policies_refresh_experiment_summary() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM experiments_refresh_model_summary(array(SELECT DISTINCT experiment_id FROM experiment_models WHERE channel <> 'api'));
    RETURN NULL;
  END IF;
  EXECUTE format($q$SELECT experiments_refresh_model_summary(array(
    SELECT DISTINCT em.experiment_id FROM (%s) c
    JOIN ai_models m ON m.vendor = c.vendor
    JOIN experiment_models em ON em.model_id = m.id AND em.channel = c.channel))$q$,
    CASE TG_OP
      WHEN 'INSERT' THEN 'SELECT vendor, channel FROM new_policies'
      WHEN 'DELETE' THEN 'SELECT vendor, channel FROM old_policies'
      ELSE 'SELECT vendor, channel FROM new_policies UNION SELECT vendor, channel FROM old_policies' END);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A score added, changed, moved or removed: the experiments using that model on that benchmark follow.
CREATE OR REPLACE FUNCTION experiments_refresh_used_best(scores model_benchmarks[]) RETURNS void AS $$
  SELECT experiments_refresh_model_summary(array(
    SELECT DISTINCT em.experiment_id FROM unnest(scores) c
    JOIN experiment_models em ON em.model_id = c.model_id
    JOIN experiments e ON e.id = em.experiment_id AND e.blocker_benchmark = c.benchmark));
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION model_benchmarks_refresh_used_best() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM experiments_refresh_used_best(array(SELECT n::model_benchmarks FROM new_scores n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM experiments_refresh_used_best(array(
      SELECT n::model_benchmarks FROM new_scores n UNION ALL SELECT o::model_benchmarks FROM old_scores o));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM experiments_refresh_used_best(array(SELECT o::model_benchmarks FROM old_scores o));
  ELSE -- TRUNCATE: per-effort scores may remain, so every experiment with a model is recomputed
    PERFORM experiments_refresh_model_summary(array(SELECT DISTINCT experiment_id FROM experiment_models));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A per-effort score added, changed or removed: the experiments using that model on that benchmark follow
-- (a kept score of model_benchmarks may count again once the last per-effort score is gone).
CREATE OR REPLACE FUNCTION benchmark_scores_refresh_used_best() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE $q$SELECT experiments_refresh_model_summary(array(SELECT DISTINCT em.experiment_id FROM new_scores c
      JOIN experiment_models em ON em.model_id = c.model_id
      JOIN experiments e ON e.id = em.experiment_id AND e.blocker_benchmark = c.benchmark))$q$;
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE $q$SELECT experiments_refresh_model_summary(array(SELECT DISTINCT em.experiment_id
      FROM (SELECT model_id, benchmark FROM new_scores UNION SELECT model_id, benchmark FROM old_scores) c
      JOIN experiment_models em ON em.model_id = c.model_id
      JOIN experiments e ON e.id = em.experiment_id AND e.blocker_benchmark = c.benchmark))$q$;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE $q$SELECT experiments_refresh_model_summary(array(SELECT DISTINCT em.experiment_id FROM old_scores c
      JOIN experiment_models em ON em.model_id = c.model_id
      JOIN experiments e ON e.id = em.experiment_id AND e.blocker_benchmark = c.benchmark))$q$;
  ELSE -- TRUNCATE: kept scores may count again
    PERFORM experiments_refresh_model_summary(array(SELECT DISTINCT experiment_id FROM experiment_models));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A new experiment has no models yet, whatever a restore or import carries; a direct UPDATE keeps the
-- summary (only the triggers here, one level down, may change it).
CREATE OR REPLACE FUNCTION experiments_guard_model_summary() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.model_count := 0;
    NEW.primary_vendor := NULL;
    NEW.uses_training_model := false;
  ELSIF pg_trigger_depth() = 1 THEN
    NEW.model_count := OLD.model_count;
    NEW.primary_vendor := OLD.primary_vendor;
    NEW.uses_training_model := OLD.uses_training_model;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Another blocker benchmark means other scores, read here. A score write in progress holds the
-- data_version row, which this statement's data_version_lock_first trigger waited for, so the scores
-- read below include it.
CREATE OR REPLACE FUNCTION experiments_guard_used_best() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.used_best_score := NULL;
  ELSIF NEW.blocker_benchmark IS DISTINCT FROM OLD.blocker_benchmark THEN
    NEW.used_best_score := (SELECT max(coalesce(
        (SELECT max(s.score)::numeric FROM benchmark_scores s WHERE s.model_id = em.model_id AND s.benchmark = NEW.blocker_benchmark),
        (SELECT k.score FROM model_benchmarks k WHERE k.model_id = em.model_id AND k.benchmark = NEW.blocker_benchmark)))
      FROM experiment_models em WHERE em.experiment_id = NEW.id);
  ELSIF pg_trigger_depth() = 1 THEN
    NEW.used_best_score := OLD.used_best_score;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS experiment_models_summary_insert ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS experiment_models_summary_update ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS experiment_models_summary_delete ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS experiment_models_summary_truncate ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS ai_models_experiment_summary ON ai_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS vendor_channel_policies_summary_insert ON vendor_channel_policies;
--> statement-breakpoint
DROP TRIGGER IF EXISTS vendor_channel_policies_summary_update ON vendor_channel_policies;
--> statement-breakpoint
DROP TRIGGER IF EXISTS vendor_channel_policies_summary_delete ON vendor_channel_policies;
--> statement-breakpoint
DROP TRIGGER IF EXISTS vendor_channel_policies_summary_truncate ON vendor_channel_policies;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_benchmarks_used_best_insert ON model_benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_benchmarks_used_best_update ON model_benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_benchmarks_used_best_delete ON model_benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_benchmarks_used_best_truncate ON model_benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS benchmark_scores_used_best_insert ON benchmark_scores;
--> statement-breakpoint
DROP TRIGGER IF EXISTS benchmark_scores_used_best_update ON benchmark_scores;
--> statement-breakpoint
DROP TRIGGER IF EXISTS benchmark_scores_used_best_delete ON benchmark_scores;
--> statement-breakpoint
DROP TRIGGER IF EXISTS benchmark_scores_used_best_truncate ON benchmark_scores;
--> statement-breakpoint
DROP TRIGGER IF EXISTS experiments_model_summary_guard ON experiments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS experiments_used_best_guard ON experiments;
--> statement-breakpoint
-- Recomputed from the raw rows while the guards are off (they would keep the old values of a direct UPDATE).
SELECT experiments_refresh_model_summary(array(SELECT id FROM experiments));
--> statement-breakpoint
CREATE TRIGGER experiment_models_summary_insert AFTER INSERT ON experiment_models
  REFERENCING NEW TABLE AS new_experiment_models FOR EACH STATEMENT EXECUTE FUNCTION experiment_models_refresh_summary();
--> statement-breakpoint
CREATE TRIGGER experiment_models_summary_update AFTER UPDATE ON experiment_models
  REFERENCING OLD TABLE AS old_experiment_models NEW TABLE AS new_experiment_models FOR EACH STATEMENT EXECUTE FUNCTION experiment_models_refresh_summary();
--> statement-breakpoint
CREATE TRIGGER experiment_models_summary_delete AFTER DELETE ON experiment_models
  REFERENCING OLD TABLE AS old_experiment_models FOR EACH STATEMENT EXECUTE FUNCTION experiment_models_refresh_summary();
--> statement-breakpoint
CREATE TRIGGER experiment_models_summary_truncate AFTER TRUNCATE ON experiment_models
  FOR EACH STATEMENT EXECUTE FUNCTION experiment_models_refresh_summary();
--> statement-breakpoint
CREATE TRIGGER ai_models_experiment_summary AFTER UPDATE ON ai_models
  REFERENCING OLD TABLE AS old_ai_models NEW TABLE AS new_ai_models FOR EACH STATEMENT EXECUTE FUNCTION ai_models_refresh_experiment_summary();
--> statement-breakpoint
CREATE TRIGGER vendor_channel_policies_summary_insert AFTER INSERT ON vendor_channel_policies
  REFERENCING NEW TABLE AS new_policies FOR EACH STATEMENT EXECUTE FUNCTION vendor_channel_policies_refresh_experiment_summary();
--> statement-breakpoint
CREATE TRIGGER vendor_channel_policies_summary_update AFTER UPDATE ON vendor_channel_policies
  REFERENCING OLD TABLE AS old_policies NEW TABLE AS new_policies FOR EACH STATEMENT EXECUTE FUNCTION vendor_channel_policies_refresh_experiment_summary();
--> statement-breakpoint
CREATE TRIGGER vendor_channel_policies_summary_delete AFTER DELETE ON vendor_channel_policies
  REFERENCING OLD TABLE AS old_policies FOR EACH STATEMENT EXECUTE FUNCTION vendor_channel_policies_refresh_experiment_summary();
--> statement-breakpoint
CREATE TRIGGER vendor_channel_policies_summary_truncate AFTER TRUNCATE ON vendor_channel_policies
  FOR EACH STATEMENT EXECUTE FUNCTION vendor_channel_policies_refresh_experiment_summary();
--> statement-breakpoint
CREATE TRIGGER model_benchmarks_used_best_insert AFTER INSERT ON model_benchmarks
  REFERENCING NEW TABLE AS new_scores FOR EACH STATEMENT EXECUTE FUNCTION model_benchmarks_refresh_used_best();
--> statement-breakpoint
CREATE TRIGGER model_benchmarks_used_best_update AFTER UPDATE ON model_benchmarks
  REFERENCING OLD TABLE AS old_scores NEW TABLE AS new_scores FOR EACH STATEMENT EXECUTE FUNCTION model_benchmarks_refresh_used_best();
--> statement-breakpoint
CREATE TRIGGER model_benchmarks_used_best_delete AFTER DELETE ON model_benchmarks
  REFERENCING OLD TABLE AS old_scores FOR EACH STATEMENT EXECUTE FUNCTION model_benchmarks_refresh_used_best();
--> statement-breakpoint
CREATE TRIGGER model_benchmarks_used_best_truncate AFTER TRUNCATE ON model_benchmarks
  FOR EACH STATEMENT EXECUTE FUNCTION model_benchmarks_refresh_used_best();
--> statement-breakpoint
CREATE TRIGGER benchmark_scores_used_best_insert AFTER INSERT ON benchmark_scores
  REFERENCING NEW TABLE AS new_scores FOR EACH STATEMENT EXECUTE FUNCTION benchmark_scores_refresh_used_best();
--> statement-breakpoint
CREATE TRIGGER benchmark_scores_used_best_update AFTER UPDATE ON benchmark_scores
  REFERENCING OLD TABLE AS old_scores NEW TABLE AS new_scores FOR EACH STATEMENT EXECUTE FUNCTION benchmark_scores_refresh_used_best();
--> statement-breakpoint
CREATE TRIGGER benchmark_scores_used_best_delete AFTER DELETE ON benchmark_scores
  REFERENCING OLD TABLE AS old_scores FOR EACH STATEMENT EXECUTE FUNCTION benchmark_scores_refresh_used_best();
--> statement-breakpoint
CREATE TRIGGER benchmark_scores_used_best_truncate AFTER TRUNCATE ON benchmark_scores
  FOR EACH STATEMENT EXECUTE FUNCTION benchmark_scores_refresh_used_best();
--> statement-breakpoint
CREATE TRIGGER experiments_model_summary_guard
  BEFORE INSERT OR UPDATE OF model_count, primary_vendor, uses_training_model ON experiments
  FOR EACH ROW EXECUTE FUNCTION experiments_guard_model_summary();
--> statement-breakpoint
CREATE TRIGGER experiments_used_best_guard
  BEFORE INSERT OR UPDATE OF used_best_score, blocker_benchmark ON experiments
  FOR EACH ROW EXECUTE FUNCTION experiments_guard_used_best();
