// usage_rollup_month (db/derived/usage-rollup.sql): how a period splits into whole months, whole segments and raw
// days; the monthly level kept equal to usage_daily through inserts, updates, re-mapping, deletes and truncation
// (summaryDrift), an import that both re-imports and adds rows of one group included; and 12-month telemetry and exports read through it giving exactly what summing usage_daily gives.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importUsage } from '@/db/queries/usage/import';
import { setUsageTeamMapping } from '@/db/queries/usage/mappings';
import { getUsageByTeam, getUsageOverTime, UNMAPPED } from '@/db/queries/usage/telemetry';
import { usageExportRows } from '@/db/queries/usage/export';
import { rawRows } from '@/db/sql';
import { teams } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Period } from '@/lib/metrics/period';
import type { UsageRecord } from '@/lib/usage/record';
import { splitUsagePeriod } from '@/lib/metrics/usage-segments';
import { summaryDrift } from './helpers/summary-definitions';
import { describeEachDb } from './helpers/db';

describe('usage period split by month', () => {
  // 2025-12-17 is a Wednesday; 2026-12-01 a Tuesday, 2026-12-06 a Sunday.
  const year = { from: '2025-12-17', to: '2026-12-09' };
  it('reads whole months, the partial months’ whole segments, and raw days only at the outer ends', () => {
    expect(splitUsagePeriod(year, '2026-12-31', 'month')).toEqual({
      months: { from: '2026-01-01', to: '2026-11-30' },
      segments: [
        { from: '2025-12-22', to: '2025-12-31' },
        { from: '2026-12-01', to: '2026-12-06' },
      ],
      days: [
        { from: '2025-12-17', to: '2025-12-21' },
        { from: '2026-12-07', to: '2026-12-09' },
      ],
    });
  });
  it('counts the last month whole when no usage comes after the period', () => {
    expect(splitUsagePeriod(year, '2026-12-09', 'month')).toEqual({
      months: { from: '2026-01-01', to: '2026-12-31' },
      segments: [{ from: '2025-12-22', to: '2025-12-31' }],
      days: [{ from: '2025-12-17', to: '2025-12-21' }],
    });
    expect(splitUsagePeriod({ from: '2026-01-01', to: '2026-12-31' }, null, 'month')).toEqual({ months: { from: '2026-01-01', to: '2026-12-31' }, segments: [], days: [] });
  });
  it('falls back to segments when no month is whole, and never reads months for a weekly axis', () => {
    expect(splitUsagePeriod({ from: '2026-03-04', to: '2026-04-20' }, '2026-11-30', 'month')).toEqual({
      months: null,
      segments: [{ from: '2026-03-09', to: '2026-04-19' }],
      days: [
        { from: '2026-03-04', to: '2026-03-08' },
        { from: '2026-04-20', to: '2026-04-20' },
      ],
    });
    expect(splitUsagePeriod(year, '2026-12-31', 'week')).toEqual({
      months: null,
      segments: [{ from: '2025-12-22', to: '2026-12-06' }],
      days: [
        { from: '2025-12-17', to: '2025-12-21' },
        { from: '2026-12-07', to: '2026-12-09' },
      ],
    });
    expect(splitUsagePeriod({ from: '2026-03-10', to: '2026-03-12' }, '2026-11-30', 'month')).toEqual({ months: null, segments: [], days: [{ from: '2026-03-10', to: '2026-03-12' }] });
  });
});

const DAY = 86_400_000;
const rec = (day: string, externalTeam: string, externalModel: string, requests: number, activeUsers: number | null, engagedUsers: number | null): UsageRecord => ({
  day, externalTeam, vendor: 'MonthCo', externalModel, requests, inputTokens: requests * 10, outputTokens: requests * 3,
  costMicros: requests * 1000, currency: externalTeam === 'c' ? 'EUR' : 'USD', activeUsers, engagedUsers, details: null,
});

/** 2025-11-20 .. 2026-12-10 for external teams a, b, c and two models: figures that vary by day, team and model. */
const RECORDS: UsageRecord[] = [];
for (let d = Date.UTC(2025, 10, 20), i = 0; d <= Date.UTC(2026, 11, 10); d += DAY, i++) {
  const day = new Date(d).toISOString().slice(0, 10);
  ['a', 'b', 'c'].forEach((t, k) =>
    ['m-1', 'm-2'].forEach((m, j) => RECORDS.push(rec(day, t, m, ((i * 7 + k * 13 + j * 5) % 97) + 1, t === 'c' ? null : ((i * 3 + k + j) % 23) + 2, (i + j) % 5 === 0 ? null : (i % 11) + k))),
  );
}

/** 12 months with ragged ends and data after them: whole months, segments and raw days are all read. */
const YEAR: Period = { from: '2025-12-17', to: '2026-12-09' };

/** The export's rows, summed straight from usage_daily with the export's grouping and order. */
const directExport = (db: Db, p: Period) =>
  rawRows<{ month: string; source: string; team: string | null; vendor: string; external_model: string; rq: number; it: number; ot: number; au: number | null; cost: number; currency: string }>(
    db,
    sql`select to_char(u.day, 'YYYY-MM') as month, u.source, t.name as team, coalesce(am.vendor, u.vendor) as vendor, am.name as model, u.external_model,
        sum(u.requests)::float8 as rq, sum(u.input_tokens)::float8 as it, sum(u.output_tokens)::float8 as ot, max(u.active_users) as au,
        sum(u.cost_micros)::float8 as cost, u.currency
      from usage_daily u left join teams t on t.id = u.team_id left join ai_models am on am.id = u.model_id
      where u.day between ${p.from}::date and ${p.to}::date
      group by 1, 2, 3, 4, 5, 6, 12 order by 1, 3 nulls last, 4, 5 nulls last, 6, 2, 12`,
  );

/** Per team and per month, straight from usage_daily: requests, tokens, active and engaged users' daily maximum. */
const directBy = (db: Db, p: Period, key: 'team' | 'month') =>
  rawRows<{ k: string | null; rq: number; it: number; ot: number; au: number | null; eu: number | null }>(
    db,
    sql`select ${key === 'team' ? sql`coalesce(t.name, ${UNMAPPED})` : sql`to_char(u.day, 'YYYY-MM')`} as k, sum(u.requests)::float8 as rq,
        sum(u.input_tokens)::float8 as it, sum(u.output_tokens)::float8 as ot, max(u.active_users) as au, max(u.engaged_users) as eu
      from usage_daily u left join teams t on t.id = u.team_id where u.day between ${p.from}::date and ${p.to}::date group by 1 order by 1`,
  );

const num = (v: number | null) => (v == null ? null : Number(v));

describeEachDb('usage rollup by month', (ctx) => {
  let teamA = 0;
  let teamB = 0;

  /** The 12-month figures read through the rollups equal the raw rows' sums, and both levels show no drift. */
  async function expectRawFigures(p: Period = YEAR) {
    const drift = await summaryDrift(ctx.ownerDb);
    expect([drift.usageRollup, drift.usageRollupMonth]).toEqual([0, 0]);
    const exported = await usageExportRows(ctx.db, { period: p }, null);
    const raw = await directExport(ctx.ownerDb, p);
    expect(raw.length).toBeGreaterThan(30);
    expect(exported.map((r) => [r.month, r.source, r.team, r.vendor, r.model, r.externalModel, r.requests, r.inputTokens, r.outputTokens, r.activeUsers, r.costMicros, r.currency])).toEqual(
      raw.map((r) => [r.month, r.source, r.team ?? UNMAPPED, r.vendor, '', r.external_model, Number(r.rq), Number(r.it), Number(r.ot), num(r.au), Number(r.cost), r.currency]),
    );
    const byTeam = await getUsageByTeam(ctx.db, { period: p }, null);
    expect(byTeam.map((r) => [r.team, r.requests, r.inputTokens, r.outputTokens, r.activeUsers, r.engagedUsers]).sort()).toEqual(
      (await directBy(ctx.ownerDb, p, 'team')).map((r) => [r.k, Number(r.rq), Number(r.it), Number(r.ot), num(r.au), num(r.eu)]).sort(),
    );
    const overTime = (await getUsageOverTime(ctx.db, { period: p }, null)).rows.filter((r) => r.requests > 0);
    expect(overTime.map((r) => [r.key, r.requests, r.inputTokens, r.outputTokens, r.activeUsers, r.engagedUsers])).toEqual(
      (await directBy(ctx.ownerDb, p, 'month')).map((r) => [r.k, Number(r.rq), Number(r.it), Number(r.ot), num(r.au), num(r.eu)]),
    );
  }

  it('gives the raw rows’ 12-month figures after an import and an import adding to its months', async () => {
    [{ id: teamA }, { id: teamB }] = await ctx.db.insert(teams).values([{ name: 'Month A' }, { name: 'Month B' }]).returning({ id: teams.id });
    expect(await setUsageTeamMapping(ctx.db, null, { source: 'csv', externalTeam: 'a', teamId: teamA })).toMatchObject({ ok: true });
    expect(await setUsageTeamMapping(ctx.db, null, { source: 'csv', externalTeam: 'b', teamId: teamB })).toMatchObject({ ok: true });
    expect(await importUsage(ctx.db, { source: 'csv', origin: 'command', records: RECORDS.filter((r) => r.externalModel === 'm-1'), actor: null })).toMatchObject({ ok: true, rows: 1158 });
    await expectRawFigures();
    // The second model's rows land in month groups of their own and in existing (month, team) partitions.
    expect(await importUsage(ctx.db, { source: 'csv', origin: 'command', records: RECORDS.filter((r) => r.externalModel === 'm-2'), actor: null })).toMatchObject({ ok: true, rows: 1158 });
    // 3 teams × 2 models × 14 months (November 2025 .. December 2026).
    expect((await rawRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from usage_rollup_month`))[0].n).toBe(84);
    await expectRawFigures();
    await expectRawFigures({ from: '2025-12-17', to: '2026-12-31' });
  });

  it('reads its whole months from usage_rollup_month', async () => {
    // One request more on every month row (as the owner, behind the triggers' back): January..November 2026 are
    // read from there, so each team's 12-month total rises by its 2 models × 11 months.
    const total = async () => (await getUsageByTeam(ctx.db, { period: YEAR }, null)).map((r) => [r.team, r.requests]);
    const before = await total();
    await ctx.ownerDb.execute(sql`update usage_rollup_month set requests = requests + 1`);
    expect(await total()).toEqual(before.map(([team, n]) => [team, Number(n) + 22]));
    await ctx.ownerDb.execute(sql`update usage_rollup_month set requests = requests - 1`);
    expect(await total()).toEqual(before);
  });

  it('follows re-imports that lower a maximum, a re-mapping and deletes', async () => {
    // Team a's whole of March 2026 re-imported with one active user and fewer requests: March's maximum falls.
    const march = RECORDS.filter((r) => r.externalTeam === 'a' && r.day.startsWith('2026-03')).map((r) => ({ ...r, requests: 1, activeUsers: 1 }));
    expect(await importUsage(ctx.db, { source: 'csv', origin: 'command', records: march, actor: null })).toMatchObject({ ok: true });
    const marchA = await rawRows<{ au: number; rq: number }>(ctx.db, sql`select max(active_users) as au, sum(requests)::int as rq from usage_rollup_month where month = '2026-03-01' and team_id = ${teamA}`);
    expect(marchA).toEqual([{ au: 1, rq: 62 }]);
    await expectRawFigures();
    // The unmapped team's rows move to team B: both (month, team) groups are recomputed.
    expect(await setUsageTeamMapping(ctx.db, null, { source: 'csv', externalTeam: 'c', teamId: teamB })).toMatchObject({ ok: true });
    await expectRawFigures();
    // Days inside whole months, a partial month's segment and raw days, and a whole month of one team.
    await ctx.db.execute(sql`delete from usage_daily where day between '2026-05-10' and '2026-05-20' or day between '2025-12-18' and '2025-12-24'
      or day between '2026-12-05' and '2026-12-08' or (day between '2026-08-01' and '2026-08-31' and external_team = 'b')`);
    expect((await rawRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from usage_rollup_month where month = '2026-08-01' and team_id = ${teamB}`))[0].n).toBe(2);
    await expectRawFigures();
    await expectRawFigures({ from: '2025-12-17', to: '2026-12-31' });
  });

  it('counts once a row an import adds beside rows it re-imports in the same week and month', async () => {
    // One statement updates 9 December (model m-1) and inserts 10 December (model m-3), team a: its AFTER UPDATE
    // trigger recomputes (7 December, a) and (December, a), which already hold the new row, before its AFTER INSERT one.
    const records = [rec('2026-12-09', 'a', 'm-1', 50, 4, 1), rec('2026-12-10', 'a', 'm-3', 9, 3, 1)];
    expect(await importUsage(ctx.db, { source: 'csv', origin: 'command', records, actor: null })).toMatchObject({ ok: true, rows: 2 });
    const m3 = await rawRows<{ s: number; m: number }>(
      ctx.db,
      sql`select (select sum(requests)::int from usage_rollup where external_model = 'm-3') as s, (select sum(requests)::int from usage_rollup_month where external_model = 'm-3') as m`,
    );
    expect(m3).toEqual([{ s: 9, m: 9 }]);
    await expectRawFigures({ from: '2025-12-17', to: '2026-12-31' });
    // A plain update earlier in the transaction does not make a later insert of the same groups count for nothing.
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`update usage_daily set requests = requests + 1 where external_model = 'm-3'`);
      await tx.execute(sql`insert into usage_daily (day, source, connection_id, external_team, team_id, vendor, external_model, requests, input_tokens,
          output_tokens, cost_micros, currency) select day, source, connection_id, external_team, team_id, vendor, 'm-4', 5, 0, 0, 0, currency
        from usage_daily where external_model = 'm-3'`);
    });
    expect(await rawRows(ctx.db, sql`select requests::int as n from usage_rollup_month where external_model in ('m-3', 'm-4') order by external_model`)).toEqual([{ n: 10 }, { n: 5 }]);
    await expectRawFigures({ from: '2025-12-17', to: '2026-12-31' });
  });

  it('counts rows whose statement named their groups as already recomputed', async () => {
    // The list is a setting: an INSERT … SELECT can set it itself, after the statement's BEFORE trigger cleared it.
    // Listed groups are recomputed from usage_daily, never skipped, so the forged list changes no figure.
    await ctx.db.execute(sql`insert into usage_daily (day, source, connection_id, external_team, team_id, vendor, external_model, requests, input_tokens,
        output_tokens, cost_micros, currency)
      select d.day, d.source, d.connection_id, d.external_team, d.team_id, d.vendor, 'm-5', 7, 0, 0, 0, d.currency
      from usage_daily d, (select set_config('uplift.usage_rollup_recomputed', '{s2026-12-07|${sql.raw(String(teamA))},m2026-12-01|${sql.raw(String(teamA))}}', true)) f
      where d.external_model = 'm-3'`);
    expect(await rawRows(ctx.db, sql`select (select sum(requests)::int from usage_rollup where external_model = 'm-5') as s,
      (select sum(requests)::int from usage_rollup_month where external_model = 'm-5') as m`)).toEqual([{ s: 7, m: 7 }]);
    await expectRawFigures({ from: '2025-12-17', to: '2026-12-31' });
  });

  it('empties with a truncation', async () => {
    await ctx.ownerDb.execute(sql`truncate usage_daily`);
    expect((await rawRows<{ n: number }>(ctx.db, sql`select ((select count(*) from usage_rollup_month) + (select count(*) from usage_rollup))::int as n`))[0].n).toBe(0);
  });
}, { demo: false });
