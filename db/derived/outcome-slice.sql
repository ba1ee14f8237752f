-- capability_outcomes.team_id, work_type and experiment_archived copy their experiment's (the slice the
-- dashboard filters outcomes by), kept by the database so they always equal the experiment's.
-- Any insert or change of an outcome's experiment (or of the copies themselves) reads them from the experiment.
CREATE OR REPLACE FUNCTION capability_outcomes_copy_slice() RETURNS trigger AS $$
BEGIN
  SELECT e.team_id, e.work_type, e.archived_at IS NOT NULL INTO NEW.team_id, NEW.work_type, NEW.experiment_archived
  FROM experiments e WHERE e.id = NEW.experiment_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- An experiment moved to another team, given another work type, archived or restored: its outcomes
-- follow, in one statement per experiments statement (a statement per experiment ran the outcome
-- table's statement triggers each time: a bulk move took seconds). A trigger with transition tables
-- cannot name columns, so it picks the rows whose slice changed itself; the join runs through EXECUTE
-- (see model-usage.sql on plans kept from a one-row run).
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
DROP TRIGGER IF EXISTS capability_outcomes_slice_copy ON capability_outcomes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS experiments_slice_to_outcomes ON experiments;
--> statement-breakpoint
-- Recomputed from the raw rows.
UPDATE capability_outcomes o SET team_id = e.team_id, work_type = e.work_type, experiment_archived = e.archived_at IS NOT NULL
FROM experiments e WHERE e.id = o.experiment_id
  AND (o.team_id, o.work_type, o.experiment_archived) IS DISTINCT FROM (e.team_id, e.work_type, e.archived_at IS NOT NULL);
--> statement-breakpoint
CREATE TRIGGER capability_outcomes_slice_copy
  BEFORE INSERT OR UPDATE OF experiment_id, team_id, work_type, experiment_archived ON capability_outcomes
  FOR EACH ROW EXECUTE FUNCTION capability_outcomes_copy_slice();
--> statement-breakpoint
CREATE TRIGGER experiments_slice_to_outcomes AFTER UPDATE ON experiments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION experiments_push_slice_to_outcomes();
