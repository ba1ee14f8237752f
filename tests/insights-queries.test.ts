import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { buildExperimentWhere } from '@/db/queries/experiments/filters';
import { getInsightsSummary } from '@/db/queries/insights/summary';
import { INSIGHTS_STALE, recordPrivacyMitigation, startRetest } from '@/db/queries/insights/actions';
import { getConcentration } from '@/db/queries/insights/concentration';
import { listPrivacyFlags, listPrivacyMitigations } from '@/db/queries/insights/privacy';
import { getRetestRadar, listRetests } from '@/db/queries/insights/radar';
import { getShift } from '@/db/queries/insights/shift';
import { auditLog, experimentModels, experiments } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/permissions';
import { addModel, seedInsightsFixture, TODAY, type Fixture } from './insights-fixture';
import { describeEachDb } from './helpers/db';

const actor = { id: 'u_fixture_lead', email: 'fixture.lead@example.test' };
/** The fixture's lead (of Alpha) and an admin (any team). */
const leadOf = (teamId: number): SessionUser => ({ ...actor, name: 'Fixture Lead', role: 'lead', leadTeamIds: [teamId], teamIds: [teamId] });
const admin: SessionUser = { id: 'u_fixture_admin', name: 'Fixture Admin', email: 'fixture.admin@example.test', role: 'admin', leadTeamIds: [], teamIds: [] };

describeEachDb('insights on a small organisation', (ctx) => {
  let fx: Fixture;
  const scope = () => ({ teamIds: [fx.alpha, fx.beta], today: TODAY });
  const listCount = async (flag: 'retest' | 'privacy') => {
    const [r] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(experiments)
      .where(buildExperimentWhere({ [flag]: true, team: [fx.alpha, fx.beta] }, { today: TODAY }));
    return r.n;
  };
  beforeAll(async () => {
    fx = await seedInsightsFixture(ctx.db);
  });

  it('a blocked experiment is not a candidate while the only better model costs more than its ceiling', async () => {
    expect(await getRetestRadar(ctx.db, scope())).toEqual([]);
    expect(await listCount('retest')).toBe(0);
    expect((await getInsightsSummary(ctx.db, scope())).retestCandidates).toBe(0);
  });

  it('becomes a candidate when a better, cheaper model appears — the radar, the list filter and the summary agree', async () => {
    // Priced from tomorrow only: not yet a candidate today.
    await addModel(ctx.db, { slug: 'fx-bolt-cheap', vendor: 'Bolt', released: '2031-01-15', score: '75.0', input: '0.5', output: '1.5', priceFrom: '2031-07-01' });
    expect(await listCount('retest')).toBe(0);
    const cheap = await addModel(ctx.db, { slug: 'fx-bolt-cheaper', vendor: 'Bolt', released: '2031-01-20', score: '75.0', input: '0.5', output: '1.5' });
    const radar = await getRetestRadar(ctx.db, scope());
    expect(radar.map((r) => r.id)).toEqual([fx.exps.blocked]);
    const [item] = radar;
    expect(item.used.map((m) => m.id)).toEqual([fx.models.oldModel]);
    expect(item.candidates.map((c) => c.id)).toEqual([cheap]);
    expect(item.candidates[0]).toMatchObject({ pointsGain: 35, cheaperFactor: 4, monthsLater: 6, price: 0.75 });
    expect(await listCount('retest')).toBe(1);
    expect((await getInsightsSummary(ctx.db, scope())).retestCandidates).toBe(1);
    expect(await getRetestRadar(ctx.db, { teamIds: [fx.beta], today: TODAY })).toEqual([]);
  });

  it('starting a re-test creates a linked, proposed experiment with the setup copied, audited, and clears the candidate', async () => {
    const [item] = await getRetestRadar(ctx.db, scope());
    const modelId = item.candidates[0].id;
    const lead = leadOf(fx.alpha);
    const version = item.version;
    expect(await startRetest(ctx.db, lead, { experimentId: fx.exps.blocked, modelId: fx.models.pricey, version }, TODAY)).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: 'That model is not a candidate for this experiment.',
    });
    const started = await startRetest(ctx.db, lead, { experimentId: fx.exps.blocked, modelId, version }, TODAY);
    if (!started.ok) throw new Error(started.message);
    const id = started.id;
    const [created] = await ctx.db.select().from(experiments).where(eq(experiments.id, id));
    expect(created).toMatchObject({
      retestOfId: fx.exps.blocked,
      teamId: fx.alpha,
      status: 'proposed',
      ownerId: actor.id,
      blockerMinScore: '70.0',
      blockerMaxPriceUsd: '5.0000',
      blockedByModel: false,
    });
    expect(created.title).toBe('Re-test: Forecast scenarios');
    expect(created.hypothesis).toContain('AI keeps assumptions straight across scenarios.');
    expect(await ctx.db.select({ modelId: experimentModels.modelId, isPrimary: experimentModels.isPrimary }).from(experimentModels).where(eq(experimentModels.experimentId, id))).toEqual([
      { modelId, isPrimary: true },
    ]);
    const audit = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'experiment.retest'), eq(auditLog.entityId, String(id))));
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ retestOfId: fx.exps.blocked });
    expect(await getRetestRadar(ctx.db, scope())).toEqual([]);
    expect(await listCount('retest')).toBe(0);
    expect((await listRetests(ctx.db, scope())).map((r) => [r.id, r.originalId, r.originalTitle])).toEqual([[id, fx.exps.blocked, 'Forecast scenarios']]);
    // A second re-test of the same experiment is refused and nothing is written.
    expect(await startRetest(ctx.db, lead, { experimentId: fx.exps.blocked, modelId, version }, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/no longer a re-test candidate/) });
    expect(await listRetests(ctx.db, scope())).toHaveLength(1);
  });

  it('computes concentration across vendors and models, per team, with portability', async () => {
    const report = await getConcentration(ctx.db, { teamIds: [fx.alpha], today: TODAY });
    // Alpha before the re-test: Acme ×3 (blocked, hopeless, ported), Bolt ×1 (efficiency only) + the re-test on Bolt.
    expect(report.experiments).toBe(5);
    expect(report.byVendor.hhi).toBeCloseTo((3 / 5) ** 2 + (2 / 5) ** 2, 10);
    expect(report.byVendor.level).toBe('concentrated');
    expect(report.byVendor.largest).toMatchObject({ key: 'Acme', share: 0.6 });
    expect(report.portability).toBe(0.5); // of the 2 completed, "Ported" used two models
    expect(report.spendByVendor.hhi).toBe(1); // only "Efficiency only" has spend
    const org = await getConcentration(ctx.db, scope());
    expect(org.perTeam.map((t) => [t.team, t.experiments, Number(t.summary.hhi?.toFixed(4))])).toEqual([
      ['Fixture Alpha', 5, 0.52],
      ['Fixture Beta', 3, Number(((2 / 3) ** 2 + (1 / 3) ** 2).toFixed(4))],
    ]);
    expect(org.vendorShares.map((v) => [v.vendor, v.experiments])).toEqual([
      ['Acme', 4],
      ['Bolt', 2],
      ['Cirrus', 2],
    ]);
    const summary = await getInsightsSummary(ctx.db, scope());
    expect(summary.vendorHhi).toBeCloseTo(org.byVendor.hhi!, 10);
    expect(summary.largestVendor).toEqual({ name: 'Acme', share: 0.5 });
  });

  it('flags confidential data on a model with an unknown policy, and the flag clears after a recorded mitigation', async () => {
    const flags = await listPrivacyFlags(ctx.db, scope());
    expect(flags.map((f) => f.id)).toEqual([fx.exps.leaky]);
    expect(flags[0].models).toEqual([{ id: fx.models.cirrus, name: 'fx cirrus', vendor: 'Cirrus', channel: 'api', policy: 'unknown', source: 'cirrus-terms' }]);
    expect(await listCount('privacy')).toBe(1);
    expect((await getInsightsSummary(ctx.db, scope())).privacyFlags).toBe(1);

    const stale = { experimentId: fx.exps.leaky, mitigation: 'Enterprise agreement', version: flags[0].version + 1 };
    expect(await recordPrivacyMitigation(ctx.db, admin, stale)).toEqual({ ok: false, reason: 'conflict', message: INSIGHTS_STALE });
    const [publicRow] = await ctx.db.select({ version: experiments.version }).from(experiments).where(eq(experiments.id, fx.exps.publicData));
    expect(await recordPrivacyMitigation(ctx.db, admin, { experimentId: fx.exps.publicData, mitigation: 'Not needed', version: publicRow.version })).toMatchObject({
      ok: false,
      message: 'This experiment has no open privacy flag.',
    });

    const mitigation = 'Enterprise agreement with training opt-out';
    expect(await recordPrivacyMitigation(ctx.db, admin, { experimentId: fx.exps.leaky, mitigation, version: flags[0].version })).toMatchObject({ ok: true });
    expect(await listPrivacyFlags(ctx.db, scope())).toEqual([]);
    expect(await listCount('privacy')).toBe(0);
    expect((await getInsightsSummary(ctx.db, scope())).privacyFlags).toBe(0);
    expect(await listPrivacyMitigations(ctx.db, scope())).toEqual([{ id: fx.exps.leaky, title: 'Contract review', team: 'Fixture Beta', mitigation }]);
    const [row] = await ctx.db.select({ version: experiments.version }).from(experiments).where(eq(experiments.id, fx.exps.leaky));
    expect(row.version).toBe(flags[0].version + 1);
    const audit = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'experiment.privacy_mitigation'), eq(auditLog.entityId, String(fx.exps.leaky))));
    expect(audit.map((a) => [a.actorEmail, a.before, a.after])).toEqual([[admin.email, { privacyMitigation: '' }, { privacyMitigation: mitigation }]]);
  });

  it('reads the shift per quarter and lists completed experiments without capability evidence', async () => {
    const shift = await getShift(ctx.db, scope());
    expect(shift.quarter).toBe('2031-Q2');
    const q2 = shift.mindsets.find((r) => r.quarter === '2031-Q2');
    expect(q2).toMatchObject({ total: 3, new_capability: 1 });
    expect(shift.sentence).toMatch(/^This quarter 33% of new experiments aim at a new capability/);
    expect(shift.needEvidence.map((e) => e.id)).toEqual([fx.exps.efficiencyOnly]);
    expect(shift.outcomes.find((r) => r.quarter === '2031-Q1')).toEqual({ quarter: '2031-Q1', capability: 1, efficiencyOnly: 1, total: 2 });
  });
});
