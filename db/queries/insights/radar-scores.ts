import { sql, type SQL } from 'drizzle-orm';
import { blendedPriceSql } from '@/lib/metrics/prices';
import { blockedSinceSql } from '@/lib/metrics/retest';
import { experimentColumn } from '@/lib/metrics/sql-text';
import { todayIn } from '@/lib/metrics/today';
import { experimentCol as E } from '../../sql';

/**
 * The scores the re-test radar and the blocker's bar read: every score per effort (`benchmark_scores`), and
 * the catalog's kept score (`model_benchmarks`, effort '') for a model that has no per-effort score on that
 * benchmark, as upgraded databases and admins' own entries have. Columns: model_id, benchmark, effort, score.
 * db/derived/model-summary.sql (used_best_score) reads the same union; keep them alike.
 */
export const RADAR_SCORES = sql.raw(`(select s.model_id, s.benchmark, s.effort, s.score::double precision as score from benchmark_scores s
  union all
  select k.model_id, k.benchmark, '' as effort, k.score::double precision as score from model_benchmarks k
  where not exists (select 1 from benchmark_scores s2 where s2.model_id = k.model_id and s2.benchmark = k.benchmark))`);

/** SQL: the blended price (lib/metrics/prices.ts) in force on `today` of the model whose id is `modelId`. */
export const blendedPriceInForceSql = (modelId: SQL, today: SQL): SQL =>
  sql`(select ${sql.raw(blendedPriceSql('p'))} from model_prices p
    where p.model_id = ${modelId} and p.effective_date <= ${today} order by p.effective_date desc limit 1)`;

/**
 * SQL: the experiment is a re-test candidate (lib/metrics/retest.ts). Blocked by the model, no live re-test of it yet (an experiment
 * whose retest_of_id points here), and a newer model (blockedSince; neither date: any model) scores more at
 * some effort than the best the experiment used (used_best_score), at least the bar, within the ceiling.
 * "Some effort scores more" is "the best effort scores more" (both are lower bounds), so it reads each
 * model's best (model_best_scores, kept by db/derived/model-best-scores.sql): one index range per blocked
 * experiment. The radar itself still names the effort a candidate needs from RADAR_SCORES.
 */
export function retestCandidateSql(today: SQL = sql`${todayIn()}::date`): SQL {
  const since = sql.raw(blockedSinceSql(experimentColumn));
  return sql`(${E('blocked_by_model')}
  and not exists (select 1 from experiments rt where rt.retest_of_id = ${E('id')} and rt.archived_at is null)
  and exists (
  select 1 from model_best_scores cb
  where cb.benchmark = ${E('blocker_benchmark')}
    and cb.best_score > coalesce(${E('used_best_score')}, 0)
    and cb.best_score >= coalesce(${E('blocker_min_score')}, 0)
    and (${since} is null or cb.release_date > ${since})
    and not exists (select 1 from experiment_models uem where uem.experiment_id = ${E('id')} and uem.model_id = cb.model_id)
    and (${E('blocker_max_price_usd')} is null or ${blendedPriceInForceSql(sql`cb.model_id`, today)} <= ${E('blocker_max_price_usd')})))`;
}

/**
 * SQL: waiting for a measurement. Blocked by the model, no re-test started, not a re-test candidate, yet a
 * model released after blockedSince, not used, within the price ceiling, has no score on the named
 * benchmark. Such an experiment is shown on the radar for a re-test by hand, never silently dropped.
 * Pure twin: findUnmeasured in lib/metrics/retest.ts.
 */
export function awaitingMeasurementSql(today: SQL = sql`${todayIn()}::date`): SQL {
  const since = sql.raw(blockedSinceSql(experimentColumn));
  return sql`(${E('blocked_by_model')}
  and not exists (select 1 from experiments rt where rt.retest_of_id = ${E('id')} and rt.archived_at is null)
  and not ${retestCandidateSql(today)}
  and exists (
  select 1 from ai_models um
  where (${since} is null or um.release_date > ${since})
    and not exists (select 1 from experiment_models uum where uum.experiment_id = ${E('id')} and uum.model_id = um.id)
    and not exists (select 1 from model_best_scores us where us.model_id = um.id and us.benchmark = ${E('blocker_benchmark')})
    and (${E('blocker_max_price_usd')} is null or ${blendedPriceInForceSql(sql`um.id`, today)} <= ${E('blocker_max_price_usd')})))`;
}
