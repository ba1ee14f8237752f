// "Teams behind the frontier" counts current usage only, and vendor concentration weighs spend
// as the dashboard does (latest check-in, else the experiment's own figure); on PGlite and PostgreSQL.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { getConcentration } from '@/db/queries/insights/concentration';
import { listCurrentTeamModelUsage } from '@/db/queries/models/details';
import { checkins, experimentModels, experiments } from '@/db/schema';
import { teamsBehindFrontier } from '@/lib/metrics/usage';
import { seedInsightsFixture, TODAY, type Fixture } from './insights-fixture';
import { describeEachDb } from './helpers/db';

describeEachDb('teams behind the frontier and spend concentration', (ctx) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedInsightsFixture(ctx.db);
    // A running experiment that was archived is no usage either.
    const [gone] = await ctx.db.insert(experiments).values({ title: 'Archived run', teamId: fx.alpha, status: 'running', startDate: '2031-05-01', archivedAt: new Date('2031-06-01T00:00:00Z') }).returning({ id: experiments.id });
    await ctx.db.insert(experimentModels).values({ experimentId: gone.id, modelId: fx.models.oldModel, isPrimary: true });
  });

  it('teams behind the frontier: running experiments and those completed within the period, nothing abandoned, archived or older', async () => {
    const usage = (from: string) => listCurrentTeamModelUsage(ctx.db, { from, to: TODAY });
    // Alpha: "Ported" (completed 2031-02-01; old Acme + Bolt) and "Efficiency only" (completed 2031-03-01; Bolt);
    // the two abandoned blockers and the archived run do not count. Beta: three running experiments.
    expect(await usage('2030-07-01')).toEqual([
      { teamId: fx.alpha, teamName: 'Fixture Alpha', slug: 'fx-acme-old', experiments: 1 },
      { teamId: fx.alpha, teamName: 'Fixture Alpha', slug: 'fx-bolt-one', experiments: 2 },
      { teamId: fx.beta, teamName: 'Fixture Beta', slug: 'fx-acme-pricey', experiments: 1 },
      { teamId: fx.beta, teamName: 'Fixture Beta', slug: 'fx-cirrus', experiments: 2 },
    ]);
    // A period starting after "Ported" ended leaves the old Acme model unused.
    const later = await usage('2031-02-15');
    expect(later).toEqual([
      { teamId: fx.alpha, teamName: 'Fixture Alpha', slug: 'fx-bolt-one', experiments: 1 },
      { teamId: fx.beta, teamName: 'Fixture Beta', slug: 'fx-acme-pricey', experiments: 1 },
      { teamId: fx.beta, teamName: 'Fixture Beta', slug: 'fx-cirrus', experiments: 2 },
    ]);
    // The old Acme model (40 points at 3.00) has a newer, better, cheaper rival: flagged only while in current use.
    const catalog = [
      { slug: 'fx-acme-old', name: 'old', releaseDate: '2029-06-01', score: 40, price: 3 },
      { slug: 'fx-rival', name: 'rival', releaseDate: '2030-01-01', score: 60, price: 2 },
    ];
    expect(teamsBehindFrontier(await usage('2030-07-01'), catalog).map((b) => [b.teamName, b.used.slug, b.experiments])).toEqual([['Fixture Alpha', 'fx-acme-old', 1]]);
    expect(teamsBehindFrontier(later, catalog)).toEqual([]);
  });

  it('vendor concentration weighs spend by the latest check-in, else the experiment’s own figure', async () => {
    const before = await getConcentration(ctx.db, { teamIds: [fx.alpha], today: TODAY });
    // Only "Efficiency only" (Bolt) has a spend figure: 50 USD a month.
    expect([before.spendByVendor.count, before.spendByVendor.largest]).toEqual([1, { key: 'Bolt', weight: 5000, share: 1 }]);
    // "Ported" (primary: old Acme) reports 150 USD in its latest check-in; "Efficiency only" now checks in at 20 USD.
    await ctx.db.insert(checkins).values([
      { experimentId: fx.exps.ported, date: '2031-01-15', spendMonthlyCents: 90000 },
      { experimentId: fx.exps.ported, date: '2031-02-01', spendMonthlyCents: 15000 },
      { experimentId: fx.exps.efficiencyOnly, date: '2031-02-01', spendMonthlyCents: 2000 },
    ]);
    const after = await getConcentration(ctx.db, { teamIds: [fx.alpha], today: TODAY });
    expect(after.spendByVendor.largest).toEqual({ key: 'Acme', weight: 15000, share: 15000 / 17000 });
    expect(after.spendByVendor.hhi).toBeCloseTo((15 / 17) ** 2 + (2 / 17) ** 2, 12);
    const [row] = await ctx.db.select({ own: experiments.spendMonthlyCents }).from(experiments).where(eq(experiments.id, fx.exps.efficiencyOnly));
    expect(row.own).toBe(5000); // the experiment's own figure is unchanged; the check-in wins
  });
});
