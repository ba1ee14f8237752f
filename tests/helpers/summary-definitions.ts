/**
 * What every trigger-kept summary must equal, written over the raw rows (the formulations used before
 * the summaries existed). The consistency tests and the concurrent-writes test compare against these.
 * No vitest import: scripts/reliability uses this module too.
 */
import { sql } from 'drizzle-orm';
import { rawRows } from '@/db/sql';
import type { Queryable } from '@/db/types';

/** Latest check-in (date, then id) that carries the figure, for experiment `e` (migration 0004). */
export const latestCheckin = (col: string) =>
  `(select c.${col} from checkins c where c.experiment_id = e.id and c.${col} is not null order by c.date desc, c.id desc limit 1)`;

/**
 * A link's data policy on its channel, over the raw rows (issue 23 §4): the model's own through the API, else the
 * vendor's row for the channel, else none sent (self-hosted) or unknown; null without a link. Needs `em`, `m` and `p`.
 */
export const RAW_LINK_POLICY = `case when em.model_id is null then null when em.channel = 'api' then m.data_policy when p.id is not null then p.data_policy
    when em.channel = 'self_hosted' then 'no_training' else 'unknown' end`;

/** Per experiment: models, the primary's vendor (else the first by name), any link that trains on user data (migration 0005, 0023). */
export const RAW_MODEL_SUMMARY = `select e.id, count(em.model_id)::int as n,
    (array_agg(m.vendor order by em.is_primary desc, m.name) filter (where em.model_id is not null))[1] as vendor,
    coalesce(bool_or(${RAW_LINK_POLICY} in ('trains', 'unknown')), false) as training
  from experiments e left join experiment_models em on em.experiment_id = e.id left join ai_models m on m.id = em.model_id
    left join vendor_channel_policies p on p.vendor = m.vendor and p.channel = em.channel
  group by e.id`;

/** insights_rollup: live experiments per team, fiscal quarter (org settings' time zone and fiscal year start), mindset and vendor. */
export const RAW_ROLLUP = `select e.team_id, (date_trunc('quarter', coalesce(e.start_date, (e.created_at at time zone s.time_zone)::date)::timestamp - make_interval(months => s.fiscal_year_start_month - 1))
      + make_interval(months => s.fiscal_year_start_month - 1))::date as quarter, coalesce(e.mindset, 'not_set') as mindset,
    coalesce(r.vendor, '') as vendor, count(*)::int as experiments, (count(*) filter (where e.status = 'completed'))::int as completed,
    (count(*) filter (where e.status = 'completed' and r.n >= 2))::int as completed_multi_model
  from experiments e cross join org_settings s join (${RAW_MODEL_SUMMARY}) r on r.id = e.id where e.archived_at is null group by 1, 2, 3, 4`;

/** The best score of experiment `e`'s models on its blocker benchmark (migration 0006). */
export const RAW_USED_BEST = `(select round(max(coalesce(
    (select max(s.score)::numeric from benchmark_scores s where s.model_id = em.model_id and s.benchmark = e.blocker_benchmark),
    (select k.score from model_benchmarks k where k.model_id = em.model_id and k.benchmark = e.blocker_benchmark))), 1)
  from experiment_models em where em.experiment_id = e.id)`;

/** model_usage: links of live experiments per team and model (migration 0002). */
export const RAW_MODEL_USAGE = `select e.team_id, l.model_id, count(*)::int as n from experiment_models l join experiments e on e.id = l.experiment_id
  where e.archived_at is null group by 1, 2`;

/** Rows of each summary that differ from its definition: all zero when the triggers kept up. */
/** Each model's best score per benchmark at any effort (the kept score only where no per-effort score exists). */
export const RAW_MODEL_BEST_SCORES = `select r.model_id, r.benchmark, max(r.score) as best_score, m.release_date
  from (select model_id, benchmark, score::double precision as score from benchmark_scores
    union all select k.model_id, k.benchmark, k.score::double precision from model_benchmarks k
    where (k.model_id, k.benchmark) not in (select model_id, benchmark from benchmark_scores)) r
  join ai_models m on m.id = r.model_id group by r.model_id, r.benchmark, m.release_date`;

/** usage_rollup: usage_daily per segment (the days a week and a month share), team, source, vendor, model, currency. */
export const RAW_USAGE_ROLLUP = `select greatest(date_trunc('week', day::timestamp), date_trunc('month', day::timestamp))::date as segment, team_id, source, vendor,
    external_model, model_id, currency, count(*)::int as rows, sum(requests) as requests, sum(input_tokens) as input_tokens, sum(output_tokens) as output_tokens,
    sum(cost_micros) as cost_micros, max(active_users) as active_users, max(engaged_users) as engaged_users
  from usage_daily group by 1, 2, 3, 4, 5, 6, 7`;

/** usage_rollup_month: usage_daily per calendar month (its first day), team, source, vendor, model, currency. */
export const RAW_USAGE_ROLLUP_MONTH = `select date_trunc('month', day::timestamp)::date as month, team_id, source, vendor,
    external_model, model_id, currency, count(*)::int as rows, sum(requests) as requests, sum(input_tokens) as input_tokens, sum(output_tokens) as output_tokens,
    sum(cost_micros) as cost_micros, max(active_users) as active_users, max(engaged_users) as engaged_users
  from usage_daily group by 1, 2, 3, 4, 5, 6, 7`;

/** Rows of a usage rollup level that differ from its raw definition (by `unit`: segment or month). */
const usageLevelDrift = (table: string, raw: string, unit: string) => `select count(*)::int as n
      from (select *, coalesce(team_id, -1) as tk, coalesce(model_id, -1) as mk from ${table}) s
      full join (select *, coalesce(team_id, -1) as tk, coalesce(model_id, -1) as mk from (${raw}) r) t
        using (${unit}, tk, source, vendor, external_model, mk, currency)
      where s is null or t is null or (s.rows, s.requests, s.input_tokens, s.output_tokens, s.cost_micros, s.active_users, s.engaged_users)
        is distinct from (t.rows, t.requests, t.input_tokens, t.output_tokens, t.cost_micros, t.active_users, t.engaged_users)`;

export type SummaryDrift = {
  checkinSummary: number;
  outcomeCopies: number;
  modelSummary: number;
  outcomeCount: number;
  usedBestScore: number;
  insightsRollup: number;
  modelUsage: number;
  modelBestScores: number;
  usageRollup: number;
  usageRollupMonth: number;
};

export async function summaryDrift(db: Queryable): Promise<SummaryDrift> {
  const one = async (query: string) => Number((await rawRows<{ n: number }>(db, sql.raw(query)))[0].n);
  return {
    checkinSummary: await one(`select count(*)::int as n from experiments e where
      e.checkin_hours_saved_per_month is distinct from ${latestCheckin('hours_saved_per_month')}
      or e.checkin_spend_monthly_cents is distinct from ${latestCheckin('spend_monthly_cents')}
      or e.checkin_quality_after is distinct from ${latestCheckin('quality_after')}
      or e.current_hours_saved_per_month is distinct from coalesce(${latestCheckin('hours_saved_per_month')}, e.hours_saved_per_month, 0)
      or e.current_spend_monthly_cents is distinct from coalesce(${latestCheckin('spend_monthly_cents')}, e.spend_monthly_cents, 0)
      or e.current_quality_after is distinct from coalesce(${latestCheckin('quality_after')}, e.quality_after)`),
    outcomeCopies: await one(`select count(*)::int as n from capability_outcomes o join experiments e on e.id = o.experiment_id
      where o.team_id is distinct from e.team_id or o.work_type is distinct from e.work_type
        or o.experiment_archived is distinct from (e.archived_at is not null)`),
    modelSummary: await one(`select count(*)::int as n from experiments e join (${RAW_MODEL_SUMMARY}) r on r.id = e.id
      where e.model_count is distinct from r.n or e.primary_vendor is distinct from r.vendor or e.uses_training_model is distinct from r.training`),
    outcomeCount: await one(`select count(*)::int as n from experiments e
      where e.outcome_count <> (select count(*) from capability_outcomes o where o.experiment_id = e.id)`),
    usedBestScore: await one(`select count(*)::int as n from experiments e where e.used_best_score is distinct from ${RAW_USED_BEST}`),
    insightsRollup: await one(`select count(*)::int as n from insights_rollup s full join (${RAW_ROLLUP}) t using (team_id, quarter, mindset, vendor)
      where s is null or t is null or (s.experiments, s.completed, s.completed_multi_model)
        is distinct from (t.experiments, t.completed, t.completed_multi_model)`),
    modelUsage: await one(`select count(*)::int as n from model_usage s full join (${RAW_MODEL_USAGE}) t using (team_id, model_id)
      where s is null or t is null or s.experiments <> t.n`),
    modelBestScores: await one(`select count(*)::int as n from model_best_scores s full join (${RAW_MODEL_BEST_SCORES}) t using (model_id, benchmark)
      where s is null or t is null or (s.best_score, s.release_date) is distinct from (t.best_score, t.release_date)`),
    // The key has nullable columns (NULLS NOT DISTINCT in the table): a full join needs plain equality, so -1 stands for null.
    usageRollup: await one(usageLevelDrift('usage_rollup', RAW_USAGE_ROLLUP, 'segment')),
    usageRollupMonth: await one(usageLevelDrift('usage_rollup_month', RAW_USAGE_ROLLUP_MONTH, 'month')),
  };
}

export const NO_DRIFT: SummaryDrift = { checkinSummary: 0, outcomeCopies: 0, modelSummary: 0, outcomeCount: 0, usedBestScore: 0, insightsRollup: 0, modelUsage: 0, modelBestScores: 0, usageRollup: 0, usageRollupMonth: 0 };
