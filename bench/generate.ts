/**
 * Generates a large, realistic organisation directly in SQL (generate_series + setseed, so the same
 * every run): 50 teams of skewed sizes, 2,000 users, N experiments over three years, ~3 capability
 * outcomes and ~2 check-ins per experiment, models picked from the catalog by release date.
 * `run` executes one SQL statement on a single connection (setseed must stay on one session).
 */
export type RunSql = (statement: string) => Promise<void>;

export async function generateBenchData(run: RunSql, experiments: number): Promise<void> {
  await run(`select setseed(0.4242)`);
  await run(`insert into teams (name, function)
    select 'Team ' || lpad(g::text, 2, '0'),
           (array['Support','Finance','Marketing','Engineering','Legal','People','Research','Operations','Sales','Design'])[1 + (g % 10)]
    from generate_series(1, 50) g`);
  await run(`insert into "user" (id, name, email, role, email_verified)
    select 'bench_' || lpad(g::text, 4, '0'), 'Bench User ' || g, 'user' || g || '@bench.local',
           case when g <= 30 then 'executive' else 'lead' end, true
    from generate_series(1, 2000) g`);
  // Skewed team sizes: user g goes to team ceil(50 * u^2) — low team ids are the big ones.
  await run(`insert into team_members (team_id, user_id, team_role)
    select (select min(id) from teams) + least(49, floor(50 * power(random(), 2))::int), 'bench_' || lpad(g::text, 4, '0'), 'member'
    from generate_series(31, 2000) g`);
  await run(`update team_members tm set team_role = 'lead' where user_id in (
    select distinct on (team_id) user_id from team_members order by team_id, user_id)`);
  await run(`insert into experiments (title, team_id, description, hypothesis, work_type, mindset, status, start_date, end_date,
      reasoning_used, data_sensitivity, participant_count, hours_before_per_task, hours_with_ai_per_task, tasks_per_month,
      spend_monthly_cents, spend_one_off_cents, spend_one_off_date, quality_before, quality_after, blocked_by_model,
      blocker_missing, blocker_min_score, learnings, created_at)
    select 'Experiment ' || g || ': ' || (array['ticket replies','variance commentary','contract review','code review','market scan','survey themes','release notes','forecasting'])[1 + g % 8],
      (select min(id) from teams) + least(49, floor(50 * power(r1, 1.6))::int),
      'Bench experiment ' || md5(g::text), 'If we use AI here, the work changes.',
      (array['writing','analysis','coding','research','customer_support','design','operations','other'])[1 + floor(random() * 8)::int],
      case when random() < 0.2 + 0.4 * (1 - age / 1095.0) then 'new_capability' when random() < 0.5 then 'accelerate' else 'automate' end,
      st, case when st = 'proposed' then null else current_date - age end,
      case when st in ('completed', 'abandoned') then least(current_date - 1, current_date - age + 30 + floor(random() * 90)::int) end,
      random() < 0.3,
      (array['public','internal','internal','internal','confidential','restricted'])[1 + floor(random() * 6)::int],
      1 + floor(random() * 12)::int,
      round((1 + random() * 8)::numeric, 2), round((random() * 1)::numeric, 2), round((5 + random() * 200)::numeric, 2),
      (2000 + floor(random() * 100000))::int, case when random() < 0.3 then (50000 + floor(random() * 500000))::int end,
      current_date - age, 2 + floor(random() * 2)::int, 3 + floor(random() * 3)::int,
      random() < 0.02, 'The model was not capable enough.', case when random() < 0.5 then 70 end,
      case when random() < 0.5 then 'Learned something about prompts.' else '' end,
      now() - (age || ' days')::interval
    from (
      select g, random() as r1, a as age,
        case when a > 150 then (case when random() < 0.85 then 'completed' else 'abandoned' end)
             when a > 20 then (case when random() < 0.7 then 'running' else 'completed' end)
             else (case when random() < 0.5 then 'proposed' else 'running' end) end as st
      from (select g, floor(random() * 1095)::int as a from generate_series(1, ${experiments}) g) s
    ) x
    -- Oldest first, as an organisation logs them: ids and the table's order follow creation time.
    order by age desc, g`);
  // Primary model: one of the priced models released before the start date (concentrated on a few vendors);
  // 30% also tried a second model. One statement, so the summary triggers pass over experiments once.
  await run(`with primary_model as materialized (
      select e.id as experiment_id, m.id as model_id, e.start_date from experiments e
      cross join lateral (
        select am.id from ai_models am
        where am.release_date <= coalesce(e.start_date, current_date)
          and exists (select 1 from model_prices p where p.model_id = am.id)
        order by (case when am.vendor = 'OpenAI' then 0 else 1 end) * random() + random() * 0.5 + e.id * 0 limit 1) m)
    insert into experiment_models (experiment_id, model_id, is_primary)
    select experiment_id, model_id, true from primary_model
    union all
    select p.experiment_id, m.id, false from primary_model p
    cross join lateral (
      select am.id from ai_models am
      where am.release_date <= coalesce(p.start_date, current_date) and am.id <> p.model_id
      order by random() + p.experiment_id * 0 limit 1) m
    where p.experiment_id % 10 < 3`);
  await run(`insert into capability_outcomes (experiment_id, type, description, impact, evidence, recorded_on)
    select e.id, (array['new_capability','insight','synthesis','problem_solving','quality_uplift'])[1 + floor(random() * 5)::int],
      'Outcome ' || k || ' of experiment ' || e.id, 1 + floor(random() * 5)::int, 'Reviewed.',
      least(current_date, e.start_date + 20 + k * 7)
    from experiments e cross join lateral generate_series(1, floor(random() * 7)::int + e.id * 0) k
    where e.start_date is not null`);
  await run(`insert into checkins (experiment_id, date, hours_before_per_task, hours_with_ai_per_task, tasks_per_month, spend_monthly_cents, quality_after, note)
    select e.id, least(current_date, e.start_date + 30 * k), e.hours_before_per_task, e.hours_with_ai_per_task * (1 + 0.1 * (2 - k)),
      e.tasks_per_month, e.spend_monthly_cents, 3 + floor(random() * 3)::int, 'Monthly check-in'
    from experiments e cross join lateral generate_series(1, floor(random() * 5)::int + e.id * 0) k
    where e.start_date is not null and e.start_date + 30 * k <= current_date`);
  // The summary triggers rewrote every experiment three times above (links, outcomes, check-ins), all at
  // once; an organisation that logs them over years, with autovacuum (PostgreSQL) or Uplift's own vacuum
  // (PGlite, db/maintenance.ts) reusing the space, has a table about its live size. Compact it to that.
  await run(`vacuum (full, analyze)`);
}

/** Teams, days and models of the generated usage: 200 × up to 3 years × 5 ≈ 10^6 rows. */
export const USAGE_TEAMS = 200;
export const USAGE_MODELS = 5;

/**
 * About `rows` daily usage rows (issue 21 §6): 200 teams (the 50 above and 150 more, as an organisation that maps
 * every vendor project to a team) × the last rows / 1000 days (at most three years) × 5 models, in one
 * generate_series statement. A tenth of the teams are billed in EUR (a rate set for every month but the
 * latest, so the dashboard shows a flagged month), and one external team in fifty is left unmapped.
 */
export async function generateUsageData(run: RunSql, rows: number): Promise<void> {
  const days = Math.max(1, Math.min(1095, Math.ceil(rows / (USAGE_TEAMS * USAGE_MODELS))));
  await run(`select setseed(0.2121)`);
  await run(`insert into teams (name, function)
    select 'Team ' || lpad(g::text, 3, '0'), 'Operations' from generate_series((select count(*) from teams)::int + 1, ${USAGE_TEAMS}) g`);
  await run(`insert into usage_daily (day, source, external_team, team_id, vendor, external_model, model_id, requests, input_tokens, output_tokens,
      cost_micros, currency, active_users, engaged_users)
    with t as materialized (select row_number() over (order by id) as n, id from teams order by id limit ${USAGE_TEAMS}),
      m as materialized (select row_number() over (order by release_date desc, id) as k, id, slug, vendor from ai_models am
        where exists (select 1 from model_prices p where p.model_id = am.id) order by release_date desc, id limit ${USAGE_MODELS})
    select d::date, 'litellm', 'team-' || t.n, case when t.n % 50 = 0 then null else t.id end, m.vendor, m.slug, m.id,
      r, r * (800 + floor(random() * 400)::int), r * (200 + floor(random() * 200)::int),
      r * (400 + floor(random() * 800)::int), case when t.n % 10 = 0 then 'EUR' else 'USD' end,
      1 + floor(random() * (5 + t.n % 40))::int, floor(random() * (3 + t.n % 20))::int
    from t cross join m cross join generate_series(current_date - ${days - 1}, current_date, interval '1 day') d
    cross join lateral (select (5 + floor(random() * (50 + t.n * 2))::int) + t.n * 0 + m.k * 0 + extract(day from d)::int * 0 as r) q`);
  await run(`insert into usage_fx_rates (month, currency, rate, set_by)
    select m::date, 'EUR', round((1.05 + random() * 0.1)::numeric, 4), 'bench'
    from generate_series(date_trunc('month', current_date - ${days - 1})::date, date_trunc('month', current_date)::date - interval '1 month', interval '1 month') m`);
  await run(`analyze usage_daily`);
}
