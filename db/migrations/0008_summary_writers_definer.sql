-- Historic body, ran once: the live functions and triggers are in db/derived/ (README.md there).
-- hand-written below: keep when renumbering
-- The summary tables (model_usage, insights_rollup, data_version) are written only by triggers. When
-- the app connects as a role of its own (DATABASE_URL) and migrations as the owner
-- (UPLIFT_MIGRATE_DATABASE_URL), the app role may only read them (db/roles.ts), so the trigger functions
-- that write them run with their owner's rights. Their search path is fixed, and nobody else may execute
-- them or the helpers that take arbitrary figures (a trigger fires its function without that privilege;
-- only attaching the function to a table of one's own, such as a temporary table, needs it).
-- With a single database role (PGlite, or one PostgreSQL user for both) nothing changes.
ALTER FUNCTION data_version_bump() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION data_version_bump_truncate() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION model_usage_links_inserted() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION model_usage_links_deleted() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION model_usage_links_updated() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION model_usage_experiments_updated() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION model_usage_experiment_deleted() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION insights_rollup_refresh() SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION data_version_bump(), data_version_bump_truncate(), model_usage_links_inserted(),
  model_usage_links_deleted(), model_usage_links_updated(), model_usage_experiments_updated(),
  model_usage_experiment_deleted(), insights_rollup_refresh(), model_usage_apply(jsonb),
  insights_rollup_apply(experiments[], experiments[]) FROM PUBLIC;
--> statement-breakpoint
-- A change of an experiment's blocker benchmark waits for a score write in progress by locking the
-- version row, which needs the right to update it: that one lock is taken with the owner's rights.
-- It only waits, so anyone may call it.
CREATE FUNCTION data_version_lock() RETURNS void AS $$
BEGIN
  PERFORM 1 FROM data_version WHERE id = 1 FOR UPDATE;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION experiments_guard_used_best() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.used_best_score := NULL;
  ELSIF NEW.blocker_benchmark IS DISTINCT FROM OLD.blocker_benchmark THEN
    -- Wait for a score write in progress (it holds the version row) so the scores read below include it.
    PERFORM data_version_lock();
    NEW.used_best_score := (SELECT max(b.score) FROM experiment_models em
      JOIN model_benchmarks b ON b.model_id = em.model_id AND b.benchmark = NEW.blocker_benchmark
      WHERE em.experiment_id = NEW.id);
  ELSIF pg_trigger_depth() = 1 THEN
    NEW.used_best_score := OLD.used_best_score;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
