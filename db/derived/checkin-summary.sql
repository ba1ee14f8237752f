-- experiments.checkin_hours_saved_per_month, checkin_spend_monthly_cents and checkin_quality_after hold
-- each experiment's latest check-in figures (latest by date, then id, among the check-ins that carry
-- the figure), so the dashboard reads the generated current_* columns instead of a subquery per
-- experiment. Only the triggers here write them: per statement on checkins, and a guard on experiments.
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
-- One function for the four events: each trigger names only the transition tables it has.
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
-- A new experiment has no check-ins yet, whatever a restore or import carries; a direct UPDATE keeps
-- the summary (only the triggers above, one level down, may change it).
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
DROP TRIGGER IF EXISTS checkins_summary_insert ON checkins;
--> statement-breakpoint
DROP TRIGGER IF EXISTS checkins_summary_update ON checkins;
--> statement-breakpoint
DROP TRIGGER IF EXISTS checkins_summary_delete ON checkins;
--> statement-breakpoint
DROP TRIGGER IF EXISTS checkins_summary_truncate ON checkins;
--> statement-breakpoint
DROP TRIGGER IF EXISTS experiments_checkin_summary_guard ON experiments;
--> statement-breakpoint
-- Recomputed from the raw rows while the guard is off (it would keep the old values of a direct UPDATE).
SELECT experiments_refresh_checkin_summary(array(SELECT id FROM experiments));
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
CREATE TRIGGER experiments_checkin_summary_guard
  BEFORE INSERT OR UPDATE OF checkin_hours_saved_per_month, checkin_spend_monthly_cents, checkin_quality_after ON experiments
  FOR EACH ROW EXECUTE FUNCTION experiments_guard_checkin_summary();
