-- usage_rollup(segment, team_id, source, vendor, external_model, model_id, currency, rows, requests, input_tokens,
-- output_tokens, cost_micros, active_users, engaged_users) stays equal to: select <segment of day>, team_id, source,
-- vendor, external_model, model_id, currency, count(*), sum(requests), sum(input_tokens), sum(output_tokens),
-- sum(cost_micros), max(active_users), max(engaged_users) from usage_daily group by 1, 2, 3, 4, 5, 6, 7.
-- A segment is the days one ISO week and one calendar month share (it starts on the later of the day's Monday and
-- the 1st of its month), so every week, every month and every bill month of the telemetry is whole segments.
-- usage_rollup_month(month, …) is the same with the 1st of the day's month for the segment: the coarser level a
-- long period reads its whole months from (db/queries/usage/slice.ts).
-- Active and engaged users are maxima, never sums: a maximum cannot be taken back when a row changes or goes, so
-- an update or a delete recomputes the (segment, team) and (month, team) groups it touched from usage_daily (a few
-- hundred rows per group, by usage_daily_team_day_idx); an insert only adds. The app role may only read both tables.
CREATE OR REPLACE FUNCTION usage_rollup_recompute(segs date[], team_ids integer[]) RETURNS void AS $$
BEGIN
  DELETE FROM usage_rollup r USING unnest(segs, team_ids) k(segment, team_id)
    WHERE r.segment = k.segment AND r.team_id IS NOT DISTINCT FROM k.team_id;
  -- Two joins rather than IS NOT DISTINCT FROM, so both find their rows by (team_id, day).
  INSERT INTO usage_rollup (segment, team_id, source, vendor, external_model, model_id, currency, rows, requests,
    input_tokens, output_tokens, cost_micros, active_users, engaged_users)
  SELECT k.segment, u.team_id, u.source, u.vendor, u.external_model, u.model_id, u.currency, count(*)::int, sum(u.requests),
    sum(u.input_tokens), sum(u.output_tokens), sum(u.cost_micros), max(u.active_users), max(u.engaged_users)
  FROM (SELECT DISTINCT s.segment, s.team_id, least(s.segment + (7 - extract(isodow from s.segment)::int),
      (date_trunc('month', s.segment::timestamp) + interval '1 month - 1 day')::date) AS last_day
    FROM unnest(segs, team_ids) s(segment, team_id)) k
  JOIN usage_daily u ON u.day BETWEEN k.segment AND k.last_day
    AND (u.team_id = k.team_id OR (k.team_id IS NULL AND u.team_id IS NULL))
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION usage_rollup_month_recompute(months date[], team_ids integer[]) RETURNS void AS $$
BEGIN
  DELETE FROM usage_rollup_month r USING unnest(months, team_ids) k(month, team_id)
    WHERE r.month = k.month AND r.team_id IS NOT DISTINCT FROM k.team_id;
  INSERT INTO usage_rollup_month (month, team_id, source, vendor, external_model, model_id, currency, rows, requests,
    input_tokens, output_tokens, cost_micros, active_users, engaged_users)
  SELECT k.month, u.team_id, u.source, u.vendor, u.external_model, u.model_id, u.currency, count(*)::int, sum(u.requests),
    sum(u.input_tokens), sum(u.output_tokens), sum(u.cost_micros), max(u.active_users), max(u.engaged_users)
  FROM (SELECT DISTINCT s.month, s.team_id, (s.month + interval '1 month - 1 day')::date AS last_day
    FROM unnest(months, team_ids) s(month, team_id)) k
  JOIN usage_daily u ON u.day BETWEEN k.month AND k.last_day
    AND (u.team_id = k.team_id OR (k.team_id IS NULL AND u.team_id IS NULL))
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Inserted rows add to their groups at both levels (keys in order, segments before months, so concurrent importers
-- lock alike); updated and deleted rows recompute theirs, before and after. The transition tables are read through
-- EXECUTE (see model-usage.sql).
CREATE OR REPLACE FUNCTION usage_rollup_refresh() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE $q$INSERT INTO usage_rollup AS r (segment, team_id, source, vendor, external_model, model_id, currency, rows,
        requests, input_tokens, output_tokens, cost_micros, active_users, engaged_users)
      SELECT greatest(date_trunc('week', n.day::timestamp), date_trunc('month', n.day::timestamp))::date, n.team_id, n.source,
        n.vendor, n.external_model, n.model_id, n.currency, count(*)::int, sum(n.requests), sum(n.input_tokens),
        sum(n.output_tokens), sum(n.cost_micros), max(n.active_users), max(n.engaged_users)
      FROM new_rows n WHERE 's' || greatest(date_trunc('week', n.day::timestamp), date_trunc('month', n.day::timestamp))::date || '|' || coalesce(n.team_id::text, '') NOT IN
        (SELECT unnest(coalesce(nullif(current_setting('uplift.usage_rollup_recomputed', true), ''), '{}')::text[]))
      GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT ON CONSTRAINT usage_rollup_key DO UPDATE SET rows = r.rows + excluded.rows,
        requests = r.requests + excluded.requests, input_tokens = r.input_tokens + excluded.input_tokens,
        output_tokens = r.output_tokens + excluded.output_tokens, cost_micros = r.cost_micros + excluded.cost_micros,
        active_users = greatest(r.active_users, excluded.active_users), engaged_users = greatest(r.engaged_users, excluded.engaged_users)$q$;
    -- Groups the update branch named as recomputed get recomputed again rather than skipped: the list is only a
    -- setting, which a statement could set itself, so trusting it could leave rows uncounted.
    EXECUTE $q$SELECT usage_rollup_recompute(array_agg(segment ORDER BY segment, team_id), array_agg(team_id ORDER BY segment, team_id))
      FROM (SELECT DISTINCT greatest(date_trunc('week', n.day::timestamp), date_trunc('month', n.day::timestamp))::date AS segment, n.team_id FROM new_rows n
        WHERE 's' || greatest(date_trunc('week', n.day::timestamp), date_trunc('month', n.day::timestamp))::date || '|' || coalesce(n.team_id::text, '') IN
        (SELECT unnest(coalesce(nullif(current_setting('uplift.usage_rollup_recomputed', true), ''), '{}')::text[]))) k$q$;
    EXECUTE $q$INSERT INTO usage_rollup_month AS r (month, team_id, source, vendor, external_model, model_id, currency, rows,
        requests, input_tokens, output_tokens, cost_micros, active_users, engaged_users)
      SELECT date_trunc('month', n.day::timestamp)::date, n.team_id, n.source, n.vendor, n.external_model, n.model_id,
        n.currency, count(*)::int, sum(n.requests), sum(n.input_tokens), sum(n.output_tokens), sum(n.cost_micros),
        max(n.active_users), max(n.engaged_users)
      FROM new_rows n WHERE 'm' || date_trunc('month', n.day::timestamp)::date || '|' || coalesce(n.team_id::text, '') NOT IN
        (SELECT unnest(coalesce(nullif(current_setting('uplift.usage_rollup_recomputed', true), ''), '{}')::text[]))
      GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT ON CONSTRAINT usage_rollup_month_key DO UPDATE SET rows = r.rows + excluded.rows,
        requests = r.requests + excluded.requests, input_tokens = r.input_tokens + excluded.input_tokens,
        output_tokens = r.output_tokens + excluded.output_tokens, cost_micros = r.cost_micros + excluded.cost_micros,
        active_users = greatest(r.active_users, excluded.active_users), engaged_users = greatest(r.engaged_users, excluded.engaged_users)$q$;
    EXECUTE $q$SELECT usage_rollup_month_recompute(array_agg(month ORDER BY month, team_id), array_agg(team_id ORDER BY month, team_id))
      FROM (SELECT DISTINCT date_trunc('month', n.day::timestamp)::date AS month, n.team_id FROM new_rows n
        WHERE 'm' || date_trunc('month', n.day::timestamp)::date || '|' || coalesce(n.team_id::text, '') IN
        (SELECT unnest(coalesce(nullif(current_setting('uplift.usage_rollup_recomputed', true), ''), '{}')::text[]))) k$q$;
    PERFORM set_config('uplift.usage_rollup_recomputed', '', true);
  ELSIF TG_OP = 'UPDATE' THEN
    -- An import's INSERT … ON CONFLICT DO UPDATE fires this for every batch, most often with no row updated.
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
      RETURN NULL;
    END IF;
    EXECUTE $q$SELECT usage_rollup_recompute(array_agg(segment ORDER BY segment, team_id), array_agg(team_id ORDER BY segment, team_id))
      FROM (SELECT DISTINCT greatest(date_trunc('week', x.day::timestamp), date_trunc('month', x.day::timestamp))::date AS segment, x.team_id
        FROM (SELECT day, team_id FROM old_rows UNION ALL SELECT day, team_id FROM new_rows) x) k$q$;
    EXECUTE $q$SELECT usage_rollup_month_recompute(array_agg(month ORDER BY month, team_id), array_agg(team_id ORDER BY month, team_id))
      FROM (SELECT DISTINCT date_trunc('month', x.day::timestamp)::date AS month, x.team_id
        FROM (SELECT day, team_id FROM old_rows UNION ALL SELECT day, team_id FROM new_rows) x) k$q$;
    -- The groups just recomputed already hold the rows this statement inserted, if it is an INSERT … ON CONFLICT DO
    -- UPDATE (whose AFTER UPDATE trigger fires before its AFTER INSERT one): the insert branch must not add them again.
    EXECUTE $q$SELECT set_config('uplift.usage_rollup_recomputed', coalesce(array_agg(DISTINCT k)::text, ''), true)
      FROM (SELECT 's' || greatest(date_trunc('week', x.day::timestamp), date_trunc('month', x.day::timestamp))::date || '|' || coalesce(x.team_id::text, '') AS k
          FROM (SELECT day, team_id FROM old_rows UNION ALL SELECT day, team_id FROM new_rows) x
        UNION ALL SELECT 'm' || date_trunc('month', x.day::timestamp)::date || '|' || coalesce(x.team_id::text, '')
          FROM (SELECT day, team_id FROM old_rows UNION ALL SELECT day, team_id FROM new_rows) x) k$q$;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE $q$SELECT usage_rollup_recompute(array_agg(segment ORDER BY segment, team_id), array_agg(team_id ORDER BY segment, team_id))
      FROM (SELECT DISTINCT greatest(date_trunc('week', o.day::timestamp), date_trunc('month', o.day::timestamp))::date AS segment, o.team_id
        FROM old_rows o) k$q$;
    EXECUTE $q$SELECT usage_rollup_month_recompute(array_agg(month ORDER BY month, team_id), array_agg(team_id ORDER BY month, team_id))
      FROM (SELECT DISTINCT date_trunc('month', o.day::timestamp)::date AS month, o.team_id FROM old_rows o) k$q$;
  ELSE -- TRUNCATE
    DELETE FROM usage_rollup;
    DELETE FROM usage_rollup_month;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
-- Every INSERT starts with no recomputed groups: a plain UPDATE earlier in the transaction leaves its list behind.
CREATE OR REPLACE FUNCTION usage_rollup_insert_start() RETURNS trigger AS $$
BEGIN
  PERFORM set_config('uplift.usage_rollup_recomputed', '', true);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Nobody but the triggers may run these (a trigger fires its function without the privilege).
REVOKE EXECUTE ON FUNCTION usage_rollup_recompute(date[], integer[]), usage_rollup_month_recompute(date[], integer[]),
  usage_rollup_refresh(), usage_rollup_insert_start() FROM PUBLIC;
--> statement-breakpoint
DROP TRIGGER IF EXISTS usage_rollup_insert_start ON usage_daily;
--> statement-breakpoint
DROP TRIGGER IF EXISTS usage_rollup_insert ON usage_daily;
--> statement-breakpoint
DROP TRIGGER IF EXISTS usage_rollup_update ON usage_daily;
--> statement-breakpoint
DROP TRIGGER IF EXISTS usage_rollup_delete ON usage_daily;
--> statement-breakpoint
DROP TRIGGER IF EXISTS usage_rollup_truncate ON usage_daily;
--> statement-breakpoint
-- Recomputed from the raw rows.
DELETE FROM usage_rollup;
--> statement-breakpoint
INSERT INTO usage_rollup (segment, team_id, source, vendor, external_model, model_id, currency, rows, requests,
    input_tokens, output_tokens, cost_micros, active_users, engaged_users)
  SELECT greatest(date_trunc('week', day::timestamp), date_trunc('month', day::timestamp))::date, team_id, source, vendor,
    external_model, model_id, currency, count(*)::int, sum(requests), sum(input_tokens), sum(output_tokens), sum(cost_micros),
    max(active_users), max(engaged_users)
  FROM usage_daily GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
DELETE FROM usage_rollup_month;
--> statement-breakpoint
INSERT INTO usage_rollup_month (month, team_id, source, vendor, external_model, model_id, currency, rows, requests,
    input_tokens, output_tokens, cost_micros, active_users, engaged_users)
  SELECT date_trunc('month', day::timestamp)::date, team_id, source, vendor, external_model, model_id, currency, count(*)::int,
    sum(requests), sum(input_tokens), sum(output_tokens), sum(cost_micros), max(active_users), max(engaged_users)
  FROM usage_daily GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
CREATE TRIGGER usage_rollup_insert_start BEFORE INSERT ON usage_daily
  FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_insert_start();
--> statement-breakpoint
CREATE TRIGGER usage_rollup_insert AFTER INSERT ON usage_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_refresh();
--> statement-breakpoint
CREATE TRIGGER usage_rollup_update AFTER UPDATE ON usage_daily
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_refresh();
--> statement-breakpoint
CREATE TRIGGER usage_rollup_delete AFTER DELETE ON usage_daily
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_refresh();
--> statement-breakpoint
CREATE TRIGGER usage_rollup_truncate AFTER TRUNCATE ON usage_daily
  FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_refresh();
