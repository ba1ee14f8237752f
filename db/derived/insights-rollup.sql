-- insights_rollup(team_id, quarter, mindset ('not_set' for null), vendor, experiments, completed, completed_multi_model)
-- stays equal to: select team_id, first day of the fiscal quarter (org_settings.fiscal_year_start_month) of
-- coalesce(start_date, created_at's date in org_settings.time_zone), mindset,
-- coalesce(primary_vendor, ''), count(*), … from experiments where archived_at is null group by 1, 2, 3, 4
-- (no zero rows). The Insights page's counts read it. It reads primary_vendor and model_count, so it is
-- applied after model-summary.sql. The app role may only read it: the trigger function runs with the
-- owner's rights.
-- added/removed are the experiments entering and leaving the count; keys are applied in order so
-- concurrent writers lock alike.
CREATE OR REPLACE FUNCTION insights_rollup_apply(added experiments[], removed experiments[]) RETURNS void AS $$
DECLARE
  org_tz text := coalesce((SELECT s.time_zone FROM org_settings s WHERE s.id = 1), 'UTC');
  org_fy int := coalesce((SELECT s.fiscal_year_start_month FROM org_settings s WHERE s.id = 1), 1);
BEGIN
  INSERT INTO insights_rollup AS r (team_id, quarter, mindset, vendor, experiments, completed, completed_multi_model)
  SELECT team_id, quarter, mindset, vendor, sum(sign)::int, sum(sign * completed)::int, sum(sign * multi)::int
  FROM (
    SELECT x.sign, x.team_id, (date_trunc('quarter', coalesce(x.start_date, (x.created_at at time zone org_tz)::date)::timestamp - make_interval(months => org_fy - 1)) + make_interval(months => org_fy - 1))::date AS quarter,
      coalesce(x.mindset, 'not_set') AS mindset, coalesce(x.primary_vendor, '') AS vendor, (x.status = 'completed')::int AS completed,
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
-- The join of old and new rows runs through EXECUTE (see model-usage.sql on plans kept from a one-row run).
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
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
-- A new time zone or fiscal year start moves experiments between quarters: count them all again.
CREATE OR REPLACE FUNCTION insights_rollup_settings() RETURNS trigger AS $$
BEGIN
  DELETE FROM insights_rollup;
  PERFORM insights_rollup_apply(array(SELECT e FROM experiments e WHERE e.archived_at IS NULL), '{}'::experiments[]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
-- Nobody but the triggers may run these (a trigger fires its function without the privilege).
REVOKE EXECUTE ON FUNCTION insights_rollup_apply(experiments[], experiments[]), insights_rollup_refresh(), insights_rollup_settings() FROM PUBLIC;
--> statement-breakpoint
DROP TRIGGER IF EXISTS insights_rollup_insert ON experiments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS insights_rollup_update ON experiments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS insights_rollup_delete ON experiments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS insights_rollup_truncate ON experiments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS insights_rollup_settings ON org_settings;
--> statement-breakpoint
-- Recomputed from the raw rows.
DELETE FROM insights_rollup;
--> statement-breakpoint
SELECT insights_rollup_apply(array(SELECT e FROM experiments e WHERE e.archived_at IS NULL), '{}'::experiments[]);
--> statement-breakpoint
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
CREATE TRIGGER insights_rollup_settings AFTER UPDATE ON org_settings FOR EACH ROW
  WHEN (old.time_zone IS DISTINCT FROM new.time_zone OR old.fiscal_year_start_month IS DISTINCT FROM new.fiscal_year_start_month)
  EXECUTE FUNCTION insights_rollup_settings();
