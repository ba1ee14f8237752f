-- data_version: one counter every write to the tables the dashboard, insights and catalog read moves,
-- so cached figures (db/queries/data-version.ts) are recomputed exactly when the data changed.
--
-- Lock order (README.md): a write takes the data_version row FIRST, before any row it changes. The
-- BEFORE trigger below takes it at the start of every statement on these tables, before the statement
-- locks its own rows and before any summary trigger runs; write paths that lock rows with SELECT … FOR
-- UPDATE call lockDataVersion (db/queries/data-version.ts) before them. Writers therefore queue on one
-- row and never wait for each other in a circle.
--
-- The AFTER triggers bump the version only when a statement changed rows: a refused or empty write
-- leaves the version, and the remembered figures, alone.

-- The app role may read data_version, not lock it: this takes the lock with the owner's rights. It
-- only waits, so anyone may call it.
CREATE OR REPLACE FUNCTION data_version_lock() RETURNS void AS $$
BEGIN
  PERFORM 1 FROM data_version WHERE id = 1 FOR UPDATE;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
-- TRUNCATE has no transition table, so it bumps here (a TRUNCATE always counts as a change).
CREATE OR REPLACE FUNCTION data_version_before_write() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
  ELSE
    PERFORM 1 FROM data_version WHERE id = 1 FOR UPDATE;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION data_version_before_write(), data_version_bump() FROM PUBLIC;
--> statement-breakpoint
-- Retired: 0003's TRUNCATE bump (data_version_before_write bumps on TRUNCATE now).
DROP TRIGGER IF EXISTS data_version_truncate ON "user";
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_truncate ON teams;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_truncate ON team_members;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_truncate ON org_settings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_truncate ON ai_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_truncate ON model_prices;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_truncate ON model_benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_truncate ON experiments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_truncate ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_truncate ON capability_outcomes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_truncate ON checkins;
--> statement-breakpoint
DROP FUNCTION IF EXISTS data_version_bump_truncate();
--> statement-breakpoint
-- user
DROP TRIGGER IF EXISTS data_version_lock_first ON "user";
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON "user";
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON "user";
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON "user";
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON "user"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON "user"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON "user"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- teams
DROP TRIGGER IF EXISTS data_version_lock_first ON teams;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON teams;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON teams;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON teams;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON teams
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON teams
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON teams
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- team_members
DROP TRIGGER IF EXISTS data_version_lock_first ON team_members;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON team_members;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON team_members;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON team_members;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON team_members
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON team_members
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON team_members
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON team_members
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- org_settings
DROP TRIGGER IF EXISTS data_version_lock_first ON org_settings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON org_settings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON org_settings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON org_settings;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_settings
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON org_settings
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON org_settings
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON org_settings
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- ai_models
DROP TRIGGER IF EXISTS data_version_lock_first ON ai_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON ai_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON ai_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON ai_models;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ai_models
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON ai_models
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON ai_models
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON ai_models
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- vendor_channel_policies
DROP TRIGGER IF EXISTS data_version_lock_first ON vendor_channel_policies;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON vendor_channel_policies;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON vendor_channel_policies;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON vendor_channel_policies;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON vendor_channel_policies
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON vendor_channel_policies
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON vendor_channel_policies
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON vendor_channel_policies
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- model_prices
DROP TRIGGER IF EXISTS data_version_lock_first ON model_prices;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON model_prices;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON model_prices;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON model_prices;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON model_prices
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON model_prices
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON model_prices
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON model_prices
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- model_benchmarks
DROP TRIGGER IF EXISTS data_version_lock_first ON model_benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON model_benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON model_benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON model_benchmarks;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON model_benchmarks
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON model_benchmarks
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON model_benchmarks
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON model_benchmarks
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- experiments
DROP TRIGGER IF EXISTS data_version_lock_first ON experiments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON experiments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON experiments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON experiments;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON experiments
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON experiments
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON experiments
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON experiments
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- experiment_models
DROP TRIGGER IF EXISTS data_version_lock_first ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON experiment_models;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON experiment_models;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON experiment_models
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON experiment_models
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON experiment_models
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON experiment_models
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- capability_outcomes
DROP TRIGGER IF EXISTS data_version_lock_first ON capability_outcomes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON capability_outcomes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON capability_outcomes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON capability_outcomes;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON capability_outcomes
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON capability_outcomes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON capability_outcomes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON capability_outcomes
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- checkins
DROP TRIGGER IF EXISTS data_version_lock_first ON checkins;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON checkins;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON checkins;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON checkins;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON checkins
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON checkins
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON checkins
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON checkins
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();

--> statement-breakpoint
-- benchmarks
DROP TRIGGER IF EXISTS data_version_lock_first ON benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON benchmarks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON benchmarks;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON benchmarks
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON benchmarks
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON benchmarks
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON benchmarks
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- benchmark_scores
DROP TRIGGER IF EXISTS data_version_lock_first ON benchmark_scores;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON benchmark_scores;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON benchmark_scores;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON benchmark_scores;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON benchmark_scores
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON benchmark_scores
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON benchmark_scores
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON benchmark_scores
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- model_price_tiers
DROP TRIGGER IF EXISTS data_version_lock_first ON model_price_tiers;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON model_price_tiers;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON model_price_tiers;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON model_price_tiers;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON model_price_tiers
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON model_price_tiers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON model_price_tiers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON model_price_tiers
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- model_aliases
DROP TRIGGER IF EXISTS data_version_lock_first ON model_aliases;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON model_aliases;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON model_aliases;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON model_aliases;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON model_aliases
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON model_aliases
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON model_aliases
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON model_aliases
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- usage_daily
DROP TRIGGER IF EXISTS data_version_lock_first ON usage_daily;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON usage_daily;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON usage_daily;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON usage_daily;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON usage_daily
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON usage_daily
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON usage_daily
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON usage_daily
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- usage_team_mappings
DROP TRIGGER IF EXISTS data_version_lock_first ON usage_team_mappings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON usage_team_mappings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON usage_team_mappings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON usage_team_mappings;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON usage_team_mappings
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON usage_team_mappings
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON usage_team_mappings
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON usage_team_mappings
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
-- usage_fx_rates
DROP TRIGGER IF EXISTS data_version_lock_first ON usage_fx_rates;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_insert ON usage_fx_rates;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_update ON usage_fx_rates;
--> statement-breakpoint
DROP TRIGGER IF EXISTS data_version_delete ON usage_fx_rates;
--> statement-breakpoint
CREATE TRIGGER data_version_lock_first BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON usage_fx_rates
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_before_write();
--> statement-breakpoint
CREATE TRIGGER data_version_insert AFTER INSERT ON usage_fx_rates
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_update AFTER UPDATE ON usage_fx_rates
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_delete AFTER DELETE ON usage_fx_rates
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
