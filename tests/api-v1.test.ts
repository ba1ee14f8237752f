// The read API on both databases: Bearer tokens (personal as their user, service as an executive or one
// team), JSON 401/403/429 that leak nothing, and each endpoint's JSON for a small fixture, exact values.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { createApiToken } from '@/db/queries/people/api-tokens';
import { addCheckin, addOutcome } from '@/db/queries/experiments/children';
import { createExperiment } from '@/db/queries/experiments/write';
import { aiModels, apiTokens, modelBenchmarks, modelPrices, teamMembers, teams } from '@/db/schema';
import { insertUserWithPassword } from '@/db/seed/demo';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { checkinSchema, experimentSchema, outcomeSchema } from '@/lib/validation/experiment';
import * as experimentsRoute from '@/app/api/v1/experiments/route';
import * as experimentRoute from '@/app/api/v1/experiments/[id]/route';
import * as dashboardRoute from '@/app/api/v1/dashboard/route';
import * as modelsRoute from '@/app/api/v1/models/route';
import * as insightsRoute from '@/app/api/v1/insights/route';
import { describeEachDb } from './helpers/db';
import { installDb } from './helpers/security-harness';
import { written } from '@/db/queries/write-result';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

const DAY = 86_400_000;
const get = (handler: (r: Request) => Promise<Response>, path: string, token?: string) =>
  handler(new Request(`http://localhost:3000${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));

type Fx = { teamA: number; teamB: number; ids: Record<string, number>; tokens: Record<string, string>; leadId: string };

async function fixture(db: Db): Promise<Fx> {
  const [{ id: teamA }] = await db.insert(teams).values({ name: 'Alpha' }).returning({ id: teams.id });
  const [{ id: teamB }] = await db.insert(teams).values({ name: 'Beta' }).returning({ id: teams.id });
  const users = { admin: 'u_api_admin', lead: 'u_api_lead', exec: 'u_api_exec' };
  await insertUserWithPassword(db, { id: users.admin, email: 'api.admin@example.com', name: 'Admin', role: 'admin', passwordHash: 'x' });
  await insertUserWithPassword(db, { id: users.lead, email: 'api.lead@example.com', name: 'Lead', role: 'lead', passwordHash: 'x' });
  await insertUserWithPassword(db, { id: users.exec, email: 'api.exec@example.com', name: 'Exec', role: 'executive', passwordHash: 'x' });
  await db.insert(teamMembers).values({ teamId: teamA, userId: users.lead, teamRole: 'lead' });
  const admin: SessionUser = { id: users.admin, name: 'Admin', email: 'api.admin@example.com', role: 'admin', teamIds: [], leadTeamIds: [] };
  const [{ id: modelId }] = await db.insert(aiModels).values({ slug: 'api-model', name: 'API Model', vendor: 'Acme', releaseDate: '2025-01-15', dataPolicy: 'no_training' }).returning({ id: aiModels.id });
  await db.insert(modelPrices).values([
    { modelId, effectiveDate: '2025-01-15', inputUsdPerMtok: '3', outputUsdPerMtok: '15', source: 'launch' },
    { modelId, effectiveDate: '2025-06-01', inputUsdPerMtok: '0.0375', outputUsdPerMtok: '1.25', source: 'price cut' },
  ]);
  await db.insert(modelBenchmarks).values({ modelId, benchmark: 'gpqa_diamond', score: '71.5', source: 'vendor card' });
  const [{ id: trainerId }] = await db.insert(aiModels).values({ slug: 'api-trainer', name: 'API Trainer', vendor: 'Bolt', releaseDate: '2025-02-01', dataPolicy: 'trains' }).returning({ id: aiModels.id });
  const ids: Record<string, number> = {};
  const make = async (key: string, o: Record<string, unknown>) => {
    const r = await createExperiment(db, admin, experimentSchema.parse(o));
    if (!r.ok) throw new Error(JSON.stringify(r));
    ids[key] = r.id;
  };
  await make('a1', { title: 'Alpha triage', teamId: String(teamA), status: 'running', startDate: '2026-10-01', hoursBeforePerTask: '2', hoursWithAiPerTask: '0.5', tasksPerMonth: '40', spendMonthly: '120.50', modelIds: [String(modelId)] });
  await make('a2', { title: 'Alpha drafts', teamId: String(teamA), status: 'proposed' });
  await make('b1', { title: 'Beta reports', teamId: String(teamB), status: 'running', startDate: '2026-09-15', spendMonthly: '30', modelIds: [String(trainerId)], dataSensitivity: 'confidential' });
  // The check-in repeats the experiment's own figures, so the current figures stay 60 h and 120.50.
  await addCheckin(db, admin, ids.a1, checkinSchema.parse({ date: '2026-11-01', hoursBeforePerTask: '2', hoursWithAiPerTask: '0.5', tasksPerMonth: '40', spendMonthly: '120.50', qualityAfter: '4', note: 'steady' }));
  await addOutcome(db, admin, ids.a1, outcomeSchema.parse({ type: 'insight', description: 'Found duplicate tickets', impact: '4', evidence: 'ticket log', recordedOn: '2026-11-02' }));
  const tok = async (kind: 'personal' | 'service', userId: string | null, teamId: number | null = null) =>
    (written(await createApiToken(db, { id: users.admin, email: 'api.admin@example.com' }, { kind, name: kind, userId, teamId, expiresAt: new Date(Date.now() + DAY) }))).token;
  const tokens = { lead: await tok('personal', users.lead), exec: await tok('personal', users.exec), org: await tok('service', null), teamB: await tok('service', null, teamB) };
  return { teamA, teamB, ids, tokens, leadId: users.lead };
}

describeEachDb('read API /api/v1', (ctx) => {
  let fx: Fx;
  beforeAll(async () => {
    installDb(ctx.db, ctx.kind);
    fx = await fixture(ctx.db);
  });

  it('answers a request without a token, or with a bad one, with a JSON 401 and nothing else', async () => {
    for (const token of [undefined, 'upl_nope', 'garbage']) {
      const res = await get(experimentsRoute.GET, '/api/v1/experiments', token);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = await res.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(JSON.stringify(body)).not.toMatch(/Alpha|Beta/);
    }
  });

  it('lists experiments with the list filters, camelCase, ISO dates and money in minor units', async () => {
    const res = await get(experimentsRoute.GET, `/api/v1/experiments?team=${fx.teamA}`, fx.tokens.exec);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.nextCursor).toBeNull();
    expect(body.sums).toEqual({ hoursSavedPerMonth: 60, spendMonthly: { amountMinor: 12050, currency: 'USD' } });
    const a1 = body.data.find((e: { id: number }) => e.id === fx.ids.a1);
    expect(a1).toEqual({
      id: fx.ids.a1,
      title: 'Alpha triage',
      teamId: fx.teamA,
      team: 'Alpha',
      status: 'running',
      // The fixture never chose a mindset: not set, never a guessed 'accelerate'.
      mindset: null,
      workType: a1.workType,
      startDate: '2026-10-01',
      endDate: null,
      hoursSavedPerMonth: 60,
      spendMonthly: { amountMinor: 12050, currency: 'USD' },
      blockedByModel: false,
      archivedAt: null,
      updatedAt: a1.updatedAt,
      outcomes: 1,
    });
    expect(a1.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(body.data.map((e: { title: string }) => e.title)).toEqual(['Alpha drafts', 'Alpha triage']); // newest first
  });

  it('pages with a cursor: every experiment exactly once, and a bad cursor or limit is a 400', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(experimentsRoute.GET, `/api/v1/experiments?limit=2${cursor ? `&cursor=${cursor}` : ''}`, fx.tokens.org);
      const body = await res.json();
      expect(body.total).toBe(3);
      seen.push(...body.data.map((e: { title: string }) => e.title));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 5);
    expect(seen).toEqual(['Beta reports', 'Alpha drafts', 'Alpha triage']);
    expect(pages).toBe(2);
    expect((await get(experimentsRoute.GET, '/api/v1/experiments?cursor=abc', fx.tokens.org)).status).toBe(400);
    const bad = await get(experimentsRoute.GET, '/api/v1/experiments?limit=0', fx.tokens.org);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'limit must be a whole number from 1 to 200.' });
  });

  it('gives a lead’s personal token what the lead sees: every team, and its own teams for mine=yes', async () => {
    const all = await (await get(experimentsRoute.GET, '/api/v1/experiments', fx.tokens.lead)).json();
    expect(all.total).toBe(3);
    const mine = await (await get(experimentsRoute.GET, '/api/v1/experiments?mine=yes', fx.tokens.lead)).json();
    expect(mine.data.map((e: { teamId: number }) => e.teamId)).toEqual([fx.teamA, fx.teamA]);
  });

  it('limits a team service token to its team, even when another team is asked for', async () => {
    const own = await (await get(experimentsRoute.GET, '/api/v1/experiments', fx.tokens.teamB)).json();
    expect(own.data.map((e: { title: string }) => e.title)).toEqual(['Beta reports']);
    expect(own.sums).toEqual({ hoursSavedPerMonth: 0, spendMonthly: { amountMinor: 3000, currency: 'USD' } });
    const other = await (await get(experimentsRoute.GET, `/api/v1/experiments?team=${fx.teamA}`, fx.tokens.teamB)).json();
    expect(other).toEqual({ data: [], total: 0, sums: { hoursSavedPerMonth: 0, spendMonthly: { amountMinor: 0, currency: 'USD' } }, nextCursor: null });
  });

  it('returns one experiment with its outcomes and check-ins; another team’s is not found for a team token', async () => {
    const res = await experimentRoute.GET(new Request(`http://localhost:3000/api/v1/experiments/${fx.ids.a1}`, { headers: { authorization: `Bearer ${fx.tokens.lead}` } }), {
      params: Promise.resolve({ id: String(fx.ids.a1) }),
    });
    expect(res.status).toBe(200);
    const e = await res.json();
    expect(e).toMatchObject({ id: fx.ids.a1, title: 'Alpha triage', team: 'Alpha', hoursSavedPerMonth: 60, spendMonthly: { amountMinor: 12050, currency: 'USD' }, spendOneOff: null, owner: 'Admin' });
    expect(e.models).toEqual([{ slug: 'api-model', name: 'API Model', vendor: 'Acme', isPrimary: true, channel: 'api', channelPolicy: 'no_training' }]);
    expect(e.outcomes).toEqual([{ id: e.outcomes[0].id, type: 'insight', description: 'Found duplicate tickets', impact: 4, evidence: 'ticket log', recordedOn: '2026-11-02' }]);
    expect(e.checkins).toEqual([{ id: e.checkins[0].id, date: '2026-11-01', hoursSavedPerMonth: 60, spendMonthly: { amountMinor: 12050, currency: 'USD' }, qualityAfter: 4, note: 'steady' }]);
    const one = (id: string, token: string) => experimentRoute.GET(new Request(`http://localhost:3000/api/v1/experiments/${id}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id }) });
    const hidden = await one(String(fx.ids.a1), fx.tokens.teamB);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual({ error: 'There is no experiment with this id.' });
    expect((await one(String(fx.ids.b1), fx.tokens.teamB)).status).toBe(200);
    expect((await one('999999', fx.tokens.org)).status).toBe(404);
    expect((await one('abc', fx.tokens.org)).status).toBe(404);
    expect((await one(String(fx.ids.a1), 'upl_wrong')).status).toBe(401);
  });

  it('gives the dashboard’s headline figures for the period and the one before, per token scope', async () => {
    const q = '/api/v1/dashboard?from=2026-09-01&to=2026-11-30';
    const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
    const none = { active: 0, teamsActive: 0, completed: 0, completedWithOutcome: 0, activeNewCapability: 0, activeExploring: 0, hoursSavedPerMonth: 0, spendMonthly: usd(0), spendOneOff: usd(0), outcomes: 0, outcomeExperiments: 0, avgImpact: null };
    const periods = { period: { from: '2026-09-01', to: '2026-11-30' }, previousPeriod: { from: '2026-06-02', to: '2026-08-31' } };
    // Alpha triage (60 h, 120.50, one outcome of impact 4) and Beta reports (30.00) run in the period.
    expect(await (await get(dashboardRoute.GET, q, fx.tokens.org)).json()).toEqual({
      ...periods,
      teamsInScope: 2,
      current: { ...none, active: 2, teamsActive: 2, hoursSavedPerMonth: 60, spendMonthly: usd(15050), outcomes: 1, outcomeExperiments: 1, avgImpact: 4 },
      previous: none,
    });
    expect(await (await get(dashboardRoute.GET, q, fx.tokens.teamB)).json()).toEqual({
      ...periods,
      teamsInScope: 1,
      current: { ...none, active: 1, teamsActive: 1, spendMonthly: usd(3000) },
      previous: none,
    });
  });

  it('lists the catalog with today’s price, the price history and scores, prices in cents per million tokens', async () => {
    const body = await (await get(modelsRoute.GET, '/api/v1/models', fx.tokens.teamB)).json();
    // The shipped reference catalog is there too: every model once.
    expect(body.data).toHaveLength((await ctx.db.select({ id: aiModels.id }).from(aiModels)).length);
    expect(body.data.filter((m: { slug: string }) => m.slug === 'api-model')).toEqual(
      [
        {
          slug: 'api-model',
          name: 'API Model',
          vendor: 'Acme',
          releaseDate: '2025-01-15',
          reasoning: false,
          openWeights: false,
          dataPolicy: 'no_training',
          experiments: 1,
          pricePerMillionTokens: { inputMinor: 3.75, outputMinor: 125, currency: 'USD' },
          priceHistory: [
            { effectiveDate: '2025-01-15', inputMinor: 300, outputMinor: 1500, currency: 'USD', source: 'launch' },
            { effectiveDate: '2025-06-01', inputMinor: 3.75, outputMinor: 125, currency: 'USD', source: 'price cut' },
          ],
          scores: [{ benchmark: 'gpqa_diamond', score: 71.5, source: 'vendor card' }],
        },
      ],
    );
  });

  it('gives the insights: radar, concentration and privacy flags, per token scope', async () => {
    const only = (key: string) => ({ hhi: 1, level: 'concentrated', largest: { key, weight: 1, share: 1 }, count: 1 });
    const flag = { id: fx.ids.b1, title: 'Beta reports', teamId: fx.teamB, team: 'Beta', sensitivity: 'confidential', status: 'running', models: [{ name: 'API Trainer', vendor: 'Bolt', channel: 'api', policy: 'trains' }] };
    // The organisation: one experiment on Acme's model, one on Bolt's (which trains on confidential data).
    expect(await (await get(insightsRoute.GET, '/api/v1/insights', fx.tokens.exec)).json()).toEqual({
      radar: [],
      concentration: {
        byVendor: { hhi: 0.5, level: 'concentrated', largest: { key: 'Acme', weight: 1, share: 0.5 }, count: 2 },
        byModel: { hhi: 0.5, level: 'concentrated', largest: { key: 'API Model', weight: 1, share: 0.5 }, count: 2 },
        portability: null,
        experiments: 2,
        vendorShares: [{ vendor: 'Acme', experiments: 1, share: 0.5 }, { vendor: 'Bolt', experiments: 1, share: 0.5 }],
      },
      privacyFlags: [flag],
    });
    expect(await (await get(insightsRoute.GET, '/api/v1/insights', fx.tokens.teamB)).json()).toEqual({
      radar: [],
      concentration: { byVendor: only('Bolt'), byModel: only('API Trainer'), portability: null, experiments: 1, vendorShares: [{ vendor: 'Bolt', experiments: 1, share: 1 }] },
      privacyFlags: [flag],
    });
    // A lead narrows to their own team (Alpha) as on the page.
    expect(await (await get(insightsRoute.GET, '/api/v1/insights?scope=mine', fx.tokens.lead)).json()).toEqual({
      radar: [],
      concentration: { byVendor: only('Acme'), byModel: only('API Model'), portability: null, experiments: 1, vendorShares: [{ vendor: 'Acme', experiments: 1, share: 1 }] },
      privacyFlags: [],
    });
  });

  it('refuses a revoked or expired token with 401, and a busy token with 429 and Retry-After', async () => {
    const [row] = await ctx.db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.kind, 'personal')).limit(1);
    const t = written(await createApiToken(ctx.db, null, { kind: 'personal', name: 'x', userId: fx.leadId, expiresAt: new Date(Date.now() + DAY) }));
    await ctx.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, t.id));
    expect((await get(experimentsRoute.GET, '/api/v1/experiments', t.token)).status).toBe(401);
    const e = written(await createApiToken(ctx.db, null, { kind: 'personal', name: 'y', userId: fx.leadId, expiresAt: new Date(Date.now() + DAY) }));
    await ctx.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(apiTokens.id, e.id));
    expect((await get(experimentsRoute.GET, '/api/v1/experiments', e.token)).status).toBe(401);
    expect(row).toBeDefined();

    const busy = written(await createApiToken(ctx.db, null, { kind: 'personal', name: 'z', userId: fx.leadId, expiresAt: new Date(Date.now() + DAY) }));
    await ctx.db.update(apiTokens).set({ rateWindowStart: new Date(), rateCount: 120 }).where(eq(apiTokens.id, busy.id));
    const res = await get(experimentsRoute.GET, '/api/v1/experiments', busy.token);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(await res.json()).toEqual({ error: 'Too many requests with this token: at most 120 a minute.' });
  });
});
