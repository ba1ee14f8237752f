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
