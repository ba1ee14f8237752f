import { aiModels, capabilityOutcomes, experimentModels, experiments, modelBenchmarks, modelPrices, teamMembers, teams, user } from '@/db/schema';
import type { NewExperiment } from '@/db/schema';
import type { Db } from '@/db/types';

/**
 * A small organisation for the insights tests, dated in 2029–2031 so that the reference catalog
 * (loaded into every database, all released earlier) never competes with these models.
 */
export const TODAY = '2031-06-30';

export type Fixture = Awaited<ReturnType<typeof seedInsightsFixture>>;

export async function addModel(
  db: Db,
  m: { slug: string; vendor: string; released: string; score: string; input: string; output: string; policy?: 'trains' | 'no_training' | 'unknown'; priceFrom?: string },
) {
  const [row] = await db
    .insert(aiModels)
    .values({ slug: m.slug, name: m.slug.replace(/-/g, ' '), vendor: m.vendor, releaseDate: m.released, dataPolicy: m.policy ?? 'no_training', dataPolicySource: `${m.vendor.toLowerCase()}-terms` })
    .returning({ id: aiModels.id });
  await db.insert(modelBenchmarks).values({ modelId: row.id, benchmark: 'gpqa_diamond', score: m.score, source: 'fixture' });
  await db.insert(modelPrices).values({ modelId: row.id, effectiveDate: m.priceFrom ?? m.released, inputUsdPerMtok: m.input, outputUsdPerMtok: m.output, source: 'fixture' });
  return row.id;
}

export async function seedInsightsFixture(db: Db) {
  await db.insert(user).values({ id: 'u_fixture_lead', name: 'Fixture Lead', email: 'fixture.lead@example.test', role: 'lead' });
  const [alpha, beta] = await db.insert(teams).values([{ name: 'Fixture Alpha' }, { name: 'Fixture Beta' }]).returning({ id: teams.id });
  await db.insert(teamMembers).values({ teamId: alpha.id, userId: 'u_fixture_lead', teamRole: 'lead' });
  // Blended price (3 in : 1 out): old 3.00, pricey 15.00.
  const oldModel = await addModel(db, { slug: 'fx-acme-old', vendor: 'Acme', released: '2029-06-01', score: '40.0', input: '2', output: '6' });
  const pricey = await addModel(db, { slug: 'fx-acme-pricey', vendor: 'Acme', released: '2030-09-01', score: '80.0', input: '10', output: '30' });
  const bolt = await addModel(db, { slug: 'fx-bolt-one', vendor: 'Bolt', released: '2029-01-01', score: '30.0', input: '1', output: '1' });
  const cirrus = await addModel(db, { slug: 'fx-cirrus', vendor: 'Cirrus', released: '2029-01-01', score: '20.0', input: '1', output: '1', policy: 'unknown' });

  const add = async (e: Partial<NewExperiment> & { title: string; teamId: number }, models: number[]) => {
    const [row] = await db.insert(experiments).values(e).returning({ id: experiments.id });
    await db.insert(experimentModels).values(models.map((modelId, i) => ({ experimentId: row.id, modelId, isPrimary: i === 0 })));
    return row.id;
  };
  const blocked = await add(
    {
      title: 'Forecast scenarios',
      teamId: alpha.id,
      status: 'abandoned',
      hypothesis: 'AI keeps assumptions straight across scenarios.',
      startDate: '2030-03-01',
      endDate: '2030-06-30',
      blockedByModel: true,
      blockerMissing: 'Lost track of assumptions.',
      blockerMinScore: '70.0',
      blockerMaxPriceUsd: '5.0000',
    },
    [oldModel],
  );
  // Blocked with a bar no catalog model reaches: never a candidate.
  const hopeless = await add(
    { title: 'Hopeless', teamId: alpha.id, status: 'abandoned', startDate: '2030-01-01', endDate: '2030-02-01', blockedByModel: true, blockerMinScore: '99.0' },
    [oldModel],
  );
  const ported = await add(
    { title: 'Ported', teamId: alpha.id, status: 'completed', startDate: '2030-01-10', endDate: '2031-02-01', hoursBeforePerTask: '2', hoursWithAiPerTask: '1', tasksPerMonth: '10' },
    [oldModel, bolt],
  );
  await db.insert(capabilityOutcomes).values({ experimentId: ported, type: 'new_capability', description: 'New report', impact: 4, recordedOn: '2031-02-01' });
  const efficiencyOnly = await add(
    { title: 'Efficiency only', teamId: alpha.id, status: 'completed', mindset: 'automate', startDate: '2030-04-01', endDate: '2031-03-01', hoursBeforePerTask: '3', hoursWithAiPerTask: '1', tasksPerMonth: '5', spendMonthlyCents: 5000 },
    [bolt],
  );
  const leaky = await add({ title: 'Contract review', teamId: beta.id, status: 'running', mindset: 'new_capability', dataSensitivity: 'confidential', startDate: '2031-05-01' }, [cirrus]);
  const publicData = await add({ title: 'Public FAQ', teamId: beta.id, status: 'running', dataSensitivity: 'public', startDate: '2031-05-02' }, [cirrus]);
  const safe = await add({ title: 'Restricted but safe', teamId: beta.id, status: 'running', dataSensitivity: 'restricted', startDate: '2031-05-03' }, [pricey]);
  return { alpha: alpha.id, beta: beta.id, models: { oldModel, pricey, bolt, cirrus }, exps: { blocked, hopeless, ported, efficiencyOnly, leaky, publicData, safe } };
}
