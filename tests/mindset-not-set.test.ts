import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getMindsetByMonth } from '@/db/queries/dashboard/adoption';
import { getDashboardKpis } from '@/db/queries/dashboard/kpis';
import { createExperiment, updateExperiment } from '@/db/queries/experiments/write';
import { listExperiments } from '@/db/queries/experiments/list';
import { getShift } from '@/db/queries/insights/shift';
import { mindsetCounts } from '@/db/queries/insights/summary-counts';
import { experiments, teams, user } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/permissions';
import { experimentSchema } from '@/lib/validation/experiment';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';
import { describeEachDb } from './helpers/db';

/*
 * Quick capture records no guess: a title-only experiment keeps work type, mindset and data
 * sensitivity null ("not set"), and every mindset mix counts it in its own group.
 *   Q1 quick capture, then started 2031-05-01 (running): mindset not set
 *   C1 running 2031-05-01, mindset automate, work type analysis, data internal
 * Period 2031-05-01..2031-05-31, today 2031-05-31: both active in May 2031, one not set, one automate.
 */
const TODAY = '2031-05-31';
const f: DashboardFilters = { period: { from: '2031-05-01', to: '2031-05-31' }, previous: { from: '2031-04-01', to: '2031-04-30' }, today: TODAY };

describeEachDb('a quick-captured experiment stays "not set"', (ctx) => {
  let admin: SessionUser;
  let team: number;
  let quick: number;

  it('saves a title-only experiment with no mindset, work type or data sensitivity', async () => {
    const [t] = await ctx.db.insert(teams).values({ name: 'Not-set team' }).returning({ id: teams.id });
    team = t.id;
    await ctx.db.insert(user).values({ id: 'ns-admin', name: 'Ns Admin', email: 'ns-admin@example.test', role: 'admin' });
    admin = { id: 'ns-admin', name: 'Ns Admin', email: 'ns-admin@example.test', role: 'admin', teamIds: [], leadTeamIds: [] };
    const r = await createExperiment(ctx.db, admin, experimentSchema.parse({ title: 'Quick idea', teamId: String(team) }));
    if (!r.ok) throw new Error(r.message);
    quick = r.id;
    const [row] = await ctx.db.select().from(experiments).where(eq(experiments.id, quick));
    expect({ mindset: row.mindset, workType: row.workType, dataSensitivity: row.dataSensitivity }).toEqual({ mindset: null, workType: null, dataSensitivity: null });
  });

  it('counts "not set" as its own group in the dashboard mix, the insights rollup and the shift', async () => {
    // Start the quick one without choosing a mindset; add one with every choice made.
    const [q] = await ctx.db.select({ version: experiments.version }).from(experiments).where(eq(experiments.id, quick));
    const started = await updateExperiment(ctx.db, admin, quick, q.version, experimentSchema.parse({ title: 'Quick idea', teamId: String(team), status: 'running', startDate: '2031-05-01' }));
    expect(started.ok).toBe(true);
    const chosen = await createExperiment(
      ctx.db,
      admin,
      experimentSchema.parse({ title: 'Chosen', teamId: String(team), status: 'running', startDate: '2031-05-01', mindset: 'automate', workType: 'analysis', dataSensitivity: 'internal' }),
    );
    expect(chosen.ok).toBe(true);

    const mix = await getMindsetByMonth(ctx.db, { ...f, team: [team] });
    expect([...mix].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { month: '2031-05', key: 'automate', experiments: 1 },
      { month: '2031-05', key: 'not_set', experiments: 1 },
    ]);
    // The augmentation share's denominator holds both: 0 of 2 create a new capability.
    const kpis = await getDashboardKpis(ctx.db, { ...f, team: [team] });
    expect({ active: kpis.current.active, newCap: kpis.current.activeNewCapability }).toEqual({ active: 2, newCap: 0 });

    const scope = { teamIds: [team], today: TODAY };
    expect([...(await mindsetCounts(ctx.db, scope))].sort((a, b) => a.mindset.localeCompare(b.mindset))).toEqual([
      { quarter: '2031-Q2', mindset: 'automate', n: 1 },
      { quarter: '2031-Q2', mindset: 'not_set', n: 1 },
    ]);
    // The grey "Not set" segment drills down to exactly the experiments it counts.
    const href = drillDownHref({ ...f, team: [team] }, { from: '2031-05-01', to: '2031-05-31', mindset: ['not_set'] });
    const drilled = await listExperiments(ctx.db, parseExperimentFilters(new URLSearchParams(href.split('?')[1])), { today: TODAY }, 50);
    expect(drilled.rows.map((r) => r.title)).toEqual(['Quick idea']);
    const shift = await getShift(ctx.db, scope);
    expect(shift.mindsets.at(-1)).toEqual({ quarter: '2031-Q2', automate: 1, accelerate: 0, new_capability: 0, not_set: 1, total: 2 });
  });

  it('filters by "not set" (mindset=not_set), alone or with a chosen value', async () => {
    const titles = async (q: string) =>
      (await listExperiments(ctx.db, parseExperimentFilters(new URLSearchParams(`team=${team}&${q}`)), { today: TODAY }, 50)).rows.map((r) => r.title).sort();
    expect(await titles('mindset=not_set')).toEqual(['Quick idea']);
    expect(await titles('mindset=not_set,automate')).toEqual(['Chosen', 'Quick idea']);
    expect(await titles('workType=not_set')).toEqual(['Quick idea']);
    expect(await titles('sensitivity=internal')).toEqual(['Chosen']);
    expect(await titles('sensitivity=not_set')).toEqual(['Quick idea']);
  });
});
