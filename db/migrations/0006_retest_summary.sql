-- Historic body, ran once: the live functions and triggers are in db/derived/ (README.md there).
ALTER TABLE "experiments" ADD COLUMN "used_best_score" numeric(5, 1);--> statement-breakpoint
-- Hand-written below: used_best_score is the best score of an experiment's models on its blocker
-- benchmark, so the re-test radar compares each newer model against one stored figure instead of
-- looking up every used model's score per blocked experiment. Only the database writes it: the model
-- summary of 0005 (links, on experiment_models) now computes it too, model_benchmarks gets triggers,
-- and a guard on experiments recomputes it when the blocker benchmark changes.
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
      coalesce(bool_or(m.data_policy IN ('trains', 'unknown')), false) AS training,
      max(b.score) AS best
    FROM (SELECT DISTINCT unnest(ids) AS id) x
    JOIN experiments ex ON ex.id = x.id
    LEFT JOIN experiment_models em ON em.experiment_id = x.id
    LEFT JOIN ai_models m ON m.id = em.model_id
    LEFT JOIN model_benchmarks b ON b.model_id = em.model_id AND b.benchmark = ex.blocker_benchmark
    GROUP BY x.id
  ) s
  WHERE e.id = s.id
    AND (e.model_count IS DISTINCT FROM s.n
      OR e.primary_vendor IS DISTINCT FROM s.vendor
      OR e.uses_training_model IS DISTINCT FROM s.training
      OR e.used_best_score IS DISTINCT FROM s.best);
$$ LANGUAGE sql;
--> statement-breakpoint
-- Backfill before the guard below exists (it would keep the old value of a direct UPDATE).
SELECT experiments_refresh_model_summary(array(SELECT DISTINCT experiment_id FROM experiment_models));
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
  ELSE -- TRUNCATE: no model has a score left
    UPDATE experiments SET used_best_score = NULL WHERE used_best_score IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
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
-- A new experiment has no models yet; another blocker benchmark means other scores; otherwise a direct
-- UPDATE keeps the stored score (only the triggers above, one level down, may change it).
CREATE OR REPLACE FUNCTION experiments_guard_used_best() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.used_best_score := NULL;
  ELSIF NEW.blocker_benchmark IS DISTINCT FROM OLD.blocker_benchmark THEN
    -- Wait for a score write in progress (it holds the version row) so the scores read below include it.
    PERFORM 1 FROM data_version WHERE id = 1 FOR UPDATE;
    NEW.used_best_score := (SELECT max(b.score) FROM experiment_models em
      JOIN model_benchmarks b ON b.model_id = em.model_id AND b.benchmark = NEW.blocker_benchmark
      WHERE em.experiment_id = NEW.id);
  ELSIF pg_trigger_depth() = 1 THEN
    NEW.used_best_score := OLD.used_best_score;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER experiments_used_best_guard
  BEFORE INSERT OR UPDATE OF used_best_score, blocker_benchmark ON experiments
  FOR EACH ROW EXECUTE FUNCTION experiments_guard_used_best();
--> statement-breakpoint
-- Joins of a statement's old and new rows run through EXECUTE from here on. A static statement in a
-- trigger function keeps the plan of its first run in the session; made for a one-row transition
-- table, that plan is a nested loop, and the next bulk statement on the same connection (an import,
-- a restore, a model's links) then compares every old row with every new one: 17 s instead of 76 ms
-- for 20,000 rows (measured). EXECUTE plans each run for the rows it has.
CREATE OR REPLACE FUNCTION model_usage_experiments_updated() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
    RETURN NULL;
  END IF;
  EXECUTE $q$SELECT model_usage_apply(coalesce((SELECT jsonb_agg(x) FROM (
    SELECT jsonb_build_object('t', o.team_id, 'm', l.model_id, 'n', -1) AS x
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN experiment_models l ON l.experiment_id = o.id
      WHERE o.archived_at IS NULL AND (o.team_id <> n.team_id OR n.archived_at IS NOT NULL)
    UNION ALL
    SELECT jsonb_build_object('t', n.team_id, 'm', l.model_id, 'n', 1)
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN experiment_models l ON l.experiment_id = n.id
      WHERE n.archived_at IS NULL AND (o.team_id <> n.team_id OR o.archived_at IS NOT NULL)) s), '[]'))$q$;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
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
CREATE OR REPLACE FUNCTION capability_outcomes_refresh_count() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM experiments_refresh_outcome_count(array(SELECT experiment_id FROM new_outcomes));
  ELSIF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM new_outcomes) THEN
      EXECUTE $q$SELECT experiments_refresh_outcome_count(array(
        SELECT n.experiment_id FROM new_outcomes n JOIN old_outcomes o ON o.id = n.id WHERE o.experiment_id <> n.experiment_id
        UNION SELECT o.experiment_id FROM new_outcomes n JOIN old_outcomes o ON o.id = n.id WHERE o.experiment_id <> n.experiment_id))$q$;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM experiments_refresh_outcome_count(array(SELECT experiment_id FROM old_outcomes));
  ELSE -- TRUNCATE
    UPDATE experiments SET outcome_count = 0 WHERE outcome_count <> 0;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION insights_rollup_refresh() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM insights_rollup_apply(array(SELECT n::experiments FROM new_rows n WHERE n.archived_at IS NULL), '{}'::experiments[]);
  ELSIF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM new_rows) THEN
      EXECUTE $q$SELECT insights_rollup_apply(
        array(SELECT n::experiments FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.archived_at IS NULL
          AND (o.archived_at IS NOT NULL OR (o.team_id, o.start_date, o.created_at, o.mindset, o.primary_vendor, o.status, o.model_count >= 2)
            IS DISTINCT FROM (n.team_id, n.start_date, n.created_at, n.mindset, n.primary_vendor, n.status, n.model_count >= 2))),
        array(SELECT o::experiments FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.archived_at IS NULL
          AND (n.archived_at IS NOT NULL OR (o.team_id, o.start_date, o.created_at, o.mindset, o.primary_vendor, o.status, o.model_count >= 2)
            IS DISTINCT FROM (n.team_id, n.start_date, n.created_at, n.mindset, n.primary_vendor, n.status, n.model_count >= 2))))$q$;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM insights_rollup_apply('{}'::experiments[], array(SELECT o::experiments FROM old_rows o WHERE o.archived_at IS NULL));
  ELSE -- TRUNCATE
    DELETE FROM insights_rollup;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The outcomes' copy of their experiment's slice (0004) followed each moved experiment with a statement
-- of its own, and every such statement ran the outcome table's statement triggers: a bulk move of
-- 20,000 experiments took 15 s (measured). One statement per experiments statement now. (A trigger
-- with transition tables cannot name columns, so it looks for the rows whose slice changed itself.)
DROP TRIGGER experiments_slice_to_outcomes ON experiments;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION experiments_push_slice_to_outcomes() RETURNS trigger AS $$
BEGIN
  -- A statement that changed no experiment (a trigger's empty update) must not update outcomes, whose
  -- own triggers would update experiments again, without end.
  IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
    RETURN NULL;
  END IF;
  -- Touching the row is enough: capability_outcomes_slice_copy copies the slice from the experiment.
  EXECUTE $q$UPDATE capability_outcomes c SET team_id = n.team_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE c.experiment_id = n.id AND (o.team_id IS DISTINCT FROM n.team_id OR o.work_type IS DISTINCT FROM n.work_type
      OR (o.archived_at IS NULL) IS DISTINCT FROM (n.archived_at IS NULL))$q$;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER experiments_slice_to_outcomes AFTER UPDATE ON experiments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION experiments_push_slice_to_outcomes();
