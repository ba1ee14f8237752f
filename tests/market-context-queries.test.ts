// The dashboard's market context on PGlite and PostgreSQL: teams behind the frontier follow the dashboard's team filter.
import { beforeAll, expect, it } from 'vitest';
import { getMarketContext } from '@/db/queries/dashboard/market-context';
import { addModel, seedInsightsFixture, TODAY, type Fixture } from './insights-fixture';
import { describeEachDb } from './helpers/db';

describeEachDb('market context', (ctx) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedInsightsFixture(ctx.db);
    // Newer than Alpha's old Acme model (40 points at a blended 3.00), 20 points better, at a blended 2.00.
    await addModel(ctx.db, { slug: 'fx-rival', vendor: 'Rival', released: '2030-01-01', score: '60.0', input: '1', output: '5' });
  });

  const row = (b: { teamName: string; used: { slug: string }; better: { slug: string }; gain: number; experiments: number }) => [b.teamName, b.used.slug, b.better.slug, b.gain, b.experiments];

  it('every team: Alpha, whose completed "Ported" used the old Acme model this year, is behind the rival', async () => {
    const { behind } = await getMarketContext(ctx.db, { teamIds: null, today: TODAY });
    expect(behind.map(row)).toEqual([['Fixture Alpha', 'fx-acme-old', 'fx-rival', 20, 1]]);
  });

  it("a filter on Beta leaves Alpha's row out; on Alpha keeps it", async () => {
    expect((await getMarketContext(ctx.db, { teamIds: [fx.beta], today: TODAY })).behind).toEqual([]);
    expect((await getMarketContext(ctx.db, { teamIds: [fx.alpha], today: TODAY })).behind.map(row)).toEqual([['Fixture Alpha', 'fx-acme-old', 'fx-rival', 20, 1]]);
  });
});
