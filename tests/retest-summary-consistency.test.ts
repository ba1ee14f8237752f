// experiments.used_best_score (migration 0006) — the best score of an experiment's models on its blocker
// benchmark, kept by triggers on experiment_models, model_benchmarks and experiments.blocker_benchmark —
// must always equal the recomputation over raw rows: after links change, scores change, the blocker
// benchmark changes, deletes, a bulk insert and a backup restore; and the re-test filter built on it must
// find exactly what the per-model lookup it replaced found.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import { buildExperimentWhere } from '@/db/queries/experiments/filters';
import type { Db } from '@/db/types';
import { asOlderBackup, backupFileOf, inFreshRestore } from './helpers/backup-roundtrip';
import { describeEachDb } from './helpers/db';
import { RAW_USED_BEST, summaryDrift } from './helpers/summary-definitions';

const TODAY = '2026-06-30';
const exec = (db: Db, q: string) => db.execute(sql.raw(q));

const RAW_BEST = RAW_USED_BEST;

/** The re-test rule as it was before 0006: the used models' best score looked up per model. */
const RAW_RETEST = `select e.id from experiments e where e.archived_at is null and e.blocked_by_model and e.end_date is not null
  and not exists (select 1 from experiments rt where rt.retest_of_id = e.id and rt.archived_at is null)
  and exists (select 1 from ai_models cm join model_benchmarks cb on cb.model_id = cm.id and cb.benchmark = e.blocker_benchmark
    where cm.release_date > e.end_date and cb.score > coalesce(${RAW_BEST}, 0) and cb.score >= coalesce(e.blocker_min_score, 0)
      and (e.blocker_max_price_usd is null or (select (3 * cp.input_usd_per_mtok + cp.output_usd_per_mtok) / 4 from model_prices cp
        where cp.model_id = cm.id and cp.effective_date <= '${TODAY}' order by cp.effective_date desc limit 1) <= e.blocker_max_price_usd))
  order by e.id`;

async function drift(db: Db) {
  const [row] = await rawRows<{ drift: number; scored: number }>(
    db,
    sql.raw(`select count(*) filter (where e.used_best_score is distinct from ${RAW_BEST})::int as drift,
      count(*) filter (where e.used_best_score is not null)::int as scored from experiments e`),
  );
  return { drift: Number(row.drift), scored: Number(row.scored) };
}

/** Stored scores equal the raw ones, and the re-test filter lists what the old rule listed. */
async function expectConsistent(db: Db) {
  const d = await drift(db);
  expect(d.drift).toBe(0);
  // The filter reads each model's best (model_best_scores): it must equal the raw scores too.
  expect((await summaryDrift(db)).modelBestScores).toBe(0);
  const raw = (await rawRows<{ id: number }>(db, sql.raw(RAW_RETEST))).map((r) => Number(r.id));
  const filtered = (
    await rawRows<{ id: number }>(db, sql`select id from experiments where ${buildExperimentWhere({ retest: true }, { today: TODAY })} order by id`)
  ).map((r) => Number(r.id));
  expect(filtered).toEqual(raw);
  return { ...d, candidates: filtered.length };
}

describeEachDb('the used models’ best blocker score stays equal to the raw rows', (ctx) => {
  const bestOf = async (title: string) =>
    (await rawRows<{ best: string | null }>(ctx.db, sql`select used_best_score::text as best from experiments where title = ${title}`))[0].best;
  const model = (slug: string) => `(select id from ai_models where slug = '${slug}')`;
  const experiment = (title: string) => `(select id from experiments where title = '${title}')`;

  it('after links are made: the best of the models’ scores on the experiment’s own benchmark', async () => {
    await exec(ctx.db, `insert into teams (name) values ('Alpha')`);
    await exec(
      ctx.db,
      `insert into ai_models (slug, name, vendor, release_date) values
        ('t-old', 'Old', 'Acme', '2024-01-01'), ('t-mid', 'Mid', 'Acme', '2024-06-01'),
        ('t-new', 'New', 'Zorg', '2026-03-01'), ('t-unscored', 'Unscored', 'Zorg', '2024-02-01')`,
    );
    await exec(
      ctx.db,
      `insert into model_benchmarks (model_id, benchmark, score, source) values
        (${model('t-old')}, 't_gpqa', 40, 's'), (${model('t-mid')}, 't_gpqa', 55.5, 's'),
        (${model('t-new')}, 't_gpqa', 80, 's'), (${model('t-old')}, 't_swe', 20, 's'), (${model('t-new')}, 't_swe', 30, 's')`,
    );
    await exec(
      ctx.db,
      `insert into experiments (title, team_id, status, start_date, end_date, blocked_by_model, blocker_benchmark)
      select t.title, (select min(id) from teams), 'completed', '2025-01-01', '2025-06-01', true, t.bench
      from (values ('A', 't_gpqa'), ('B', 't_gpqa'), ('C', 't_swe'), ('D', 't_gpqa')) as t(title, bench)`,
    );
    await exec(
      ctx.db,
      `insert into experiment_models (experiment_id, model_id, is_primary)
      select e.id, m.id, false from (values ('A', 't-old'), ('A', 't-mid'), ('B', 't-unscored'), ('C', 't-old'), ('C', 't-mid')) as l(title, slug)
      join experiments e on e.title = l.title join ai_models m on m.slug = l.slug`,
    );
    expect(await bestOf('A')).toBe('55.5'); // the better of its two models
    expect(await bestOf('B')).toBeNull(); // its model has no score
    expect(await bestOf('C')).toBe('20.0'); // only the scores on its own benchmark count
    expect(await bestOf('D')).toBeNull(); // no model at all
    // t-new (released after they ended) beats every one of them (t_ benchmarks: the seeded catalog has no scores there).
    expect((await expectConsistent(ctx.db)).candidates).toBe(4);
  });

  it('after scores change: added, raised above a newer model, upserted, moved to another benchmark, removed', async () => {
    await exec(ctx.db, `insert into model_benchmarks (model_id, benchmark, score, source) values (${model('t-unscored')}, 't_gpqa', 62, 's')`);
    expect(await bestOf('B')).toBe('62.0');
    await exec(ctx.db, `update model_benchmarks set score = 85 where model_id = ${model('t-mid')} and benchmark = 't_gpqa'`);
    expect(await bestOf('A')).toBe('85.0');
    expect((await expectConsistent(ctx.db)).candidates).toBe(3); // A used a model that now beats the newer one
    await exec(
      ctx.db,
      `insert into model_benchmarks (model_id, benchmark, score, source) values (${model('t-old')}, 't_swe', 25, 's')
      on conflict (model_id, benchmark) do update set score = excluded.score`,
    );
    expect(await bestOf('C')).toBe('25.0');
    await exec(ctx.db, `update model_benchmarks set benchmark = 't_swe' where model_id = ${model('t-mid')} and benchmark = 't_gpqa'`);
    expect(await bestOf('A')).toBe('40.0');
    expect(await bestOf('C')).toBe('85.0');
    await expectConsistent(ctx.db);
    await exec(ctx.db, `delete from model_benchmarks where model_id = ${model('t-mid')}`);
    expect(await bestOf('C')).toBe('25.0');
    expect((await expectConsistent(ctx.db)).candidates).toBe(4);
  });

  it('after the blocker benchmark of an experiment changes, and its links change', async () => {
    await exec(ctx.db, `update experiments set blocker_benchmark = 't_swe' where title = 'A'`);
    expect(await bestOf('A')).toBe('25.0');
    await exec(ctx.db, `update experiments set blocker_benchmark = 'no_such_benchmark' where title = 'B'`);
    expect(await bestOf('B')).toBeNull();
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update experiment_models set model_id = ${model('t-new')} where experiment_id = ${experiment('C')} and model_id = ${model('t-old')}`);
    expect(await bestOf('C')).toBe('30.0');
    await exec(ctx.db, `insert into experiment_models (experiment_id, model_id, is_primary) values (${experiment('D')}, ${model('t-old')}, true)`);
    expect(await bestOf('D')).toBe('40.0');
    await exec(ctx.db, `delete from experiment_models where experiment_id = ${experiment('A')}`);
    expect(await bestOf('A')).toBeNull();
    await expectConsistent(ctx.db);
  });

  it('after a score moves to another model, and after every score is truncated', async () => {
    await exec(ctx.db, `update model_benchmarks set model_id = ${model('t-mid')} where model_id = ${model('t-old')} and benchmark = 't_gpqa'`);
    expect(await bestOf('D')).toBeNull(); // D uses t-old, which no longer has the score
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update model_benchmarks set model_id = ${model('t-old')} where model_id = ${model('t-mid')} and benchmark = 't_gpqa'`);
    expect(await bestOf('D')).toBe('40.0');
    const saved = await rawRows<{ model_id: number; benchmark: string; score: string; source: string }>(ctx.db, sql`select model_id, benchmark, score, source from model_benchmarks`);
    await exec(ctx.ownerDb, 'truncate model_benchmarks'); // the app may not truncate; the triggers must still follow
    expect((await expectConsistent(ctx.db)).scored).toBe(0);
    await exec(
      ctx.db,
      `insert into model_benchmarks (model_id, benchmark, score, source) values
      ${saved.map((r) => `(${Number(r.model_id)}, '${r.benchmark}', ${r.score}, '${r.source.replace(/'/g, "''")}')`).join(', ')}`,
    );
    expect(await bestOf('D')).toBe('40.0');
    await expectConsistent(ctx.db);
  });

  it('the app cannot write the score itself: an insert starts empty, a direct update is ignored', async () => {
    const before = await bestOf('C');
    await exec(ctx.db, `update experiments set used_best_score = 99 where title = 'C'`);
    expect(await bestOf('C')).toBe(before);
    await exec(
      ctx.db,
      `insert into experiments (title, team_id, status, used_best_score) select 'Smuggled', min(id), 'proposed', 77 from teams`,
    );
    expect(await bestOf('Smuggled')).toBeNull();
    await expectConsistent(ctx.db);
  });

  it('after a used model loses every score at once, and after a bulk insert', async () => {
    await exec(ctx.db, `delete from model_benchmarks where model_id = ${model('t-new')}`);
    expect(await bestOf('C')).toBeNull();
    await expectConsistent(ctx.db);
    await exec(
      ctx.db,
      `insert into experiments (title, team_id, status, start_date, end_date, blocked_by_model, blocker_benchmark, blocker_min_score)
      select 'Bulk ' || g, (select min(id) from teams), 'completed', '2023-01-01', '2023-12-01', g % 5 <> 0,
        (array['t_gpqa', 't_swe'])[1 + g % 2], case when g % 7 = 0 then 60 end
      from generate_series(1, 300) g`,
    );
    await exec(
      ctx.db,
      `insert into experiment_models (experiment_id, model_id, is_primary)
      select e.id, m.id, false from experiments e join lateral (select id, row_number() over (order by slug) as k from ai_models where slug like 't-%') m
        on m.k <= 1 + e.id % 3
      where e.title like 'Bulk %' and e.id % 11 <> 0`,
    );
    const s = await expectConsistent(ctx.db);
    expect(s.scored).toBeGreaterThan(60);
    expect(s.candidates).toBeGreaterThan(20);
  });

  it('after a backup restore into a fresh instance, even with tampered scores in the file', { timeout: 120_000 }, async () => {
    await exec(ctx.db, `insert into "user" (id, name, email, role, email_verified) values ('u_admin', 'Admin', 'admin@test.local', 'admin', true)`);
    const file = await backupFileOf(ctx.db);
    file.tables.experiments = file.tables.experiments.map((e) => ({ ...e, used_best_score: '1.0' }));
    const expected = await expectConsistent(ctx.db);
    expect(await inFreshRestore(ctx.kind, file, expectConsistent)).toEqual(expected);
  });

  it('a backup made before migration 0006 (schema 0005, without the score) restores with it computed', { timeout: 120_000 }, async () => {
    const old = await asOlderBackup(await backupFileOf(ctx.db), '0005_insights_summaries', { experiments: (k) => k === 'used_best_score' });
    expect(await inFreshRestore(ctx.kind, old, expectConsistent)).toEqual(await expectConsistent(ctx.db));
  });

  it('a newer model’s best effort above what was used and the bar makes a re-test candidate; lowered or released earlier, not', async () => {
    const candidates = async () =>
      (
        await rawRows<{ title: string }>(
          ctx.db,
          sql`select title from experiments where title like 'E%' and ${buildExperimentWhere({ retest: true }, { today: TODAY })} order by title`,
        )
      ).map((r) => r.title);
    await exec(ctx.db, `insert into ai_models (slug, name, vendor, release_date) values ('t-effort', 'Effort', 'Zorg', '2026-05-01')`);
    await exec(ctx.db, `insert into benchmarks (key, name, measures, description, unit, source) values ('t_eff', 'Effort probe', 'maths', 'A test benchmark', 'percent', 's')`);
    await exec(ctx.db, `insert into model_benchmarks (model_id, benchmark, score, source) values (${model('t-old')}, 't_eff', 30, 's')`);
    await exec(
      ctx.db,
      `insert into experiments (title, team_id, status, start_date, end_date, blocked_by_model, blocker_benchmark, blocker_min_score)
      select t.title, (select min(id) from teams), 'completed', '2025-01-01', '2025-06-01', true, 't_eff', t.bar from (values ('E1', null::numeric), ('E2', 50)) as t(title, bar)`,
    );
    await exec(ctx.db, `insert into experiment_models (experiment_id, model_id, is_primary) select id, ${model('t-old')}, true from experiments where title in ('E1', 'E2')`);
    expect(await candidates()).toEqual([]);
    await exec(ctx.db, `insert into benchmark_scores (model_id, benchmark, effort, score, source) values (${model('t-effort')}, 't_eff', 'high', 99, 's'), (${model('t-effort')}, 't_eff', 'low', 10, 's')`);
    const best = await rawRows<{ best: number; released: string }>(ctx.db, sql`select best_score as best, release_date::text as released from model_best_scores where model_id = (select id from ai_models where slug = 't-effort')`);
    expect(best.map((b) => [Number(b.best), b.released])).toEqual([[99, '2026-05-01']]);
    expect(await candidates()).toEqual(['E1', 'E2']);
    await exec(ctx.db, `update benchmark_scores set score = 40 where model_id = ${model('t-effort')} and effort = 'high'`);
    expect(await candidates()).toEqual(['E1']); // 40 beats the 30 used, not E2's bar of 50
    await exec(ctx.db, `update ai_models set release_date = '2024-01-01' where slug = 't-effort'`);
    expect(await candidates()).toEqual([]); // released before they ended
    expect((await summaryDrift(ctx.db)).modelBestScores).toBe(0);
    await exec(ctx.db, `delete from ai_models where slug = 't-effort'`);
    expect((await summaryDrift(ctx.db)).modelBestScores).toBe(0);
  });
});
