-- experiments.outcome_count: the experiment's capability outcomes (the "needs capability evidence" flag
-- and its partial index read it). Only the triggers here write it: per statement on capability_outcomes,
-- and a guard on experiments.
CREATE OR REPLACE FUNCTION experiments_refresh_outcome_count(ids integer[]) RETURNS void AS $$
  UPDATE experiments e SET outcome_count = s.n
  FROM (
    SELECT x.id, (SELECT count(*)::int FROM capability_outcomes o WHERE o.experiment_id = x.id) AS n
    FROM (SELECT DISTINCT unnest(ids) AS id) x
  ) s
  WHERE e.id = s.id AND e.outcome_count IS DISTINCT FROM s.n;
$$ LANGUAGE sql;
--> statement-breakpoint
-- The UPDATE join runs through EXECUTE (see model-usage.sql on plans kept from a one-row run).
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
-- A new experiment has no outcomes yet, whatever a restore or import carries; a direct UPDATE keeps the
-- count (only the triggers above, one level down, may change it).
CREATE OR REPLACE FUNCTION experiments_guard_outcome_count() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.outcome_count := 0;
  ELSIF pg_trigger_depth() = 1 THEN
    NEW.outcome_count := OLD.outcome_count;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS capability_outcomes_count_insert ON capability_outcomes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS capability_outcomes_count_update ON capability_outcomes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS capability_outcomes_count_delete ON capability_outcomes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS capability_outcomes_count_truncate ON capability_outcomes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS experiments_outcome_count_guard ON experiments;
--> statement-breakpoint
-- Recomputed from the raw rows while the guard is off.
SELECT experiments_refresh_outcome_count(array(SELECT id FROM experiments));
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
CREATE TRIGGER experiments_outcome_count_guard
  BEFORE INSERT OR UPDATE OF outcome_count ON experiments
  FOR EACH ROW EXECUTE FUNCTION experiments_guard_outcome_count();
