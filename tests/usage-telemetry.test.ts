import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { getUsageByModel, getUsageByTeam, getUsageByVendor, getUsageOverTime, getUsageTelemetry } from '@/db/queries/usage/telemetry';
import { getBilledVsReported } from '@/db/queries/usage/billed-vs-reported';
import { missingFxRates } from '@/db/queries/usage/fx-rates';
import { usageExportRows } from '@/db/queries/usage/export';
import { usageCsv } from '@/lib/export/experiments-csv';
import { dashboard } from '@/db/queries/dashboard/cached';
import { aiModels, experiments, teams, usageDaily, usageFxRates } from '@/db/schema';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { describeEachDb } from './helpers/db';

/*
 * A hand-built set; every expected figure is worked out in the comments. Reporting currency USD; a rate for
 * EUR in April 2026 (1.1), none for May.
 *
 *   day        team      vendor    model            req  in    out  cost (micros)   active
 *   2026-04-10 A         UtVendor  ut-one           100  1000  500  2,000,000 USD   5
 *   2026-04-11 A         UtVendor  ut-one            50   500  200  1,000,000 USD   7
 *   2026-04-10 B         UtVendor  ut-one            10   100   50  3,000,000 EUR   4   → 3,300,000 USD at 1.1
 *   2026-05-05 B         OtherCo   "mystery" (none)  20   200  100  4,000,000 EUR   9   → no rate for May: unconverted
 *   2026-05-06 unmapped  UtVendor  ut-one            30   300  150    500,000 USD   3
 *   2026-02-20 A         UtVendor  ut-one           999  9999 9999  9,000,000 USD  50   (before the period)
 *
 * Experiments (reported spend, cents a month): A 100 from 2026-04-01 to 04-30; C 3100 running from 2026-05-01.
 * Period 2026-03-01..2026-06-30 (122 days: monthly buckets), today 2026-06-30.
 */
const TODAY = '2026-06-30';
const filters = (extra: Partial<DashboardFilters> = {}): DashboardFilters => ({
  period: { from: '2026-03-01', to: '2026-06-30' },
  previous: { from: '2025-10-30', to: '2026-02-28' },
  today: TODAY,
  ...extra,
});

describeEachDb('usage telemetry', (ctx) => {
  let a = 0;
  let b = 0;
  let c = 0;

  beforeAll(async () => {
    const db = ctx.db;
    [{ id: a }, { id: b }, { id: c }] = await db.insert(teams).values([{ name: 'Usage A' }, { name: 'Usage B' }, { name: 'Usage C' }]).returning({ id: teams.id });
    const [m1] = await db.insert(aiModels).values({ slug: 'ut-one', name: 'Ut One', vendor: 'UtVendor', releaseDate: '2025-01-01' }).returning({ id: aiModels.id });
    await db.execute(sql`update org_settings set currency = 'USD' where id = 1`);
    await db.insert(usageFxRates).values({ month: '2026-04-01', currency: 'EUR', rate: '1.1', setBy: 'test@example.com' });
    const row = (day: string, externalTeam: string, teamId: number | null, vendor: string, externalModel: string, modelId: number | null, requests: number, inputTokens: number, outputTokens: number, costMicros: number, currency: string, activeUsers: number) =>
      ({ day, source: 'csv' as const, externalTeam, teamId, vendor, externalModel, modelId, requests, inputTokens, outputTokens, costMicros, currency, activeUsers });
    await db.insert(usageDaily).values([
      row('2026-04-10', 'a', a, 'UtVendor', 'one', m1.id, 100, 1000, 500, 2_000_000, 'USD', 5),
      row('2026-04-11', 'a', a, 'UtVendor', 'one', m1.id, 50, 500, 200, 1_000_000, 'USD', 7),
      row('2026-04-10', 'b', b, 'UtVendor', 'one', m1.id, 10, 100, 50, 3_000_000, 'EUR', 4),
      row('2026-05-05', 'b', b, 'OtherCo', 'mystery', null, 20, 200, 100, 4_000_000, 'EUR', 9),
      row('2026-05-06', 'x', null, 'UtVendor', 'one', m1.id, 30, 300, 150, 500_000, 'USD', 3),
      row('2026-02-20', 'a', a, 'UtVendor', 'one', m1.id, 999, 9999, 9999, 9_000_000, 'USD', 50),
    ]);
    await db.insert(experiments).values([
      { title: 'A run', teamId: a, status: 'completed', startDate: '2026-04-01', endDate: '2026-04-30', spendMonthlyCents: 100 },
      { title: 'C run', teamId: c, status: 'running', startDate: '2026-05-01', spendMonthlyCents: 3100 },
    ]);
  });

  it('by team: active users are the daily maximum, never a sum; unmapped usage is a row of its own; EUR converted at April’s rate, May’s flagged', async () => {
    const rows = await getUsageByTeam(ctx.db, filters(), null);
    expect(rows.map((r) => [r.team, r.requests, r.inputTokens, r.outputTokens, r.activeUsers, r.spend.reportingMicros])).toEqual([
      ['Usage B', 30, 300, 150, 9, 3_300_000],
      ['Usage A', 150, 1500, 700, 7, 3_000_000],
      ['Unmapped', 30, 300, 150, 3, 500_000],
    ]);
    const teamB = rows[0];
    expect(teamB.spend.ratesUsed).toEqual([{ month: '2026-04', currency: 'EUR', rate: 1.1 }]);
    expect(teamB.spend.unconverted).toEqual([{ month: '2026-05', currency: 'EUR', costMicros: 4_000_000 }]);
    expect(rows[2].teamId).toBeNull();
  });

  it('over time: every month of the period, the maximum of active users within each', async () => {
    const { granularity, rows } = await getUsageOverTime(ctx.db, filters(), null);
    expect(granularity).toBe('month');
    expect(rows.map((r) => [r.key, r.requests, r.activeUsers, r.spend.reportingMicros, r.spend.unconverted.length])).toEqual([
      ['2026-03', 0, null, 0, 0],
      ['2026-04', 160, 7, 6_300_000, 0],
      ['2026-05', 50, 9, 500_000, 1],
      ['2026-06', 0, null, 0, 0],
    ]);
  });

  it('a period of up to 92 days goes by ISO week (Monday), clipped to the period', async () => {
    const { granularity, rows } = await getUsageOverTime(ctx.db, filters({ period: { from: '2026-04-01', to: '2026-04-30' } }), null);
    expect(granularity).toBe('week');
    expect(rows.map((r) => [r.key, r.from, r.requests, r.activeUsers])).toEqual([
      ['2026-03-30', '2026-04-01', 0, null],
      ['2026-04-06', '2026-04-06', 160, 7],
      ['2026-04-13', '2026-04-13', 0, null],
      ['2026-04-20', '2026-04-20', 0, null],
      ['2026-04-27', '2026-04-27', 0, null],
    ]);
  });

  it('by model and by vendor: a resolved model under its catalog name, an unresolved one as reported', async () => {
    const models = await getUsageByModel(ctx.db, filters(), null);
    expect(models.map((m) => [m.model, m.slug, m.vendor, m.requests, m.activeUsers, m.spend.reportingMicros])).toEqual([
      ['Ut One', 'ut-one', 'UtVendor', 190, 7, 6_800_000],
      ['mystery', null, 'OtherCo', 20, 9, 0],
    ]);
    const vendors = await getUsageByVendor(ctx.db, filters(), null);
    expect(vendors.map((v) => [v.vendor, v.requests, v.activeUsers])).toEqual([
      ['UtVendor', 190, 7],
      ['OtherCo', 20, 9],
    ]);
  });

  it('the total takes the maximum of active users (9, not 28) and keeps the unconverted bill apart', async () => {
    const t = await getUsageTelemetry(ctx.db, filters(), null);
    expect(t.anyUsage).toBe(true);
    expect(t.reportingCurrency).toBe('USD');
    expect([t.total.requests, t.total.activeUsers, t.total.spend.reportingMicros]).toEqual([210, 9, 6_800_000]);
    expect(t.total.spend.unconverted).toEqual([{ month: '2026-05', currency: 'EUR', costMicros: 4_000_000 }]);
    // Vendor concentration by converted billed spend: OtherCo's only bill has no rate, so UtVendor holds it all.
    expect([t.vendorConcentration.hhi, t.vendorConcentration.level, t.vendorConcentration.largest?.key]).toEqual([1, 'concentrated', 'UtVendor']);
  });

  it('filters: team, model (slug) and vendor (catalog vendor, or the source’s, case aside)', async () => {
    const total = async (f: Partial<DashboardFilters>) => (await getUsageTelemetry(ctx.db, filters(f), null)).total.requests;
    expect(await total({ team: [b] })).toBe(30);
    expect(await total({ model: ['ut-one'] })).toBe(190);
    expect(await total({ vendor: ['otherco'] })).toBe(20);
    expect(await total({ vendor: ['UtVendor'] })).toBe(190);
    expect(await total({ team: [a], vendor: ['OtherCo'] })).toBe(0);
  });

  it('a lead sees only their own teams’ usage: not other teams, not unmapped; an empty scope sees nothing', async () => {
    const rows = await getUsageByTeam(ctx.db, filters(), [a]);
    expect(rows.map((r) => [r.team, r.requests])).toEqual([['Usage A', 150]]);
    expect((await getUsageTelemetry(ctx.db, filters({ team: [b] }), [a])).total.requests).toBe(0);
    expect((await getUsageTelemetry(ctx.db, filters(), [])).total.requests).toBe(0);
  });

  it('billed versus reported: each team’s gap and its reason, unmapped usage last', async () => {
    const rows = await getBilledVsReported(ctx.db, filters(), null);
    expect(rows.map((r) => [r.team, r.billed.reportingMicros, r.reportedMicros, r.gapMicros, r.reason, r.reportingExperiments])).toEqual([
      // C: 3100 cents in May and in June (62 USD), nothing billed.
      ['Usage C', 0, 62_000_000, -62_000_000, 'no-billed-usage', 1],
      // B: billed, no experiment reports spend.
      ['Usage B', 3_300_000, 0, 3_300_000, 'no-experiments', 0],
      // A: 3 USD billed against 1 USD reported (100 cents for April).
      ['Usage A', 3_000_000, 1_000_000, 2_000_000, 'billed-more', 1],
      ['Unmapped', 500_000, 0, 500_000, 'unmapped', 0],
    ]);
  });

  it('billed versus reported: a month the period covers in part counts its reported spend in proportion', async () => {
    const rows = await getBilledVsReported(ctx.db, filters({ period: { from: '2026-04-16', to: '2026-04-30' }, team: [a] }), null);
    // 100 cents × 15/30 days = 50 cents; nothing billed in those days.
    expect(rows.map((r) => [r.team, r.billed.reportingMicros, r.reportedMicros, r.reason])).toEqual([['Usage A', 0, 500_000, 'no-billed-usage']]);
  });

  it('a lead’s billed versus reported holds only their teams', async () => {
    const rows = await getBilledVsReported(ctx.db, filters(), [c]);
    expect(rows.map((r) => r.team)).toEqual(['Usage C']);
  });

  it('the usage export: a row per month, team, vendor, model and currency, converted or flagged; a lead’s holds their teams', async () => {
    const rows = await usageExportRows(ctx.db, filters(), null);
    expect(rows.map((r) => [r.month, r.team, r.vendor, r.model, r.externalModel, r.requests, r.activeUsers, r.costMicros, r.currency, r.rate, r.reportingMicros])).toEqual([
      ['2026-04', 'Usage A', 'UtVendor', 'Ut One', 'one', 150, 7, 3_000_000, 'USD', 1, 3_000_000],
      ['2026-04', 'Usage B', 'UtVendor', 'Ut One', 'one', 10, 4, 3_000_000, 'EUR', 1.1, 3_300_000],
      ['2026-05', 'Usage B', 'OtherCo', '', 'mystery', 20, 9, 4_000_000, 'EUR', null, null],
      ['2026-05', 'Unmapped', 'UtVendor', 'Ut One', 'one', 30, 3, 500_000, 'USD', 1, 500_000],
    ]);
    expect((await usageExportRows(ctx.db, filters(), [a])).map((r) => r.team)).toEqual(['Usage A']);
    let csv = '';
    for await (const chunk of usageCsv(ctx.db, filters(), null)) csv += chunk;
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Month,Team,Vendor,Model,Model as reported,Source,Requests,Input tokens,Output tokens,Active users (daily max.),Billed,Bill currency,Rate to reporting currency,Billed in reporting currency,Converted');
    expect(lines[3]).toBe('2026-05,Usage B,OtherCo,,mystery,csv,20,200,100,9,4,EUR,,,no: no EUR rate set for 2026-05');
  });

  it('months with bills and no rate are listed for the admin', async () => {
    expect(await missingFxRates(ctx.db)).toEqual([{ month: '2026-05', currency: 'EUR', costMicros: 4_000_000 }]);
  });

  it('the cached figures follow a new import (usage moves the data version)', async () => {
    const before = await dashboard.usageTelemetry(ctx.db, filters(), null);
    expect(before.total.requests).toBe(210);
    await ctx.db.insert(usageDaily).values({ day: '2026-06-01', source: 'csv', externalTeam: 'late', teamId: c, vendor: 'UtVendor', requests: 5, costMicros: 0 });
    const after = await dashboard.usageTelemetry(ctx.db, filters(), null);
    expect(after.total.requests).toBe(215);
    await ctx.db.execute(sql`delete from usage_daily where external_team = 'late'`);
  });
});
