// The Insights actions check the caller's team and the page's version inside their write transaction,
// on the locked experiment: a stale page, a lead of another team, or an experiment moved to another
// team while the action waits, are refused and nothing is written (the team refusal is audited).
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import { INSIGHTS_DENIED, INSIGHTS_STALE, recordPrivacyMitigation, startRetest } from '@/db/queries/insights/actions';
import { getRetestRadar } from '@/db/queries/insights/radar';
import { auditLog, experiments } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { recordMitigationSchema, startRetestSchema } from '@/lib/validation/insights';
import { describeEachDb } from './helpers/db';
import { addModel, seedInsightsFixture, TODAY, type Fixture } from './insights-fixture';

const leadOf = (teamId: number): SessionUser => ({
  id: 'u_fixture_lead',
  name: 'Fixture Lead',
  email: 'fixture.lead@example.test',
  role: 'lead',
  leadTeamIds: [teamId],
  teamIds: [teamId],
});

describe('the Insights forms must send the version they were loaded with', () => {
  it('refuses a missing, non-numeric or out-of-range version with a message', () => {
    for (const version of [undefined, '', 'abc', '0', '99999999999']) {
      const retest = startRetestSchema.safeParse({ experimentId: '1', modelId: '2', ...(version === undefined ? {} : { version }) });
      expect(retest.success).toBe(false);
      expect(retest.error?.issues.map((i) => i.message)).toContain('This page is out of date: reload it and try again.');
      const mitigation = recordMitigationSchema.safeParse({ experimentId: '1', mitigation: 'Enterprise agreement', ...(version === undefined ? {} : { version }) });
      expect(mitigation.success).toBe(false);
    }
    expect(startRetestSchema.parse({ experimentId: '1', modelId: '2', version: '3' })).toEqual({ experimentId: 1, modelId: 2, version: 3 });
  });
});

const rowOf = async (db: Db, id: number) => (await db.select().from(experiments).where(eq(experiments.id, id)))[0];
const retestsOf = async (db: Db, id: number) => (await db.select({ n: count() }).from(experiments).where(eq(experiments.retestOfId, id)))[0].n;
const deniedAudits = async (db: Db, action: string) =>
  (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, `denied:${action}`), eq(auditLog.outcome, 'denied'))))[0].n;

describeEachDb('Insights actions: team and version checked on the locked row', (ctx) => {
  let fx: Fixture;
  let candidate: number;
  beforeAll(async () => {
    fx = await seedInsightsFixture(ctx.db);
    candidate = await addModel(ctx.db, { slug: 'fx-bolt-cheaper', vendor: 'Bolt', released: '2031-01-20', score: '75.0', input: '0.5', output: '1.5' });
    expect((await getRetestRadar(ctx.db, { teamIds: [fx.alpha], today: TODAY })).map((r) => r.id)).toEqual([fx.exps.blocked]);
  });

  it('a re-test from a page loaded before the experiment changed is refused and creates nothing', async () => {
    const { version } = await rowOf(ctx.db, fx.exps.blocked);
    await ctx.db.update(experiments).set({ learnings: 'Edited meanwhile', version: sql`${experiments.version} + 1` }).where(eq(experiments.id, fx.exps.blocked));
    const result = await startRetest(ctx.db, leadOf(fx.alpha), { experimentId: fx.exps.blocked, modelId: candidate, version }, TODAY);
    expect(result).toEqual({ ok: false, reason: 'conflict', message: INSIGHTS_STALE });
    expect(await retestsOf(ctx.db, fx.exps.blocked)).toBe(0);
  });

  it('a lead of another team is refused a re-test and a mitigation, each refusal audited, nothing written', async () => {
    const blocked = await rowOf(ctx.db, fx.exps.blocked);
    const leaky = await rowOf(ctx.db, fx.exps.leaky);
    const [retestDenied, mitigationDenied] = [await deniedAudits(ctx.db, 'experiment.retest'), await deniedAudits(ctx.db, 'experiment.privacy_mitigation')];
    expect(await startRetest(ctx.db, leadOf(fx.beta), { experimentId: blocked.id, modelId: candidate, version: blocked.version }, TODAY)).toEqual({
      ok: false,
      reason: 'denied',
      message: INSIGHTS_DENIED,
    });
    expect(await recordPrivacyMitigation(ctx.db, leadOf(fx.alpha), { experimentId: leaky.id, mitigation: 'Enterprise agreement', version: leaky.version })).toEqual({
      ok: false,
      reason: 'denied',
      message: INSIGHTS_DENIED,
    });
    expect(await retestsOf(ctx.db, blocked.id)).toBe(0);
    expect(await rowOf(ctx.db, leaky.id)).toEqual(leaky);
    expect(await deniedAudits(ctx.db, 'experiment.retest')).toBe(retestDenied + 1);
    expect(await deniedAudits(ctx.db, 'experiment.privacy_mitigation')).toBe(mitigationDenied + 1);
  });

  it('a mitigation from a stale page is refused and changes nothing', async () => {
    const leaky = await rowOf(ctx.db, fx.exps.leaky);
    const result = await recordPrivacyMitigation(ctx.db, leadOf(fx.beta), { experimentId: leaky.id, mitigation: 'Enterprise agreement', version: leaky.version - 1 });
    expect(result).toEqual({ ok: false, reason: 'conflict', message: INSIGHTS_STALE });
    expect(await rowOf(ctx.db, leaky.id)).toEqual(leaky);
  });

  if (ctx.kind === 'postgres') {
    /**
     * Another transaction moves the experiment to another team (without touching its version) and holds
     * the row while the action starts; the action waits for the row, then must see the new team.
     */
    const whileMovedAway = async <T>(id: number, toTeam: number, act: () => Promise<T>): Promise<T> => {
      let commit!: () => void;
      const held = new Promise<void>((resolve) => (commit = resolve));
      let moved!: () => void;
      const isMoved = new Promise<void>((resolve) => (moved = resolve));
      const mover = ctx.db.transaction(async (tx) => {
        await tx.update(experiments).set({ teamId: toTeam }).where(eq(experiments.id, id));
        moved();
        await held;
      });
      await isMoved;
      const action = act();
      // Wait until the action is blocked on the moved row, then let the move commit.
      for (let i = 0; i < 200; i++) {
        const [w] = await rawRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from pg_locks where not granted`);
        if (Number(w.n) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      commit();
      await mover;
      return action;
    };

    it('a lead whose experiment moves to another team while the re-test waits is refused (checked on the locked row)', async () => {
      const blocked = await rowOf(ctx.db, fx.exps.blocked);
      const result = await whileMovedAway(blocked.id, fx.beta, () =>
        startRetest(ctx.db, leadOf(fx.alpha), { experimentId: blocked.id, modelId: candidate, version: blocked.version }, TODAY),
      );
      expect(result).toEqual({ ok: false, reason: 'denied', message: INSIGHTS_DENIED });
      expect(await retestsOf(ctx.db, blocked.id)).toBe(0);
      await ctx.db.update(experiments).set({ teamId: fx.alpha }).where(eq(experiments.id, blocked.id));
    });

    it('the same for a mitigation', async () => {
      const leaky = await rowOf(ctx.db, fx.exps.leaky);
      const result = await whileMovedAway(leaky.id, fx.alpha, () =>
        recordPrivacyMitigation(ctx.db, leadOf(fx.beta), { experimentId: leaky.id, mitigation: 'Enterprise agreement', version: leaky.version }),
      );
      expect(result).toEqual({ ok: false, reason: 'denied', message: INSIGHTS_DENIED });
      expect((await rowOf(ctx.db, leaky.id)).privacyMitigation).toBe('');
      await ctx.db.update(experiments).set({ teamId: fx.beta }).where(eq(experiments.id, leaky.id));
    });
  }

  it('with the current version, the lead of the team starts the re-test and records the mitigation', async () => {
    const blocked = await rowOf(ctx.db, fx.exps.blocked);
    expect(await startRetest(ctx.db, leadOf(fx.alpha), { experimentId: blocked.id, modelId: candidate, version: blocked.version }, TODAY)).toMatchObject({ ok: true });
    expect(await retestsOf(ctx.db, blocked.id)).toBe(1);
    const leaky = await rowOf(ctx.db, fx.exps.leaky);
    expect(await recordPrivacyMitigation(ctx.db, leadOf(fx.beta), { experimentId: leaky.id, mitigation: 'Enterprise agreement', version: leaky.version })).toEqual({
      ok: true,
      id: leaky.id,
      version: leaky.version + 1,
    });
  });
});
