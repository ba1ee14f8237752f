ALTER TABLE "capability_outcomes" ADD COLUMN "team_id" integer;--> statement-breakpoint
ALTER TABLE "capability_outcomes" ADD COLUMN "work_type" text;--> statement-breakpoint
ALTER TABLE "capability_outcomes" ADD COLUMN "experiment_archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "experiments_blocked_idx" ON "experiments" USING btree ("end_date") WHERE "experiments"."blocked_by_model";--> statement-breakpoint
CREATE INDEX "experiments_retest_of_idx" ON "experiments" USING btree ("retest_of_id") WHERE "experiments"."retest_of_id" is not null;--> statement-breakpoint
CREATE INDEX "experiments_archived_idx" ON "experiments" USING btree ("id") WHERE "experiments"."archived_at" is not null;--> statement-breakpoint
CREATE INDEX "capability_outcomes_top_idx" ON "capability_outcomes" USING btree ("impact","recorded_on","id");
--> statement-breakpoint
-- Hand-written below: each outcome carries its experiment's team, work type and archived flag (the
-- dashboard slice), kept by the database so they always equal the experiment's.
UPDATE capability_outcomes o SET team_id = e.team_id, work_type = e.work_type, experiment_archived = e.archived_at IS NOT NULL
FROM experiments e WHERE e.id = o.experiment_id;
--> statement-breakpoint
-- Any insert or change of an outcome's experiment (or of the copies themselves) reads them from the experiment.
CREATE OR REPLACE FUNCTION capability_outcomes_copy_slice() RETURNS trigger AS $$
BEGIN
  SELECT e.team_id, e.work_type, e.archived_at IS NOT NULL INTO NEW.team_id, NEW.work_type, NEW.experiment_archived
  FROM experiments e WHERE e.id = NEW.experiment_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER capability_outcomes_slice_copy
  BEFORE INSERT OR UPDATE OF experiment_id, team_id, work_type, experiment_archived ON capability_outcomes
  FOR EACH ROW EXECUTE FUNCTION capability_outcomes_copy_slice();
--> statement-breakpoint
-- An experiment moved to another team, given another work type, archived or restored: its outcomes follow.
CREATE OR REPLACE FUNCTION experiments_push_slice_to_outcomes() RETURNS trigger AS $$
BEGIN
  UPDATE capability_outcomes SET team_id = NEW.team_id WHERE experiment_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER experiments_slice_to_outcomes
  AFTER UPDATE OF team_id, work_type, archived_at ON experiments
  FOR EACH ROW
  WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.work_type IS DISTINCT FROM NEW.work_type
    OR (OLD.archived_at IS NULL) IS DISTINCT FROM (NEW.archived_at IS NULL))
  EXECUTE FUNCTION experiments_push_slice_to_outcomes();
