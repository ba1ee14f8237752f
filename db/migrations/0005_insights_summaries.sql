-- Historic body, ran once: the live functions and triggers are in db/derived/ (README.md there).
CREATE TABLE "insights_rollup" (
	"team_id" integer NOT NULL,
	"quarter" date NOT NULL,
	"mindset" text NOT NULL,
	"vendor" text NOT NULL,
	"experiments" integer NOT NULL,
	"completed" integer NOT NULL,
	"completed_multi_model" integer NOT NULL,
	CONSTRAINT "insights_rollup_team_id_quarter_mindset_vendor_pk" PRIMARY KEY("team_id","quarter","mindset","vendor")
);
--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "model_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "primary_vendor" text;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "uses_training_model" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "outcome_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "insights_rollup" ADD CONSTRAINT "insights_rollup_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiments_privacy_flag_idx" ON "experiments" USING btree ("team_id") WHERE "experiments"."data_sensitivity" in ('confidential', 'restricted') and "experiments"."privacy_mitigation" = '' and "experiments"."uses_training_model";--> statement-breakpoint
CREATE INDEX "experiments_need_evidence_idx" ON "experiments" USING btree ("end_date") WHERE "experiments"."status" = 'completed' and "experiments"."outcome_count" = 0 and ("experiments"."hours_saved_per_month" is not null or "experiments"."spend_monthly_cents" is not null or "experiments"."spend_one_off_cents" is not null);--> statement-breakpoint
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
-- outcome_count: capability outcomes per experiment (the "needs capability evidence" flag reads it).
CREATE OR REPLACE FUNCTION experiments_refresh_outcome_count(ids integer[]) RETURNS void AS $$
  UPDATE experiments e SET outcome_count = s.n
  FROM (
    SELECT x.id, (SELECT count(*)::int FROM capability_outcomes o WHERE o.experiment_id = x.id) AS n
    FROM (SELECT DISTINCT unnest(ids) AS id) x
  ) s
  WHERE e.id = s.id AND e.outcome_count IS DISTINCT FROM s.n;
$$ LANGUAGE sql;
--> statement-breakpoint
SELECT experiments_refresh_outcome_count(array(SELECT DISTINCT experiment_id FROM capability_outcomes));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION capability_outcomes_refresh_count() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM experiments_refresh_outcome_count(array(SELECT experiment_id FROM new_outcomes));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM experiments_refresh_outcome_count(array(
      SELECT n.experiment_id FROM new_outcomes n JOIN old_outcomes o ON o.id = n.id WHERE o.experiment_id <> n.experiment_id
      UNION SELECT o.experiment_id FROM new_outcomes n JOIN old_outcomes o ON o.id = n.id WHERE o.experiment_id <> n.experiment_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM experiments_refresh_outcome_count(array(SELECT experiment_id FROM old_outcomes));
  ELSE -- TRUNCATE
    UPDATE experiments SET outcome_count = 0 WHERE outcome_count <> 0;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER capability_outcomes_count_insert AFTER INSERT ON capability_outcomes
  REFERENCING NEW TABLE AS new_outcomes FOR EACH STATEMENT EXECUTE FUNCTION capability_outcomes_refresh_count();
--> statement-breakpoint
CREATE TRIGGER capability_outcomes_count_update AFTER UPDATE ON capability_outcomes
  REFERENCING OLD TABLE AS old_outcomes NEW TABLE AS new_outcomes FOR EACH STATEMENT EXECUTE FUNCTION capability_outcomes_refresh_count();
--> statement-breakpoint
CREATE TRIGGER capability_outcomes_count_delete AFTER DELETE ON capability_outcomes
  REFERENCING OLD TABLE AS old_outcomes FOR EACH STATEMENT EXECUTE FUNCTION capability_outcomes_refresh_count();
--> statement-breakpoint
CREATE TRIGGER capability_outcomes_count_truncate AFTER TRUNCATE ON capability_outcomes
  FOR EACH STATEMENT EXECUTE FUNCTION capability_outcomes_refresh_count();
--> statement-breakpoint
-- A new experiment has no models or outcomes yet, whatever a restore or import carries; a direct UPDATE
-- keeps the summary (only the triggers here, one level down, may change it).
CREATE OR REPLACE FUNCTION experiments_guard_model_summary() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.model_count := 0;
    NEW.primary_vendor := NULL;
    NEW.uses_training_model := false;
    NEW.outcome_count := 0;
  ELSIF pg_trigger_depth() = 1 THEN
    NEW.model_count := OLD.model_count;
    NEW.primary_vendor := OLD.primary_vendor;
    NEW.uses_training_model := OLD.uses_training_model;
    NEW.outcome_count := OLD.outcome_count;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER experiments_model_summary_guard
  BEFORE INSERT OR UPDATE OF model_count, primary_vendor, uses_training_model, outcome_count ON experiments
  FOR EACH ROW EXECUTE FUNCTION experiments_guard_model_summary();
--> statement-breakpoint
-- insights_rollup stays equal to: select team_id, quarter, mindset, coalesce(primary_vendor, ''), count(*), ...
-- from experiments where archived_at is null group by 1, 2, 3, 4 (no zero rows). added/removed are the
-- experiments entering and leaving the count; keys are applied in order so concurrent writers lock alike.
CREATE OR REPLACE FUNCTION insights_rollup_apply(added experiments[], removed experiments[]) RETURNS void AS $$
BEGIN
  INSERT INTO insights_rollup AS r (team_id, quarter, mindset, vendor, experiments, completed, completed_multi_model)
  SELECT team_id, quarter, mindset, vendor, sum(sign)::int, sum(sign * completed)::int, sum(sign * multi)::int
  FROM (
    SELECT x.sign, x.team_id, date_trunc('quarter', coalesce(x.start_date, x.created_at::date)::timestamp)::date AS quarter,
      x.mindset, coalesce(x.primary_vendor, '') AS vendor, (x.status = 'completed')::int AS completed,
      (x.status = 'completed' AND x.model_count >= 2)::int AS multi
    FROM (SELECT 1 AS sign, a.* FROM unnest(added) a UNION ALL SELECT -1 AS sign, d.* FROM unnest(removed) d) x
  ) k
  GROUP BY team_id, quarter, mindset, vendor
  HAVING sum(sign) <> 0 OR sum(sign * completed) <> 0 OR sum(sign * multi) <> 0
  ORDER BY team_id, quarter, mindset, vendor
  ON CONFLICT (team_id, quarter, mindset, vendor) DO UPDATE SET
    experiments = r.experiments + excluded.experiments,
    completed = r.completed + excluded.completed,
    completed_multi_model = r.completed_multi_model + excluded.completed_multi_model;
  IF cardinality(removed) > 0 THEN
    DELETE FROM insights_rollup WHERE experiments = 0;
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- What the rollup reads of an experiment: an update that changes none of it (most do) costs nothing.
CREATE OR REPLACE FUNCTION insights_rollup_refresh() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM insights_rollup_apply(array(SELECT n::experiments FROM new_rows n WHERE n.archived_at IS NULL), '{}'::experiments[]);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM insights_rollup_apply(
      array(SELECT n::experiments FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.archived_at IS NULL
        AND (o.archived_at IS NOT NULL OR (o.team_id, o.start_date, o.created_at, o.mindset, o.primary_vendor, o.status, o.model_count >= 2)
          IS DISTINCT FROM (n.team_id, n.start_date, n.created_at, n.mindset, n.primary_vendor, n.status, n.model_count >= 2))),
      array(SELECT o::experiments FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.archived_at IS NULL
        AND (n.archived_at IS NOT NULL OR (o.team_id, o.start_date, o.created_at, o.mindset, o.primary_vendor, o.status, o.model_count >= 2)
          IS DISTINCT FROM (n.team_id, n.start_date, n.created_at, n.mindset, n.primary_vendor, n.status, n.model_count >= 2))));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM insights_rollup_apply('{}'::experiments[], array(SELECT o::experiments FROM old_rows o WHERE o.archived_at IS NULL));
  ELSE -- TRUNCATE
    DELETE FROM insights_rollup;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Named after data_version_* so, on every statement, the version row is locked before any rollup row.
CREATE TRIGGER insights_rollup_insert AFTER INSERT ON experiments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_rollup_refresh();
--> statement-breakpoint
CREATE TRIGGER insights_rollup_update AFTER UPDATE ON experiments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_rollup_refresh();
--> statement-breakpoint
CREATE TRIGGER insights_rollup_delete AFTER DELETE ON experiments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_rollup_refresh();
--> statement-breakpoint
CREATE TRIGGER insights_rollup_truncate AFTER TRUNCATE ON experiments
  FOR EACH STATEMENT EXECUTE FUNCTION insights_rollup_refresh();
--> statement-breakpoint
-- Existing data (after the model summaries above are filled in).
SELECT insights_rollup_apply(array(SELECT e FROM experiments e WHERE e.archived_at IS NULL), '{}'::experiments[]);
