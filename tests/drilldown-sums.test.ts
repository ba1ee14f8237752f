// A month's bar on the dashboard and the list its drill-down link opens state the same hours and spend.
// They differed because the list showed each experiment's own estimate, not the current figure the bar sums
// (latest check-in, else own), and a reader added rows already rounded. The list now shows the current
// figure, and its total is summed before rounding, as the bar's is.
import { beforeAll, expect, it } from 'vitest';
import { getEfficiencyByMonth } from '@/db/queries/dashboard/efficiency';
import { listExperiments } from '@/db/queries/experiments/list';
import { checkins, experiments, teams } from '@/db/schema';
import { formatKpiValue } from '@/lib/metrics/kpi';
import { monthBuckets } from '@/lib/metrics/period';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { describeEachDb } from './helpers/db';

const TODAY = '2031-12-31';

/*
 * December 2031, one team:
 *   D1 running from 12-01: own 1 → 0.48 × 20 = 10.4 h, $82.45; check-in 12-15: 1 → 0.38 × 20 = 12.4 h, $83.49
 *   D2 completed 11-01 … 12-10: 1 → 0.66 × 10 = 3.4 h, $41.26
 *   D3 running from 12-20: 1 → 0.46 × 10 = 5.4 h, no spend
 *   D4 ended 11-30 (not active in December): 50 h
 * Bar: 12.4 + 3.4 + 5.4 = 21.2 h → "21"; $83.49 + $41.26 = $124.75 → "$125".
 * The old list: own figures 10.4, 3.4, 5.4 rounded per row 10 + 3 + 5 = 18 h; $82 + $41 = $123.
 */
async function seed(db: Parameters<Parameters<typeof describeEachDb>[1]>[0]['db']) {
  const [t] = await db.insert(teams).values({ name: 'Dd T' }).returning({ id: teams.id });
  const h = (withAi: string, tasks: string) => ({ hoursBeforePerTask: '1', hoursWithAiPerTask: withAi, tasksPerMonth: tasks });
  const [d1] = await db.insert(experiments).values({ title: 'Dd D1', teamId: t.id, status: 'running', startDate: '2031-12-01', ...h('0.48', '20'), spendMonthlyCents: 8245 }).returning({ id: experiments.id });
  await db.insert(experiments).values([
    { title: 'Dd D2', teamId: t.id, status: 'completed', startDate: '2031-11-01', endDate: '2031-12-10', ...h('0.66', '10'), spendMonthlyCents: 4126 },
    { title: 'Dd D3', teamId: t.id, status: 'running', startDate: '2031-12-20', ...h('0.46', '10') },
    { title: 'Dd D4', teamId: t.id, status: 'completed', startDate: '2031-10-01', endDate: '2031-11-30', hoursBeforePerTask: '6', hoursWithAiPerTask: '1', tasksPerMonth: '10' },
  ]);
  await db.insert(checkins).values({ experimentId: d1.id, date: '2031-12-15', ...h('0.38', '20'), spendMonthlyCents: 8349 });
  return t.id;
}

describeEachDb('drill-down sums', (ctx) => {
  let f: DashboardFilters;
  beforeAll(async () => {
    const team = await seed(ctx.db);
    f = { team: [team], period: { from: '2031-10-01', to: TODAY }, previous: null, today: TODAY };
  });

  it("a month's bar and its drill-down list state the same hours and spend", async () => {
    const months = await getEfficiencyByMonth(ctx.db, f);
    const december = months.find((m) => m.month === '2031-12')!;
    expect([december.hoursSavedPerMonth, december.spendMonthlyCents, december.experiments]).toEqual([21.2, 12475, 3]);

    const bucket = monthBuckets(f.period).find((b) => b.month === '2031-12')!;
    const href = drillDownHref(f, { from: bucket.from, to: bucket.to });
    const list = await listExperiments(ctx.db, parseExperimentFilters(new URLSearchParams(href.split('?')[1])), { today: TODAY });
    expect(list.total).toBe(3);
    expect(list.sums).toEqual({ hoursSavedPerMonth: 21.2, spendMonthlyCents: 12475 });
    expect([formatKpiValue(list.sums.hoursSavedPerMonth, 'hours', 'USD'), formatKpiValue(list.sums.spendMonthlyCents, 'cents', 'USD')]).toEqual(['21', '$125']);

    // Each row shows its current figure and says when it comes from a check-in.
    const byTitle = new Map(list.rows.map((r) => [r.title, r]));
    expect([Number(byTitle.get('Dd D1')!.hoursSavedPerMonth), byTitle.get('Dd D1')!.spendMonthlyCents, byTitle.get('Dd D1')!.hoursFromCheckin]).toEqual([12.4, 8349, true]);
    expect([Number(byTitle.get('Dd D2')!.hoursSavedPerMonth), byTitle.get('Dd D2')!.hoursFromCheckin]).toEqual([3.4, false]);
    expect(byTitle.get('Dd D3')!.spendMonthlyCents).toBeNull();
  });
});
