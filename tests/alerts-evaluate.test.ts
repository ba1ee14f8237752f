// Issue 20 §3: the five alert events, who receives each, preferences, and no duplicates (two evaluations at once);
// on PGlite and PostgreSQL.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { evaluateAlerts } from '@/db/queries/alerts/evaluate';
import { countUnread, getPreferences, listInbox, markRead, savePreferences, type Preference } from '@/db/queries/alerts/inbox';
import { aiModels, alerts, auditLog, experiments, modelPrices, teamMembers, user } from '@/db/schema';
import { addModel, seedInsightsFixture, TODAY, type Fixture } from './insights-fixture';
import { describeEachDb } from './helpers/db';

const owner = { id: 'u_alert_owner', email: 'owner@example.test' };

describeEachDb('alert evaluation', (ctx) => {
  let fx: Fixture;
  let cand: number;
  let rival: number;
  const keys = async () =>
    (await ctx.db.select({ r: alerts.recipientId, k: alerts.key }).from(alerts).orderBy(alerts.key, alerts.recipientId)).map((a) => `${a.k} → ${a.r}`);

  beforeAll(async () => {
    fx = await seedInsightsFixture(ctx.db);
    await ctx.db.insert(user).values([
      { id: owner.id, name: 'Owner', email: owner.email, role: 'lead' },
      { id: 'u_beta_lead', name: 'Beta Lead', email: 'beta@example.test', role: 'lead' },
      { id: 'u_alert_admin', name: 'Admin', email: 'admin@example.test', role: 'admin' },
      { id: 'u_gone_admin', name: 'Gone', email: 'gone@example.test', role: 'admin', active: false },
    ]);
    await ctx.db.insert(teamMembers).values({ teamId: fx.beta, userId: 'u_beta_lead', teamRole: 'lead' });
    await ctx.db.update(experiments).set({ ownerId: owner.id }).where(sql`${experiments.id} in (${fx.exps.blocked}, ${fx.exps.leaky})`);
    // A newer model that clears the blocked experiment's bar (70 on GPQA Diamond, blended ≤ $5): a re-test candidate.
    cand = await addModel(ctx.db, { slug: 'fx-alert-cand', vendor: 'Dyn', released: '2031-01-01', score: '75.0', input: '2', output: '2' });
    // Cirrus (used by two running Beta experiments) drops from $1.00 to $0.75 blended: 25% cheaper.
    await ctx.db.insert(modelPrices).values({ modelId: fx.models.cirrus, effectiveDate: '2031-06-01', inputUsdPerMtok: '0.75', outputUsdPerMtok: '0.75', source: 'fixture' });
    // A rival scoring 25 (Cirrus: 20) at $0.30, under half of $0.75.
    rival = await addModel(ctx.db, { slug: 'fx-alert-rival', vendor: 'Dyn', released: '2031-03-01', score: '25.0', input: '0.3', output: '0.3' });
    // Cirrus retires in 32 days.
    await ctx.db.update(aiModels).set({ retiredOn: '2031-08-01' }).where(eq(aiModels.id, fx.models.cirrus));
  });

  it('a person who turns an event off gets none of it; the change is audited', async () => {
    const save = (next: Preference[]) => ctx.db.transaction((tx) => savePreferences(tx, owner, next));
    expect(await save([{ event: 'stale', enabled: false, delivery: 'digest' }])).toEqual({ ok: true, changed: ['stale'] });
    expect(await save([{ event: 'stale', enabled: false, delivery: 'digest' }])).toEqual({ ok: false, reason: 'conflict', message: 'Nothing changed: these are already your preferences.' });
    const trail = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'alerts.preferences'), eq(auditLog.actorId, owner.id)));
    expect(trail.map((t) => [t.before, t.after])).toEqual([[{ stale: { enabled: true, delivery: 'immediate' } }, { stale: { enabled: false, delivery: 'digest' } }]]);
    expect((await getPreferences(ctx.db, owner.id)).find((p) => p.event === 'stale')).toEqual({ event: 'stale', enabled: false, delivery: 'digest' });
    await evaluateAlerts(ctx.db, TODAY, { dropPercent: 20 });
    expect((await keys()).filter((k) => k.startsWith('stale:'))).toEqual([]);
    await save([{ event: 'stale', enabled: true, delivery: 'immediate' }]);
  });

  it('finds each of the five events for exactly its recipients, and a second run adds nothing', async () => {
    const second = await evaluateAlerts(ctx.db, TODAY, { dropPercent: 20 });
    expect(second.created).toBe(1); // the stale alert, now turned back on
    expect(await keys()).toEqual(
      [
        `price:${fx.beta}:${fx.models.cirrus}:2031-06-01 → u_beta_lead`,
        `privacy:${fx.exps.leaky}:${fx.models.cirrus} → u_alert_admin`,
        `privacy:${fx.exps.leaky}:${fx.models.cirrus} → u_beta_lead`,
        `retest:${fx.exps.blocked}:${cand} → u_alert_owner`,
        `retest:${fx.exps.blocked}:${cand} → u_fixture_lead`,
        `retirement:${fx.exps.leaky}:${fx.models.cirrus}:2031-08-01 → u_alert_owner`,
        `rival:${fx.exps.leaky}:${rival} → u_beta_lead`,
        `rival:${fx.exps.publicData}:${rival} → u_beta_lead`,
        `stale:${fx.exps.leaky}:2031-05-01 → u_alert_owner`,
      ].sort(),
    );
    expect((await evaluateAlerts(ctx.db, TODAY, { dropPercent: 20 })).created).toBe(0);
  });

  it('the price-drop threshold is configurable: a 25% drop is no alert at 30%', async () => {
    await ctx.ownerDb.delete(alerts);
    await evaluateAlerts(ctx.db, TODAY, { dropPercent: 30 });
    expect((await keys()).filter((k) => k.startsWith('price:'))).toEqual([]);
  });

  it('two evaluations at once write each alert once', async () => {
    await ctx.ownerDb.delete(alerts);
    const [a, b] = await Promise.all([evaluateAlerts(ctx.db, TODAY, { dropPercent: 20 }), evaluateAlerts(ctx.db, TODAY, { dropPercent: 20 })]);
    expect(a.created + b.created).toBe(9);
    expect(await keys()).toHaveLength(9);
  });

  it('the inbox: unread count, newest unread first, mark read only one’s own', async () => {
    expect(await countUnread(ctx.db, owner.id)).toBe(3);
    const inbox = await listInbox(ctx.db, owner.id);
    expect(inbox.map((a) => a.event).sort()).toEqual(['retest', 'retirement', 'stale']);
    const lead = await listInbox(ctx.db, 'u_beta_lead');
    expect(await markRead(ctx.db, owner.id, [lead[0].id])).toEqual({ ok: false, reason: 'conflict', message: 'Nothing unread to mark.' });
    expect(await markRead(ctx.db, owner.id, [inbox[0].id])).toEqual({ ok: true, count: 1 });
    expect(await countUnread(ctx.db, owner.id)).toBe(2);
    expect((await listInbox(ctx.db, owner.id)).at(-1)!.id).toBe(inbox[0].id);
    expect(await markRead(ctx.db, owner.id)).toEqual({ ok: true, count: 2 });
    expect(await countUnread(ctx.db, owner.id)).toBe(0);
    expect(await countUnread(ctx.db, 'u_beta_lead')).toBe(4);
  });
});
