ALTER TABLE "experiments" ADD COLUMN "model_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "primary_vendor" text;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "uses_training_model" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-written below: model_count, primary_vendor and uses_training_model sum up each experiment's
-- models (primary first, then by name, as the Insights page attributes an experiment to a vendor) so
-- the insights summary groups experiments without joining their models. Only the database writes
-- them: triggers on experiment_models and ai_models, per statement.
CREATE OR REPLACE FUNCTION experiments_refresh_model_summary(ids integer[]) RETURNS void AS $$
  UPDATE experiments e SET
    model_count = s.n,
    primary_vendor = s.vendor,
    uses_training_model = s.training
  FROM (
    SELECT x.id,
      count(em.model_id)::int AS n,
      (array_agg(m.vendor ORDER BY em.is_primary DESC, m.name) FILTER (WHERE em.model_id IS NOT NULL))[1] AS vendor,
      coalesce(bool_or(m.data_policy IN ('trains', 'unknown')), false) AS training
    FROM (SELECT DISTINCT unnest(ids) AS id) x
    LEFT JOIN experiment_models em ON em.experiment_id = x.id
    LEFT JOIN ai_models m ON m.id = em.model_id
    GROUP BY x.id
  ) s
  WHERE e.id = s.id
    AND (e.model_count IS DISTINCT FROM s.n
      OR e.primary_vendor IS DISTINCT FROM s.vendor
      OR e.uses_training_model IS DISTINCT FROM s.training);
$$ LANGUAGE sql;
--> statement-breakpoint
-- Backfill before the guard below exists (it would keep the old values of a direct UPDATE).
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
    UPDATE experiments SET model_count = 0, primary_vendor = NULL, uses_training_model = false
    WHERE model_count <> 0 OR primary_vendor IS NOT NULL OR uses_training_model;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
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
-- A model renamed, moved to another vendor or given another data policy: its experiments follow.
-- (Transition tables and a column list cannot go together, so the function picks the changed rows.)
CREATE OR REPLACE FUNCTION ai_models_refresh_experiment_summary() RETURNS trigger AS $$
BEGIN
  PERFORM experiments_refresh_model_summary(array(
    SELECT em.experiment_id FROM experiment_models em
    JOIN old_ai_models o ON o.id = em.model_id
    JOIN new_ai_models n ON n.id = o.id
    WHERE o.vendor IS DISTINCT FROM n.vendor OR o.name IS DISTINCT FROM n.name OR o.data_policy IS DISTINCT FROM n.data_policy));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ai_models_experiment_summary AFTER UPDATE ON ai_models
  REFERENCING OLD TABLE AS old_ai_models NEW TABLE AS new_ai_models FOR EACH STATEMENT EXECUTE FUNCTION ai_models_refresh_experiment_summary();
--> statement-breakpoint
-- A new experiment has no models yet, whatever a restore or import carries; a direct UPDATE keeps the
-- summary (only the triggers above, one level down, may change it).
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
CREATE TRIGGER experiments_model_summary_guard
  BEFORE INSERT OR UPDATE OF model_count, primary_vendor, uses_training_model ON experiments
  FOR EACH ROW EXECUTE FUNCTION experiments_guard_model_summary();
