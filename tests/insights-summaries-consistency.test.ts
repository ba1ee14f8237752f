// The insights summaries of migration 0005 — each experiment's model summary (model_count, primary_vendor,
// uses_training_model: triggers on experiment_models and ai_models), its outcome_count (triggers on
// capability_outcomes) and the insights_rollup table (triggers on experiments) — must always equal a
// recomputation over raw rows, after inserts, edits, model changes, archiving, deletes, a bulk insert and
// a backup restore; and the insights figures built on them must equal the joins they replaced.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import { vendorCounts } from '@/db/queries/insights/summary-counts';
import { getInsightsSummary } from '@/db/queries/insights/summary';
import type { Db } from '@/db/types';
import { asOlderBackup, backupFileOf, inFreshRestore } from './helpers/backup-roundtrip';
import { describeEachDb } from './helpers/db';
import { RAW_LINK_POLICY, RAW_MODEL_SUMMARY, RAW_ROLLUP } from './helpers/summary-definitions';

const TODAY = '2026-06-30';
const exec = (db: Db, q: string) => db.execute(sql.raw(q));

/** The definitions over raw rows (models per experiment, the rollup) are in helpers/summary-definitions.ts. */
const RAW_SUMMARY = RAW_MODEL_SUMMARY;

/** Experiments whose stored summary differs from the recomputation, and rollup rows that differ from theirs. */
async function summaryDrift(db: Db) {
  const [row] = await rawRows<{ drift: number; linked: number; training: number; outcomes: number; total: number }>(
    db,
    sql.raw(`select count(*) filter (where e.model_count is distinct from r.n or e.primary_vendor is distinct from r.vendor
        or e.uses_training_model is distinct from r.training
        or e.outcome_count <> (select count(*) from capability_outcomes o where o.experiment_id = e.id))::int as drift,
      count(*) filter (where r.n > 0)::int as linked, count(*) filter (where r.training)::int as training,
      count(*) filter (where e.outcome_count > 0)::int as outcomes, count(*)::int as total
    from experiments e join (${RAW_SUMMARY}) r on r.id = e.id`),
  );
  const [rollup] = await rawRows<{ drift: number; rows: number }>(
    db,
    sql.raw(`select count(*) filter (where s is null or t is null or (s.experiments, s.completed, s.completed_multi_model)
        is distinct from (t.experiments, t.completed, t.completed_multi_model))::int as drift, count(t)::int as rows
      from insights_rollup s full join (${RAW_ROLLUP}) t using (team_id, quarter, mindset, vendor)`),
  );
  return {
    drift: Number(row.drift),
    rollupDrift: Number(rollup.drift),
    rollupRows: Number(rollup.rows),
    linked: Number(row.linked),
    training: Number(row.training),
    outcomes: Number(row.outcomes),
    total: Number(row.total),
  };
}

/** vendorCounts and the privacy count against the joins they replaced (the formulation before migration 0005). */
async function expectInsightsMatchRaw(db: Db) {
  const raw = await rawRows<{ vendor: string; experiments: number; completed: number; multi: number }>(
    db,
    sql.raw(`select vendor, count(*)::int as experiments, (count(*) filter (where status = 'completed'))::int as completed,
        (count(*) filter (where status = 'completed' and n >= 2))::int as multi
      from (select e.status, count(*) as n, (array_agg(m.vendor order by em.is_primary desc, m.name))[1] as vendor
        from experiments e join experiment_models em on em.experiment_id = e.id join ai_models m on m.id = em.model_id
        where e.archived_at is null group by e.id) x group by vendor order by vendor`),
  );
  const counts = (await vendorCounts(db, { today: TODAY })).sort((a, b) => a.vendor.localeCompare(b.vendor));
  expect(counts.map((c) => [c.vendor, c.experiments, c.completed, c.completedMultiModel])).toEqual(
    raw.sort((a, b) => a.vendor.localeCompare(b.vendor)).map((r) => [r.vendor, Number(r.experiments), Number(r.completed), Number(r.multi)]),
  );
  const [privacy] = await rawRows<{ n: number }>(
    db,
    sql.raw(`select count(*)::int as n from experiments e where e.archived_at is null and e.data_sensitivity in ('confidential', 'restricted')
      and e.privacy_mitigation = '' and exists (select 1 from experiment_models em join ai_models m on m.id = em.model_id
        left join vendor_channel_policies p on p.vendor = m.vendor and p.channel = em.channel
        where em.experiment_id = e.id and ${RAW_LINK_POLICY} in ('trains', 'unknown'))`),
  );
  expect((await getInsightsSummary(db, { today: TODAY })).privacyFlags).toBe(Number(privacy.n));
  return counts;
}

async function expectConsistent(db: Db) {
  const s = await summaryDrift(db);
  expect(s.drift).toBe(0);
  expect(s.rollupDrift).toBe(0);
  expect(s.linked).toBeGreaterThan(0);
  expect(s.rollupRows).toBeGreaterThan(0);
  await expectInsightsMatchRaw(db);
  return s;
}

describeEachDb('insights summaries stay equal to the raw rows', (ctx) => {
  const id = async (title: string) => Number((await rawRows<{ id: number }>(ctx.db, sql`select id from experiments where title = ${title}`))[0].id);
  const model = async (slug: string) => Number((await rawRows<{ id: number }>(ctx.db, sql`select id from ai_models where slug = ${slug}`))[0].id);
  const summaryOf = async (title: string) =>
    (await rawRows<{ n: number; vendor: string | null; training: boolean }>(
      ctx.db,
      sql`select model_count as n, primary_vendor as vendor, uses_training_model as training from experiments where title = ${title}`,
    ))[0];

  it('after inserts: primary first, else first by name; several experiments in one statement', async () => {
    await exec(ctx.db, `insert into teams (name) values ('Alpha')`);
    await exec(
      ctx.db,
      `insert into ai_models (slug, name, vendor, release_date, data_policy) values
        ('t-zeta', 'Zeta', 'Zorg', '2025-01-01', 'no_training'), ('t-alpha', 'Alpha', 'Acme', '2025-02-01', 'trains'),
        ('t-mid', 'Mid', 'Midco', '2025-03-01', 'no_training'), ('t-open', 'Open', 'Acme', '2025-04-01', 'unknown')`,
    );
    await exec(
      ctx.db,
      `insert into experiments (title, team_id, status, start_date, data_sensitivity)
      select t.title, (select min(id) from teams), t.status, '2026-02-01', t.sens
      from (values ('A', 'completed', 'confidential'), ('B', 'completed', 'internal'), ('C', 'running', 'restricted'), ('D', 'running', 'public'))
        as t(title, status, sens)`,
    );
    await exec(
      ctx.db,
      `insert into experiment_models (experiment_id, model_id, is_primary)
      select e.id, m.id, l.p from (values ('A', 't-zeta', true), ('A', 't-alpha', false), ('B', 't-mid', false), ('B', 't-zeta', false),
        ('C', 't-open', false)) as l(title, slug, p)
      join experiments e on e.title = l.title join ai_models m on m.slug = l.slug`,
    );
    await expectConsistent(ctx.db);
    expect(await summaryOf('A')).toEqual({ n: 2, vendor: 'Zorg', training: true }); // the primary wins over the name
    expect(await summaryOf('B')).toEqual({ n: 2, vendor: 'Midco', training: false }); // no primary: first by name
    expect(await summaryOf('C')).toEqual({ n: 1, vendor: 'Acme', training: true }); // unknown policy counts
    expect(await summaryOf('D')).toEqual({ n: 0, vendor: null, training: false });
  });

  it('after edits of links: another primary, a link moved to another experiment, many rows at once', async () => {
    const [a, b, d] = [await id('A'), await id('B'), await id('D')];
    await exec(ctx.db, `update experiment_models set is_primary = (model_id = ${await model('t-alpha')}) where experiment_id = ${a}`);
    expect((await summaryOf('A')).vendor).toBe('Acme');
    await expectConsistent(ctx.db);
    // Moving a link changes both experiments: the one it left and the one it joined.
    await exec(ctx.db, `update experiment_models set experiment_id = ${d} where experiment_id = ${b} and model_id = ${await model('t-mid')}`);
    expect(await summaryOf('B')).toEqual({ n: 1, vendor: 'Zorg', training: false });
    expect(await summaryOf('D')).toEqual({ n: 1, vendor: 'Midco', training: false });
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update experiment_models set is_primary = false`);
    await expectConsistent(ctx.db);
  });

  it('after a model changes: its vendor, its name (the order) and its data policy reach every experiment using it', async () => {
    await exec(ctx.db, `update ai_models set vendor = 'Zorg Labs' where slug = 't-zeta'`);
    expect((await summaryOf('B')).vendor).toBe('Zorg Labs');
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update ai_models set name = 'Aardvark' where slug = 't-zeta'`);
    expect((await summaryOf('A')).vendor).toBe('Zorg Labs'); // now first by name in A (no primary left)
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update ai_models set data_policy = 'no_training' where slug in ('t-alpha', 't-open')`);
    expect((await summaryOf('C')).training).toBe(false);
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update ai_models set data_policy = 'trains' where slug = 't-mid'`);
    expect((await summaryOf('D')).training).toBe(true);
    // A change that touches no summarised column leaves the experiments alone.
    await exec(ctx.db, `update ai_models set context_window = 1000`);
    await expectConsistent(ctx.db);
  });

  it('after a channel or a vendor’s channel policy changes (issue 23 §4): the links on that channel follow', async () => {
    // B (internal data) keeps only Zeta (Zorg Labs, no_training through the API); D uses Mid (Midco, now trains).
    await exec(ctx.db, `update experiment_models set channel = 'self_hosted' where model_id = ${await model('t-mid')}`);
    expect((await summaryOf('D')).training).toBe(false); // one's own copy: no row needed
    await exec(ctx.db, `update experiment_models set channel = 'consumer_free' where model_id = ${await model('t-zeta')}`);
    expect((await summaryOf('B')).training).toBe(true); // no policy recorded for Zorg Labs' app: unknown
    await expectConsistent(ctx.db);
    await exec(ctx.db, `insert into vendor_channel_policies (vendor, channel, data_policy, source) values ('Zorg Labs', 'consumer_free', 'no_training', 'test')`);
    expect((await summaryOf('B')).training).toBe(false);
    await exec(ctx.db, `update vendor_channel_policies set data_policy = 'trains' where vendor = 'Zorg Labs'`);
    expect((await summaryOf('B')).training).toBe(true);
    await expectConsistent(ctx.db);
    await exec(ctx.db, `delete from vendor_channel_policies where vendor = 'Zorg Labs'`);
    await exec(ctx.db, `update experiment_models set channel = 'api'`);
    expect((await summaryOf('B')).training).toBe(false);
    await expectConsistent(ctx.db);
  });

  it('the rollup follows its experiments: team, mindset, status, start date, archived and restored', async () => {
    const [a, b] = [await id('A'), await id('B')];
    await exec(ctx.db, `insert into teams (name) values ('Beta')`);
    // One column per statement, so each is proven to move the count on its own.
    for (const change of [
      `team_id = (select max(id) from teams)`,
      `mindset = 'new_capability'`,
      `status = 'running'`,
      `start_date = '2025-11-20'`,
      `created_at = '2024-01-01'`,
    ]) {
      await exec(ctx.db, `update experiments set ${change} where id in (${a}, ${b})`);
      await expectConsistent(ctx.db);
    }
    await exec(ctx.db, `update experiments set start_date = null, status = 'proposed' where id = ${b}`); // counted by creation
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update experiments set archived_at = now() where id in (${a}, ${b})`);
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update experiments set archived_at = null, status = 'completed', start_date = '2026-02-01' where id in (${a}, ${b})`);
    await expectConsistent(ctx.db);
    // Many rows at once, none of the rollup's columns changed: nothing moves.
    await exec(ctx.db, `update experiments set learnings = 'Noted.'`);
    await expectConsistent(ctx.db);
  });

  it('the rollup follows the organisation calendar: a new fiscal year start or time zone moves experiments between quarters', async () => {
    const [a, b] = [await id('A'), await id('B')];
    // A starts on 31 March; B was created at 20:00 UTC on 31 March (1 April in Seoul) and has no start date.
    await exec(ctx.db, `update experiments set start_date = '2026-03-31', mindset = 'automate' where id = ${a}`);
    await exec(ctx.db, `update experiments set start_date = null, created_at = '2026-03-31T20:00:00Z', mindset = 'new_capability' where id = ${b}`);
    const quarters = async () =>
      (await rawRows<{ q: string }>(ctx.db, sql`select distinct quarter::text as q from insights_rollup where mindset in ('automate', 'new_capability') order by 1`)).map((r) => r.q);
    await expectConsistent(ctx.db);
    expect(await quarters()).toEqual(['2026-01-01']);
    await exec(ctx.db, `update org_settings set fiscal_year_start_month = 4`);
    await expectConsistent(ctx.db);
    expect(await quarters()).toEqual(['2026-01-01']);
    await exec(ctx.db, `update org_settings set time_zone = 'Asia/Seoul'`);
    await expectConsistent(ctx.db);
    expect(await quarters()).toEqual(['2026-01-01', '2026-04-01']);
    // The summary names fiscal quarters: in Q1 FY2026/27 one of one new experiment creates a capability.
    const summary = await getInsightsSummary(ctx.db, { today: '2026-04-02', fyStart: 4, timeZone: 'Asia/Seoul' });
    expect(summary.shiftSentence).toBe('This quarter 100% of new experiments aim at a new capability, up from 0% in Q4 FY2025/26.');
    await exec(ctx.db, `update org_settings set fiscal_year_start_month = 1, time_zone = 'UTC'`);
    await expectConsistent(ctx.db);
    expect(await quarters()).toEqual(['2026-01-01']);
  });

  it('outcome counts follow outcomes: added, moved to another experiment, removed', async () => {
    const [a, c] = [await id('A'), await id('C')];
    await exec(
      ctx.db,
      `insert into capability_outcomes (experiment_id, type, description, impact, recorded_on)
      select e.id, 'insight', 'Outcome ' || k, 3, '2026-03-01' from experiments e cross join generate_series(1, 2) k where e.id in (${a}, ${c})`,
    );
    expect((await summaryDrift(ctx.db)).outcomes).toBe(2);
    await exec(ctx.db, `update capability_outcomes set experiment_id = ${c} where id = (select min(id) from capability_outcomes where experiment_id = ${a})`);
    await exec(ctx.db, `update capability_outcomes set impact = 4`); // no move: no count changes
    await expectConsistent(ctx.db);
    await exec(ctx.db, `delete from capability_outcomes where experiment_id = ${a}`);
    const s = await expectConsistent(ctx.db);
    expect(s.outcomes).toBe(1);
  });

  it('the app cannot write the summary itself: an insert starts empty, a direct update is ignored', async () => {
    const a = await id('A');
    const before = await summaryOf('A');
    await exec(ctx.db, `update experiments set model_count = 9, primary_vendor = 'Forged', uses_training_model = false, outcome_count = 7 where id = ${a}`);
    expect(await summaryOf('A')).toEqual(before);
    await exec(
      ctx.db,
      `insert into experiments (title, team_id, status, model_count, primary_vendor, uses_training_model, outcome_count)
      select 'Smuggled', min(id), 'proposed', 5, 'Forged', true, 2 from teams`,
    );
    expect(await summaryOf('Smuggled')).toEqual({ n: 0, vendor: null, training: false });
    await expectConsistent(ctx.db);
  });

  it('after deletes: one link, all of an experiment’s, an experiment (cascade) and an unused model', async () => {
    const a = await id('A');
    await exec(ctx.db, `delete from experiment_models where experiment_id = ${a} and model_id = ${await model('t-zeta')}`);
    expect(await summaryOf('A')).toEqual({ n: 1, vendor: 'Acme', training: false });
    await expectConsistent(ctx.db);
    await exec(ctx.db, `delete from experiment_models where experiment_id = ${await id('B')}`);
    expect(await summaryOf('B')).toEqual({ n: 0, vendor: null, training: false });
    await expectConsistent(ctx.db);
    await exec(ctx.db, `delete from experiments where id = ${await id('C')}`);
    await exec(ctx.db, `delete from ai_models where slug = 't-open'`);
    await expectConsistent(ctx.db);
  });

  it('after a bulk insert of many experiments and links', async () => {
    await exec(
      ctx.db,
      `insert into experiments (title, team_id, status, start_date, data_sensitivity, archived_at)
      select 'Bulk ' || g, (select min(id) from teams), (array['running', 'completed', 'proposed'])[1 + g % 3], '2026-01-01',
        (array['public', 'internal', 'confidential', 'restricted'])[1 + g % 4], case when g % 17 = 0 then now() end
      from generate_series(1, 400) g`,
    );
    await exec(
      ctx.db,
      `insert into experiment_models (experiment_id, model_id, is_primary)
      select e.id, m.id, m.k = 1 and e.id % 2 = 0
      from experiments e join lateral (select id, row_number() over (order by slug) as k from ai_models where slug like 't-%') m
        on m.k <= 1 + e.id % 3
      where e.title like 'Bulk %' and e.id % 7 <> 0`,
    );
    await exec(
      ctx.db,
      `insert into capability_outcomes (experiment_id, type, description, impact, recorded_on)
      select e.id, 'synthesis', 'Bulk outcome', 2, '2026-03-01' from experiments e cross join generate_series(1, 1 + e.id % 3) k
      where e.title like 'Bulk %' and e.id % 4 <> 0`,
    );
    const s = await expectConsistent(ctx.db);
    expect(s.outcomes).toBeGreaterThan(250);
    expect(s.rollupRows).toBeGreaterThan(5);
    expect(s.linked).toBeGreaterThan(300);
    expect(s.training).toBeGreaterThan(50);
  });

  it('after a backup restore into a fresh instance, even with tampered summary values in the file', { timeout: 120_000 }, async () => {
    await exec(ctx.db, `insert into "user" (id, name, email, role, email_verified) values ('u_admin', 'Admin', 'admin@test.local', 'admin', true)`);
    const file = await backupFileOf(ctx.db);
    // A hand-edited file cannot smuggle figures in: the restore recomputes them.
    file.tables.experiments = file.tables.experiments.map((e) => ({ ...e, model_count: 42, primary_vendor: 'Forged', uses_training_model: true, outcome_count: 3 }));
    const expected = [await summaryDrift(ctx.db), await expectInsightsMatchRaw(ctx.db)];
    expect(await inFreshRestore(ctx.kind, file, async (db) => [await expectConsistent(db), await expectInsightsMatchRaw(db)])).toEqual(expected);
  });

  it('a backup made before migration 0005 (schema 0004, without the summary columns) restores with them computed', { timeout: 120_000 }, async () => {
    const summary = ['model_count', 'primary_vendor', 'uses_training_model', 'outcome_count', 'used_best_score'];
    const old = await asOlderBackup(await backupFileOf(ctx.db), '0004_dashboard_summaries', { experiments: (k) => summary.includes(k) });
    expect(await inFreshRestore(ctx.kind, old, expectConsistent)).toEqual(await summaryDrift(ctx.db));
  });
});
