// usage_rollup (db/derived/usage-rollup.sql): the segments a period splits into, the rollup kept equal to usage_daily
// through imports, re-imports that lower a maximum, re-mapping, retention and truncation (summaryDrift), and the
// telemetry read from whole segments plus raw ends giving the raw rows' figures for a period with ragged ends.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importUsage } from '@/db/queries/usage/import';
import { setUsageTeamMapping } from '@/db/queries/usage/mappings';
import { getUsageByTeam, getUsageOverTime } from '@/db/queries/usage/telemetry';
import { rawRows } from '@/db/sql';
import { teams } from '@/db/schema';
import type { UsageRecord } from '@/lib/usage/record';
import { segmentEnd, segmentStart, splitPeriod } from '@/lib/metrics/usage-segments';
import { summaryDrift } from './helpers/summary-definitions';
import { describeEachDb } from './helpers/db';

describe('usage segments', () => {
  it('cuts each day at its ISO week and its month', () => {
    // 2026-04-01 is a Wednesday: its week began 30 March, in March.
    expect([segmentStart('2026-04-01'), segmentEnd('2026-04-01')]).toEqual(['2026-04-01', '2026-04-05']);
    expect([segmentStart('2026-03-31'), segmentEnd('2026-03-31')]).toEqual(['2026-03-30', '2026-03-31']);
    expect([segmentStart('2026-02-27'), segmentEnd('2026-02-27')]).toEqual(['2026-02-23', '2026-02-28']);
  });
  it('splits a period into whole segments and raw ends', () => {
    const p = { from: '2026-03-04', to: '2026-03-20' };
    expect(splitPeriod(p, '2026-11-30')).toEqual({
      whole: { from: '2026-03-09', to: '2026-03-15' },
      edges: [{ from: '2026-03-04', to: '2026-03-08' }, { from: '2026-03-16', to: '2026-03-20' }],
    });
    // No usage after the period's last day: the segment holding it is whole.
    expect(splitPeriod(p, '2026-03-20')).toEqual({ whole: { from: '2026-03-09', to: '2026-03-22' }, edges: [{ from: '2026-03-04', to: '2026-03-08' }] });
    expect(splitPeriod({ from: '2026-03-10', to: '2026-03-12' }, '2026-11-30')).toEqual({ whole: null, edges: [{ from: '2026-03-10', to: '2026-03-12' }] });
    expect(splitPeriod({ from: '2026-03-01', to: '2026-06-30' }, null)).toEqual({ whole: { from: '2026-03-01', to: '2026-06-30' }, edges: [] });
  });
});

const rec = (day: string, externalTeam: string, requests: number, activeUsers: number | null): UsageRecord => ({
  day, externalTeam, vendor: 'RollCo', externalModel: 'roll-1', requests, inputTokens: requests * 10, outputTokens: requests * 2,
  costMicros: requests * 1000, currency: 'USD', activeUsers, engagedUsers: null, details: null,
});

/** 2026-03-25 .. 2026-04-14 for teams a and b: requests = day of month (+100 for b), active users 10 + day % 7. */
const RECORDS: UsageRecord[] = [];
for (let d = Date.UTC(2026, 2, 25); d <= Date.UTC(2026, 3, 14); d += 86_400_000) {
  const day = new Date(d).toISOString().slice(0, 10);
  const n = Number(day.slice(8));
  RECORDS.push(rec(day, 'a', n, 10 + (n % 7)), rec(day, 'b', n + 100, null));
}

describeEachDb('usage rollup', (ctx) => {
  const drift = async () => (await summaryDrift(ctx.ownerDb)).usageRollup;
  let teamA = 0;

  it('adds imported rows, and recomputes a group whose maximum a re-import lowers', async () => {
    [{ id: teamA }] = await ctx.db.insert(teams).values({ name: 'Roll A' }).returning({ id: teams.id });
    expect(await setUsageTeamMapping(ctx.db, null, { source: 'csv', externalTeam: 'a', teamId: teamA })).toMatchObject({ ok: true });
    expect(await importUsage(ctx.db, { source: 'csv', origin: 'command', records: RECORDS, actor: null })).toMatchObject({ ok: true, rows: 42 });
    expect(await drift()).toBe(0);
    // 2026-04-06..04-12 is one segment: team a's maximum is 16 (on the 9th, 9 % 7 = 2… the 12th: 12 % 7 = 5 → 15; the 6th → 16).
    const max = async () => (await rawRows<{ au: number }>(ctx.db, sql`select active_users as au from usage_rollup where segment = '2026-04-06' and team_id = ${teamA}`))[0].au;
    expect(await max()).toBe(16);
    // Re-importing the 6th with 1 active user: the segment's maximum falls to the next highest day (the 12th, 15).
    expect(await importUsage(ctx.db, { source: 'csv', origin: 'command', records: [rec('2026-04-06', 'a', 6, 1), rec('2026-04-20', 'a', 20, 99)], actor: null })).toMatchObject({ ok: true });
    expect(await max()).toBe(15);
    expect(await drift()).toBe(0);
  });

  it('follows a re-mapping, a retention delete and a truncation', async () => {
    expect(await setUsageTeamMapping(ctx.db, null, { source: 'csv', externalTeam: 'b', teamId: teamA })).toMatchObject({ ok: true });
    expect(await drift()).toBe(0);
    await ctx.db.execute(sql`delete from usage_daily where day < '2026-04-02'`);
    expect(await drift()).toBe(0);
    expect((await rawRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from usage_rollup where segment < '2026-04-01'`))[0].n).toBe(0);
    await ctx.ownerDb.execute(sql`truncate usage_daily`);
    expect((await rawRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from usage_rollup`))[0].n).toBe(0);
  });

  it('reads a period with ragged ends as the raw rows give it', async () => {
    await setUsageTeamMapping(ctx.db, null, { source: 'csv', externalTeam: 'b', teamId: null });
    expect(await importUsage(ctx.db, { source: 'csv', origin: 'command', records: RECORDS, actor: null })).toMatchObject({ ok: true, rows: 42 });
    // 2026-03-27 (Fri) .. 04-09 (Thu): whole segments 03-30..03-31, 04-01..04-05; raw ends 03-27..29 and 04-06..09.
    const f = { period: { from: '2026-03-27', to: '2026-04-09' } };
    const byTeam = await getUsageByTeam(ctx.db, f, null);
    // Team a: requests Σ 27..31 + Σ 1..9 = 145 + 45 = 190; active users max of 10 + n % 7 over those days = 16 (n = 27, 6).
    // Unmapped b: 190 + 14 × 100 = 1590, no active users.
    expect(byTeam.map((r) => [r.team, r.requests, r.inputTokens, r.activeUsers, r.spend.reportingMicros])).toEqual([
      ['Roll A', 190, 1900, 16, 190_000],
      ['Unmapped', 1590, 15_900, null, 1_590_000],
    ]);
    const overTime = await getUsageOverTime(ctx.db, f, null);
    // Weeks of 23 March (27..29), 30 March (30, 31, 1..5) and 6 April (6..9): a + b requests, and a's daily maximum
    // (10 + n % 7: 16 on the 27th; 15 on the 5th, the highest of 30 March's week; 16 on the 6th).
    expect(overTime.rows.map((r) => [r.key, r.requests, r.activeUsers])).toEqual([
      ['2026-03-23', 2 * (27 + 28 + 29) + 300, 16],
      ['2026-03-30', 2 * (30 + 31 + 15) + 700, 15],
      ['2026-04-06', 2 * (6 + 7 + 8 + 9) + 400, 16],
    ]);
  });
}, { demo: false });
