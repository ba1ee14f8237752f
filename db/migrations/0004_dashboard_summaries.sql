-- Historic body, ran once: the live functions and triggers are in db/derived/ (README.md there).
DROP INDEX "checkins_experiment_date_idx";--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "checkin_hours_saved_per_month" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "checkin_spend_monthly_cents" integer;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "checkin_quality_after" smallint;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "current_hours_saved_per_month" numeric(14, 2) GENERATED ALWAYS AS (coalesce(checkin_hours_saved_per_month, (hours_before_per_task - hours_with_ai_per_task) * tasks_per_month, 0)) STORED;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "current_spend_monthly_cents" integer GENERATED ALWAYS AS (coalesce(checkin_spend_monthly_cents, spend_monthly_cents, 0)) STORED;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "current_quality_after" smallint GENERATED ALWAYS AS (coalesce(checkin_quality_after, quality_after)) STORED;--> statement-breakpoint
ALTER TABLE "capability_outcomes" ADD COLUMN "team_id" integer;--> statement-breakpoint
ALTER TABLE "capability_outcomes" ADD COLUMN "work_type" text;--> statement-breakpoint
ALTER TABLE "capability_outcomes" ADD COLUMN "experiment_archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "experiments_end_idx" ON "experiments" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "experiments_one_off_date_idx" ON "experiments" USING btree ("spend_one_off_date");--> statement-breakpoint
CREATE INDEX "experiments_blocked_idx" ON "experiments" USING btree ("end_date") WHERE "experiments"."blocked_by_model";--> statement-breakpoint
CREATE INDEX "experiments_retest_of_idx" ON "experiments" USING btree ("retest_of_id") WHERE "experiments"."retest_of_id" is not null;--> statement-breakpoint
CREATE INDEX "experiments_archived_idx" ON "experiments" USING btree ("id") WHERE "experiments"."archived_at" is not null;--> statement-breakpoint
CREATE INDEX "capability_outcomes_top_idx" ON "capability_outcomes" USING btree ("impact","recorded_on","id");--> statement-breakpoint
CREATE INDEX "checkins_experiment_date_id_idx" ON "checkins" USING btree ("experiment_id","date","id");--> statement-breakpoint
-- Hand-written below: the checkin_* columns hold each experiment's latest check-in figures (latest by
-- date, then id, among the check-ins that carry the figure) so the dashboard reads current_* instead of
-- a subquery per experiment. Only the database writes them: triggers on checkins, per statement.
CREATE OR REPLACE FUNCTION experiments_refresh_checkin_summary(ids integer[]) RETURNS void AS $$
  UPDATE experiments e SET
    checkin_hours_saved_per_month = s.hours,
    checkin_spend_monthly_cents = s.spend,
    checkin_quality_after = s.quality
  FROM (
    SELECT x.id,
      (SELECT c.hours_saved_per_month FROM checkins c WHERE c.experiment_id = x.id AND c.hours_saved_per_month IS NOT NULL
        ORDER BY c.date DESC, c.id DESC LIMIT 1) AS hours,
      (SELECT c.spend_monthly_cents FROM checkins c WHERE c.experiment_id = x.id AND c.spend_monthly_cents IS NOT NULL
        ORDER BY c.date DESC, c.id DESC LIMIT 1) AS spend,
      (SELECT c.quality_after FROM checkins c WHERE c.experiment_id = x.id AND c.quality_after IS NOT NULL
        ORDER BY c.date DESC, c.id DESC LIMIT 1) AS quality
    FROM (SELECT DISTINCT unnest(ids) AS id) x
  ) s
  WHERE e.id = s.id
    AND (e.checkin_hours_saved_per_month IS DISTINCT FROM s.hours
      OR e.checkin_spend_monthly_cents IS DISTINCT FROM s.spend
      OR e.checkin_quality_after IS DISTINCT FROM s.quality);
$$ LANGUAGE sql;
--> statement-breakpoint
-- Backfill before the guard below exists (it would keep the old values of a direct UPDATE).
SELECT experiments_refresh_checkin_summary(array(SELECT DISTINCT experiment_id FROM checkins));
--> statement-breakpoint
-- One function for the three events: each trigger names only the transition tables it has.
CREATE OR REPLACE FUNCTION checkins_refresh_summary() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM experiments_refresh_checkin_summary(array(SELECT experiment_id FROM new_checkins));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM experiments_refresh_checkin_summary(array(
      SELECT experiment_id FROM new_checkins UNION SELECT experiment_id FROM old_checkins));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM experiments_refresh_checkin_summary(array(SELECT experiment_id FROM old_checkins));
  ELSE -- TRUNCATE: no check-ins left anywhere
    UPDATE experiments SET checkin_hours_saved_per_month = NULL, checkin_spend_monthly_cents = NULL, checkin_quality_after = NULL
    WHERE checkin_hours_saved_per_month IS NOT NULL OR checkin_spend_monthly_cents IS NOT NULL OR checkin_quality_after IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER checkins_summary_insert AFTER INSERT ON checkins
  REFERENCING NEW TABLE AS new_checkins FOR EACH STATEMENT EXECUTE FUNCTION checkins_refresh_summary();
--> statement-breakpoint
CREATE TRIGGER checkins_summary_update AFTER UPDATE ON checkins
  REFERENCING OLD TABLE AS old_checkins NEW TABLE AS new_checkins FOR EACH STATEMENT EXECUTE FUNCTION checkins_refresh_summary();
--> statement-breakpoint
CREATE TRIGGER checkins_summary_delete AFTER DELETE ON checkins
  REFERENCING OLD TABLE AS old_checkins FOR EACH STATEMENT EXECUTE FUNCTION checkins_refresh_summary();
--> statement-breakpoint
CREATE TRIGGER checkins_summary_truncate AFTER TRUNCATE ON checkins
  FOR EACH STATEMENT EXECUTE FUNCTION checkins_refresh_summary();
--> statement-breakpoint
-- A new experiment has no check-ins yet, whatever a restore or import carries; a direct UPDATE keeps
-- the summary (only the trigger above, one level down, may change it).
CREATE OR REPLACE FUNCTION experiments_guard_checkin_summary() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.checkin_hours_saved_per_month := NULL;
    NEW.checkin_spend_monthly_cents := NULL;
    NEW.checkin_quality_after := NULL;
  ELSIF pg_trigger_depth() = 1 THEN
    NEW.checkin_hours_saved_per_month := OLD.checkin_hours_saved_per_month;
    NEW.checkin_spend_monthly_cents := OLD.checkin_spend_monthly_cents;
    NEW.checkin_quality_after := OLD.checkin_quality_after;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER experiments_checkin_summary_guard
  BEFORE INSERT OR UPDATE OF checkin_hours_saved_per_month, checkin_spend_monthly_cents, checkin_quality_after ON experiments
  FOR EACH ROW EXECUTE FUNCTION experiments_guard_checkin_summary();

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
