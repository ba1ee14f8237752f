-- Historic body, ran once: the live functions and triggers are in db/derived/ (README.md there).
CREATE TABLE "data_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO data_version (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
ALTER TABLE data_version ADD CONSTRAINT data_version_single_row CHECK (id = 1);
--> statement-breakpoint
-- Only when a statement changed rows: a refused or empty write (0 rows) leaves the version, and the
-- remembered figures, alone.
CREATE FUNCTION data_version_bump() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION data_version_bump_truncate() RETURNS trigger AS $$
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Every table the dashboard, insights and catalog read (not sessions, logs or derived summaries).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['user', 'teams', 'team_members', 'org_settings', 'ai_models', 'model_prices', 'model_benchmarks',
                          'experiments', 'experiment_models', 'capability_outcomes', 'checkins'] LOOP
    EXECUTE format('CREATE TRIGGER data_version_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()', t);
    EXECUTE format('CREATE TRIGGER data_version_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()', t);
    EXECUTE format('CREATE TRIGGER data_version_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()', t);
    EXECUTE format('CREATE TRIGGER data_version_truncate AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_truncate()', t);
  END LOOP;
END;
$$;
