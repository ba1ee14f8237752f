-- Historic body, ran once: the live functions and triggers are in db/derived/ (README.md there).
CREATE TABLE "model_usage" (
	"team_id" integer NOT NULL,
	"model_id" integer NOT NULL,
	"experiments" integer NOT NULL,
	CONSTRAINT "model_usage_team_id_model_id_pk" PRIMARY KEY("team_id","model_id")
);
--> statement-breakpoint
ALTER TABLE "model_usage" ADD CONSTRAINT "model_usage_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_usage" ADD CONSTRAINT "model_usage_model_id_ai_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."ai_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- model_usage stays equal to: select e.team_id, em.model_id, count(*) from experiment_models em join
-- experiments e on e.id = em.experiment_id where e.archived_at is null group by 1, 2 (no zero rows).
-- Triggers are per statement with transition tables, so a bulk insert or a restore adjusts once.
CREATE FUNCTION model_usage_apply(delta jsonb) RETURNS void AS $$
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
CREATE FUNCTION model_usage_links_inserted() RETURNS trigger AS $$
BEGIN
  PERFORM model_usage_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('t', e.team_id, 'm', l.model_id, 'n', 1))
    FROM new_links l JOIN experiments e ON e.id = l.experiment_id WHERE e.archived_at IS NULL), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A link removed because its experiment is deleted finds no experiment here: model_usage_experiment_deleted counted it.
CREATE FUNCTION model_usage_links_deleted() RETURNS trigger AS $$
BEGIN
  PERFORM model_usage_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('t', e.team_id, 'm', l.model_id, 'n', -1))
    FROM old_links l JOIN experiments e ON e.id = l.experiment_id WHERE e.archived_at IS NULL), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION model_usage_links_updated() RETURNS trigger AS $$
BEGIN
  PERFORM model_usage_apply(coalesce((SELECT jsonb_agg(x) FROM (
    SELECT jsonb_build_object('t', e.team_id, 'm', l.model_id, 'n', -1) AS x
      FROM old_links l JOIN experiments e ON e.id = l.experiment_id WHERE e.archived_at IS NULL
    UNION ALL
    SELECT jsonb_build_object('t', e.team_id, 'm', l.model_id, 'n', 1)
      FROM new_links l JOIN experiments e ON e.id = l.experiment_id WHERE e.archived_at IS NULL) s), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- An experiment moved to another team, archived or restored moves its links' counts.
CREATE FUNCTION model_usage_experiments_updated() RETURNS trigger AS $$
BEGIN
  PERFORM model_usage_apply(coalesce((SELECT jsonb_agg(x) FROM (
    SELECT jsonb_build_object('t', o.team_id, 'm', l.model_id, 'n', -1) AS x
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN experiment_models l ON l.experiment_id = o.id
      WHERE o.archived_at IS NULL AND (o.team_id <> n.team_id OR n.archived_at IS NOT NULL)
    UNION ALL
    SELECT jsonb_build_object('t', n.team_id, 'm', l.model_id, 'n', 1)
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN experiment_models l ON l.experiment_id = n.id
      WHERE n.archived_at IS NULL AND (o.team_id <> n.team_id OR o.archived_at IS NOT NULL)) s), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Before the delete cascades to the links (they are gone by the time a statement trigger could look).
CREATE FUNCTION model_usage_experiment_deleted() RETURNS trigger AS $$
BEGIN
  IF OLD.archived_at IS NULL THEN
    PERFORM model_usage_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('t', OLD.team_id, 'm', l.model_id, 'n', -1))
      FROM experiment_models l WHERE l.experiment_id = OLD.id), '[]'));
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
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
--> statement-breakpoint
-- Existing data.
INSERT INTO model_usage (team_id, model_id, experiments)
  SELECT e.team_id, l.model_id, count(*)::int FROM experiment_models l JOIN experiments e ON e.id = l.experiment_id
  WHERE e.archived_at IS NULL GROUP BY 1, 2;
