// The per-experiment check-in summaries (experiments.checkin_* / current_*, kept by triggers on checkins,
// migration 0004) must always equal a recomputation over the raw check-ins — after inserts, edits,
// moves, deletes, a bulk insert and a backup restore — and the dashboard figures built on them must
// equal a plain query over raw rows (the formulation used before the summaries existed).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import { getDashboardKpis } from '@/db/queries/dashboard/kpis';
import { getEfficiencyByMonth, getQualityComparison } from '@/db/queries/dashboard/efficiency';
import { getTeamBreakdown } from '@/db/queries/dashboard/teams';
import type { Db } from '@/db/types';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { asOlderBackup, backupFileOf, inFreshRestore } from './helpers/backup-roundtrip';
import { describeEachDb } from './helpers/db';
import { latestCheckin } from './helpers/summary-definitions';

const TODAY = '2026-06-30';
const F: DashboardFilters = { period: { from: '2026-04-01', to: TODAY }, previous: { from: '2026-01-01', to: '2026-03-31' }, today: TODAY };

/** Latest check-in (date, then id) that carries the figure — the definition, over raw rows. */
const latest = latestCheckin;

/** Experiments whose stored summary differs from the recomputation, and how many carry a check-in figure. */
async function summaryDrift(db: Db) {
  const [row] = await rawRows<{ drift: number; checked: number; total: number }>(
    db,
    sql.raw(`select
      count(*) filter (where e.checkin_hours_saved_per_month is distinct from ${latest('hours_saved_per_month')}
        or e.checkin_spend_monthly_cents is distinct from ${latest('spend_monthly_cents')}
        or e.checkin_quality_after is distinct from ${latest('quality_after')}
        or e.current_hours_saved_per_month is distinct from coalesce(${latest('hours_saved_per_month')}, e.hours_saved_per_month, 0)
        or e.current_spend_monthly_cents is distinct from coalesce(${latest('spend_monthly_cents')}, e.spend_monthly_cents, 0)
        or e.current_quality_after is distinct from coalesce(${latest('quality_after')}, e.quality_after))::int as drift,
      count(*) filter (where e.checkin_hours_saved_per_month is not null or e.checkin_spend_monthly_cents is not null)::int as checked,
      count(*)::int as total
    from experiments e`),
  );
  return { drift: Number(row.drift), checked: Number(row.checked), total: Number(row.total) };
}

const activeRaw = `e.archived_at is null and e.status <> 'proposed' and e.start_date is not null
  and e.start_date <= '${F.period.to}' and coalesce(e.end_date, '${TODAY}') >= '${F.period.from}'`;

/** The dashboard figures that read the summaries, against the same figures over raw rows. */
async function expectDashboardMatchesRaw(db: Db) {
  const [ref] = await rawRows<{ active: number; hours: number; spend: number; qn: number; qa: number | null }>(
    db,
    sql.raw(`select count(*)::int as active,
      coalesce(sum(coalesce(${latest('hours_saved_per_month')}, e.hours_saved_per_month, 0)), 0)::float8 as hours,
      coalesce(sum(coalesce(${latest('spend_monthly_cents')}, e.spend_monthly_cents, 0)), 0)::float8 as spend,
      count(*) filter (where e.quality_before is not null and coalesce(${latest('quality_after')}, e.quality_after) is not null)::int as qn,
      (avg(coalesce(${latest('quality_after')}, e.quality_after)) filter (where e.quality_before is not null))::float8 as qa
    from experiments e where ${activeRaw}`),
  );
  const kpis = await getDashboardKpis(db, F);
  expect(kpis.current.active).toBe(Number(ref.active));
  expect(kpis.current.hoursSavedPerMonth).toBeCloseTo(Number(ref.hours), 6);
  expect(kpis.current.spendMonthlyCents).toBe(Number(ref.spend));
  const quality = await getQualityComparison(db, F);
  expect(quality.experiments).toBe(Number(ref.qn));
  if (ref.qa == null) expect(quality.after).toBeNull();
  else expect(quality.after).toBeCloseTo(Number(ref.qa), 6);

  const teams = await getTeamBreakdown(db, F);
  expect(teams.reduce((s, t) => s + Number(t.hoursSavedPerMonth), 0)).toBeCloseTo(Number(ref.hours), 6);
  expect(teams.reduce((s, t) => s + Number(t.spendMonthlyCents), 0)).toBe(Number(ref.spend));
  const months = await getEfficiencyByMonth(db, F);
  const june = months.find((m) => m.month === '2026-06')!;
  const [refJune] = await rawRows<{ hours: number }>(
    db,
    sql.raw(`select coalesce(sum(coalesce(${latest('hours_saved_per_month')}, e.hours_saved_per_month, 0)), 0)::float8 as hours
      from experiments e where ${activeRaw} and e.start_date <= '2026-06-30' and coalesce(e.end_date, '${TODAY}') >= '2026-06-01'`),
  );
  expect(june.hoursSavedPerMonth).toBeCloseTo(Number(refJune.hours), 6);
  return ref;
}

const exec = (db: Db, q: string) => db.execute(sql.raw(q));

/** Outcomes whose copies of the experiment's slice columns (migration 0004) differ from the experiment. */
async function outcomeDrift(db: Db) {
  const [row] = await rawRows<{ drift: number; total: number }>(
    db,
    sql.raw(`select count(*) filter (where o.team_id is distinct from e.team_id or o.work_type is distinct from e.work_type
        or o.experiment_archived is distinct from (e.archived_at is not null))::int as drift, count(*)::int as total
      from capability_outcomes o join experiments e on e.id = o.experiment_id`),
  );
  return { drift: Number(row.drift), total: Number(row.total) };
}

/** Outcome figures (which read the copies) against a join to the experiments over raw rows. */
async function expectOutcomeFiguresMatchRaw(db: Db) {
  const ref = await rawRows<{ team_id: number; n: number; e: number }>(
    db,
    sql.raw(`select e.team_id, count(*)::int as n, count(distinct o.experiment_id)::int as e
      from capability_outcomes o join experiments e on e.id = o.experiment_id
      where e.archived_at is null and o.recorded_on between '${F.period.from}' and '${F.period.to}' group by e.team_id`),
  );
  const teams = await getTeamBreakdown(db, F);
  const byTeam = Object.fromEntries(ref.map((r) => [Number(r.team_id), [Number(r.n), Number(r.e)]]));
  for (const t of teams) expect([t.outcomes, t.outcomeExperiments]).toEqual(byTeam[t.teamId] ?? [0, 0]);
  const kpis = await getDashboardKpis(db, F);
  expect(kpis.current.outcomes).toBe(ref.reduce((s, r) => s + Number(r.n), 0));
  const team = teams.find((t) => t.outcomes > 0);
  if (team) {
    const one = await getDashboardKpis(db, { ...F, team: [team.teamId] });
    expect([one.current.outcomes, one.current.outcomeExperiments]).toEqual([team.outcomes, team.outcomeExperiments]);
  }
}

async function expectConsistent(db: Db) {
  const s = await summaryDrift(db);
  expect(s.drift).toBe(0);
  expect(s.checked).toBeGreaterThan(0);
  await expectDashboardMatchesRaw(db);
  const o = await outcomeDrift(db);
  expect(o.drift).toBe(0);
  expect(o.total).toBeGreaterThan(0);
  await expectOutcomeFiguresMatchRaw(db);
  return s;
}

describeEachDb('check-in summaries stay equal to the raw check-ins', (ctx) => {
  const id = async (title: string) => Number((await rawRows<{ id: number }>(ctx.db, sql`select id from experiments where title = ${title}`))[0].id);

  it('after inserts (one statement, several experiments, same-date ties)', async () => {
    await exec(ctx.db, `insert into teams (name) values ('Alpha'), ('Beta')`);
    await exec(
      ctx.db,
      `insert into experiments (title, team_id, status, start_date, end_date, hours_before_per_task, hours_with_ai_per_task, tasks_per_month,
        spend_monthly_cents, quality_before, quality_after)
      select t.title, (select min(id) from teams) + t.team, t.status, t.start::date, t.stop::date, 4, 1, 10, 1000, 2, 3
      from (values ('A', 0, 'running', '2026-01-10', null), ('B', 0, 'completed', '2026-02-01', '2026-05-15'),
        ('C', 1, 'running', '2026-05-01', null), ('D', 1, 'completed', '2025-06-01', '2025-12-01'), ('E', 1, 'proposed', null, null))
        as t(title, team, status, start, stop)`,
    );
    await exec(
      ctx.db,
      `insert into checkins (experiment_id, date, hours_before_per_task, hours_with_ai_per_task, tasks_per_month, spend_monthly_cents, quality_after)
      select e.id, c.d::date, c.hb, c.ha, c.tasks, c.spend, c.q from experiments e
      join (values ('A', '2026-03-01', 4, 2, 10, 1500, 4), ('A', '2026-04-01', 4, 1.5, 12, null, null),
        ('B', '2026-03-15', null, null, null, 900, 5), ('C', '2026-06-01', 3, 1, 20, 3000, 2)) as c(title, d, hb, ha, tasks, spend, q)
      on c.title = e.title`,
    );
    await exec(
      ctx.db,
      `insert into capability_outcomes (experiment_id, type, description, impact, recorded_on, team_id, work_type)
      select e.id, 'insight', 'Outcome of ' || e.title, 3, date '2026-04-10' + (e.id % 30), null, 'design'
      from experiments e cross join generate_series(1, 2) k where e.title in ('A', 'B', 'C')`,
    );
    // Same date as an existing check-in of A: the higher id is the later one.
    await exec(
      ctx.db,
      `insert into checkins (experiment_id, date, hours_before_per_task, hours_with_ai_per_task, tasks_per_month, spend_monthly_cents)
      select id, '2026-04-01', 5, 1, 12, 2000 from experiments where title = 'A'`,
    );
    await expectConsistent(ctx.db);
    // A's latest hours: the second 2026-04-01 row (higher id) wins the tie: (5 − 1) × 12.
    const [a] = await rawRows<{ h: string; s: number; q: number }>(
      ctx.db,
      sql`select current_hours_saved_per_month::text as h, current_spend_monthly_cents as s, current_quality_after as q from experiments where title = 'A'`,
    );
    expect([a.h, Number(a.s), Number(a.q)]).toEqual(['48.00', 2000, 4]);
  });

  it('after edits: dates, values, nulls and a check-in moved to another experiment', async () => {
    const a = await id('A');
    const c = await id('C');
    await exec(ctx.db, `update checkins set date = '2026-05-01' where experiment_id = ${a} and date = '2026-03-01'`);
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update checkins set spend_monthly_cents = 2500, quality_after = null where experiment_id = ${c}`);
    await expectConsistent(ctx.db);
    // Moving a check-in changes both experiments: the one it left and the one it joined.
    await exec(ctx.db, `update checkins set experiment_id = ${c} where id = (select min(id) from checkins where experiment_id = ${a})`);
    await expectConsistent(ctx.db);
    // Several rows in one statement.
    await exec(ctx.db, `update checkins set tasks_per_month = tasks_per_month + 1`);
    await expectConsistent(ctx.db);
  });

  it('outcome copies follow their experiment: team, work type, archive, a moved outcome', async () => {
    const [a, b, c] = [await id('A'), await id('B'), await id('C')];
    await exec(ctx.db, `update experiments set team_id = (select max(id) from teams), work_type = 'coding' where id = ${a}`);
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update experiments set archived_at = now() where id = ${b}`);
    await expectConsistent(ctx.db);
    await exec(ctx.db, `update experiments set archived_at = null where id = ${b}`);
    await exec(ctx.db, `update capability_outcomes set experiment_id = ${c} where id = (select min(id) from capability_outcomes where experiment_id = ${a})`);
    await expectConsistent(ctx.db);
    // Writing a copy directly is overruled by the experiment's value.
    await exec(ctx.db, `update capability_outcomes set team_id = 0, experiment_archived = true where experiment_id = ${c}`);
    expect((await outcomeDrift(ctx.db)).drift).toBe(0);
  });

  it('the app cannot write the summary itself: an insert starts empty, a direct update is ignored', async () => {
    const b = await id('B');
    const before = await rawRows<{ s: number }>(ctx.db, sql`select checkin_spend_monthly_cents as s from experiments where id = ${b}`);
    await exec(ctx.db, `update experiments set checkin_spend_monthly_cents = 1, checkin_quality_after = 1 where id = ${b}`);
    expect(await rawRows(ctx.db, sql`select checkin_spend_monthly_cents as s from experiments where id = ${b}`)).toEqual(before);
    await exec(
      ctx.db,
      `insert into experiments (title, team_id, status, start_date, checkin_hours_saved_per_month, checkin_spend_monthly_cents)
      select 'Smuggled', min(id), 'running', '2026-04-02', 999, 999 from teams`,
    );
    const [s] = await rawRows<{ h: string | null; sp: number | null }>(
      ctx.db,
      sql`select checkin_hours_saved_per_month as h, checkin_spend_monthly_cents as sp from experiments where title = 'Smuggled'`,
    );
    expect(s).toEqual({ h: null, sp: null });
    await expectConsistent(ctx.db);
  });

  it('after deletes: one check-in, all of an experiment’s, and an experiment (cascade)', async () => {
    const a = await id('A');
    await exec(ctx.db, `delete from checkins where id = (select max(id) from checkins where experiment_id = ${a})`);
    await expectConsistent(ctx.db);
    await exec(ctx.db, `delete from checkins where experiment_id = ${await id('B')}`);
    await expectConsistent(ctx.db);
    await exec(ctx.db, `delete from experiments where id = ${await id('C')}`);
    await expectConsistent(ctx.db);
  });

  it('after a bulk insert of many experiments and check-ins', async () => {
    await exec(
      ctx.db,
      `insert into experiments (title, team_id, status, start_date, hours_before_per_task, hours_with_ai_per_task, tasks_per_month, spend_monthly_cents, quality_before, quality_after)
      select 'Bulk ' || g, (select min(id) from teams) + g % 2, case when g % 5 = 0 then 'proposed' else 'running' end,
        case when g % 5 = 0 then null else date '2026-01-01' + (g % 150) end, 2 + g % 3, 1, g % 40, 100 * g, 1 + g % 5, case when g % 3 = 0 then 4 end
      from generate_series(1, 300) g`,
    );
    await exec(
      ctx.db,
      `insert into checkins (experiment_id, date, hours_before_per_task, hours_with_ai_per_task, tasks_per_month, spend_monthly_cents, quality_after)
      select e.id, e.start_date + 10 * k, case when k % 2 = 0 then 3 end, 1, 5 * k, case when k < 3 then 50 * k end, case when k % 3 = 1 then 1 + k % 5 end
      from experiments e cross join generate_series(1, 4) k where e.title like 'Bulk %' and e.start_date is not null`,
    );
    await exec(
      ctx.db,
      `insert into capability_outcomes (experiment_id, type, description, impact, recorded_on)
      select e.id, 'synthesis', 'Bulk outcome', 1 + e.id % 5, e.start_date + 5 * k
      from experiments e cross join generate_series(1, 3) k where e.title like 'Bulk %' and e.start_date is not null`,
    );
    await exec(ctx.db, `update experiments set team_id = (select max(id) from teams) where title like 'Bulk 1%'`);
    const s = await expectConsistent(ctx.db);
    expect(s.checked).toBeGreaterThan(200);
  });

  it('after a backup restore into a fresh instance, even with tampered summary values in the file', { timeout: 120_000 }, async () => {
    await exec(ctx.db, `insert into "user" (id, name, email, role, email_verified) values ('u_admin', 'Admin', 'admin@test.local', 'admin', true)`);
    const file = await backupFileOf(ctx.db);
    // A hand-edited (or older) file cannot smuggle figures in: the restore recomputes them.
    file.tables.experiments = file.tables.experiments.map((e) => ({ ...e, checkin_hours_saved_per_month: '12345.00', checkin_spend_monthly_cents: 7 }));
    file.tables.capability_outcomes = file.tables.capability_outcomes.map((o) => ({ ...o, team_id: 0, experiment_archived: true }));
    const expected = [await summaryDrift(ctx.db), await expectDashboardMatchesRaw(ctx.db)];
    expect(await inFreshRestore(ctx.kind, file, async (db) => [await expectConsistent(db), await expectDashboardMatchesRaw(db)])).toEqual(expected);
  });

  for (const schemaVersion of ['0003_data_version', '0001_audit_append_only'])
  it(`a backup made before migration 0004 (schema ${schemaVersion}, without the derived columns) restores with them computed`, { timeout: 120_000 }, async () => {
    const old = await asOlderBackup(await backupFileOf(ctx.db), schemaVersion, {
      // The derived columns of 0004, and those of 0005 and 0006 the older file cannot have either.
      experiments: (k) => /^(checkin|current)_/.test(k) || ['model_count', 'primary_vendor', 'uses_training_model', 'outcome_count', 'used_best_score'].includes(k),
      capability_outcomes: (k) => ['team_id', 'work_type', 'experiment_archived'].includes(k),
    });
    expect(await inFreshRestore(ctx.kind, old, expectConsistent)).toEqual(await summaryDrift(ctx.db));
  });
});
