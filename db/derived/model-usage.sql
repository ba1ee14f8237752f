-- model_usage(team_id, model_id, experiments) stays equal to: select e.team_id, em.model_id, count(*)
-- from experiment_models em join experiments e on e.id = em.experiment_id where e.archived_at is null
-- group by 1, 2 (no zero rows). The catalog and the dashboard's model usage read it.
-- Triggers are per statement with transition tables, so a bulk insert or a restore adjusts once. The
-- app role may only read model_usage (db/roles.ts): the trigger functions run with the owner's rights.
CREATE OR REPLACE FUNCTION model_usage_apply(delta jsonb) RETURNS void AS $$
BEGIN
  WITH d AS (
    SELECT (x->>'t')::int AS team_id, (x->>'m')::int AS model_id, sum((x->>'n')::int)::int AS n
    FROM jsonb_array_elements(delta) x GROUP BY 1, 2 HAVING sum((x->>'n')::int) <> 0
  )
  INSERT INTO model_usage AS u (team_id, model_id, experiments) SELECT team_id, model_id, n FROM d
  ON CONFLICT (team_id, model_id) DO UPDATE SET experiments = u.experiments + excluded.experiments;
  DELETE FROM model_usage WHERE experiments <= 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION model_usage_links_inserted() RETURNS trigger AS $$
BEGIN
  PERFORM model_usage_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('t', e.team_id, 'm', l.model_id, 'n', 1))
    FROM new_links l JOIN experiments e ON e.id = l.experiment_id WHERE e.archived_at IS NULL), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
-- A link removed because its experiment is deleted finds no experiment here: model_usage_experiment_deleted counted it.
CREATE OR REPLACE FUNCTION model_usage_links_deleted() RETURNS trigger AS $$
BEGIN
  PERFORM model_usage_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('t', e.team_id, 'm', l.model_id, 'n', -1))
    FROM old_links l JOIN experiments e ON e.id = l.experiment_id WHERE e.archived_at IS NULL), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION model_usage_links_updated() RETURNS trigger AS $$
BEGIN
  PERFORM model_usage_apply(coalesce((SELECT jsonb_agg(x) FROM (
    SELECT jsonb_build_object('t', e.team_id, 'm', l.model_id, 'n', -1) AS x
      FROM old_links l JOIN experiments e ON e.id = l.experiment_id WHERE e.archived_at IS NULL
    UNION ALL
    SELECT jsonb_build_object('t', e.team_id, 'm', l.model_id, 'n', 1)
      FROM new_links l JOIN experiments e ON e.id = l.experiment_id WHERE e.archived_at IS NULL) s), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
-- An experiment moved to another team, archived or restored moves its links' counts. The join of the
-- statement's old and new rows runs through EXECUTE: a static statement keeps the plan of its first run
-- in the session, and a plan made for a one-row transition table (a nested loop) makes the next bulk
-- statement on that connection compare every old row with every new one (tests/trigger-bulk-after-small.test.ts).
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
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
-- Before the delete cascades to the links (they are gone by the time a statement trigger could look).
CREATE OR REPLACE FUNCTION model_usage_experiment_deleted() RETURNS trigger AS $$
BEGIN
  IF OLD.archived_at IS NULL THEN
    PERFORM model_usage_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('t', OLD.team_id, 'm', l.model_id, 'n', -1))
      FROM experiment_models l WHERE l.experiment_id = OLD.id), '[]'));
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
-- Nobody but the triggers may run these (a trigger fires its function without the privilege).
REVOKE EXECUTE ON FUNCTION model_usage_apply(jsonb), model_usage_links_inserted(), model_usage_links_deleted(),
  model_usage_links_updated(), model_usage_experiments_updated(), model_usage_experiment_deleted() FROM PUBLIC;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_usage_links_inserted ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_usage_links_deleted ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_usage_links_updated ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_usage_experiments_updated ON experiments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS model_usage_experiment_deleted ON experiments;
--> statement-breakpoint
-- Recomputed from the raw rows (the triggers are off, and this is one transaction).
DELETE FROM model_usage;
--> statement-breakpoint
INSERT INTO model_usage (team_id, model_id, experiments)
  SELECT e.team_id, l.model_id, count(*)::int FROM experiment_models l JOIN experiments e ON e.id = l.experiment_id
  WHERE e.archived_at IS NULL GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER model_usage_links_inserted AFTER INSERT ON experiment_models
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION model_usage_links_inserted();
--> statement-breakpoint
CREATE TRIGGER model_usage_links_deleted AFTER DELETE ON experiment_models
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION model_usage_links_deleted();
--> statement-breakpoint
CREATE TRIGGER model_usage_links_updated AFTER UPDATE ON experiment_models
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION model_usage_links_updated();
--> statement-breakpoint
CREATE TRIGGER model_usage_experiments_updated AFTER UPDATE ON experiments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION model_usage_experiments_updated();
--> statement-breakpoint
CREATE TRIGGER model_usage_experiment_deleted BEFORE DELETE ON experiments
  FOR EACH ROW EXECUTE FUNCTION model_usage_experiment_deleted();
