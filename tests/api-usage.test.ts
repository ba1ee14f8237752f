// GET /api/v1/usage on both databases: what each caller reads (a lead their own teams, a team token its team,
// an executive every team and the unmapped usage), with exact figures and the currency conversion.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { createApiToken } from '@/db/queries/people/api-tokens';
import { teamMembers, teams, usageDaily, usageFxRates } from '@/db/schema';
import { insertUserWithPassword } from '@/db/seed/demo';
import * as usageRoute from '@/app/api/v1/usage/route';
import { describeEachDb } from './helpers/db';
import { installDb } from './helpers/security-harness';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

type Figures = { activeUsers: number | null; requests: number; spend: { converted: { amountMinor: number; currency: string }; rates: unknown[]; unconverted: { month: string; amount: { amountMinor: number; currency: string } }[] } };
type Body = { period: { from: string; to: string }; total: Figures; byTeam: (Figures & { team: string; teamId: number | null })[]; billedVsReported: { team: string; reason: string }[] };

describeEachDb('read API /api/v1/usage', (ctx) => {
  const tokens: Record<string, string> = {};
  let teamA = 0;

  const read = async (token: string, query = 'from=2026-03-01&to=2026-04-30') => {
    const res = await usageRoute.GET(new Request(`http://localhost:3000/api/v1/usage?${query}`, { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(200);
    return (await res.json()) as Body;
  };

  beforeAll(async () => {
    installDb(ctx.db, ctx.kind);
    const db = ctx.db;
    let teamB = 0;
    [{ id: teamA }, { id: teamB }] = await db.insert(teams).values([{ name: 'Usage Alpha' }, { name: 'Usage Beta' }]).returning({ id: teams.id });
    await insertUserWithPassword(db, { id: 'u_usage_admin', email: 'usage.admin@example.com', name: 'Admin', role: 'admin', passwordHash: 'x' });
    await insertUserWithPassword(db, { id: 'u_usage_lead', email: 'usage.lead@example.com', name: 'Lead', role: 'lead', passwordHash: 'x' });
    await insertUserWithPassword(db, { id: 'u_usage_exec', email: 'usage.exec@example.com', name: 'Exec', role: 'executive', passwordHash: 'x' });
    await db.insert(teamMembers).values({ teamId: teamA, userId: 'u_usage_lead', teamRole: 'lead' });
    const admin = { id: 'u_usage_admin', email: 'usage.admin@example.com' };
    const tok = async (kind: 'personal' | 'service', userId: string | null, teamId: number | null = null) => {
      const r = await createApiToken(db, admin, { kind, name: kind, userId, teamId, expiresAt: new Date(Date.now() + 86_400_000) });
      if (!r.ok) throw new Error(r.message);
      return r.token;
    };
    tokens.lead = await tok('personal', 'u_usage_lead');
    tokens.exec = await tok('personal', 'u_usage_exec');
    tokens.teamB = await tok('service', null, teamB);
    await db.execute(sql`update org_settings set currency = 'USD' where id = 1`);
    await db.insert(usageFxRates).values({ month: '2026-03-01', currency: 'EUR', rate: '1.2', setBy: 'test' });
    // Alpha: 2 days (active 6 then 8), 10 USD and 5 EUR (= 6 USD in March); Beta: 4 EUR in April (no rate); unmapped: 1 USD.
    await db.insert(usageDaily).values([
      { day: '2026-03-02', source: 'csv', externalTeam: 'alpha', teamId: teamA, vendor: 'OpenAI', externalModel: 'm', requests: 10, costMicros: 10_000_000, currency: 'USD', activeUsers: 6 },
      { day: '2026-03-03', source: 'csv', externalTeam: 'alpha-eu', teamId: teamA, vendor: 'OpenAI', externalModel: 'm', requests: 5, costMicros: 5_000_000, currency: 'EUR', activeUsers: 8 },
      { day: '2026-04-01', source: 'csv', externalTeam: 'beta', teamId: teamB, vendor: 'OpenAI', externalModel: 'm', requests: 7, costMicros: 4_000_000, currency: 'EUR', activeUsers: 3 },
      { day: '2026-04-02', source: 'csv', externalTeam: 'who', vendor: 'OpenAI', externalModel: 'm', requests: 1, costMicros: 1_000_000, currency: 'USD', activeUsers: 1 },
    ]);
  });

  it('an executive reads every team and the unmapped usage; active users are the daily maximum', async () => {
    const body = await read(tokens.exec);
    expect(body.period).toEqual({ from: '2026-03-01', to: '2026-04-30' });
    expect(body.byTeam.map((t) => [t.team, t.requests, t.activeUsers, t.spend.converted.amountMinor])).toEqual([
      ['Usage Alpha', 15, 8, 1600],
      ['Usage Beta', 7, 3, 0],
      ['Unmapped', 1, 1, 100],
    ]);
    expect(body.total.activeUsers).toBe(8);
    expect(body.total.spend.converted).toEqual({ amountMinor: 1700, currency: 'USD' });
    expect(body.total.spend.rates).toEqual([{ month: '2026-03', currency: 'EUR', rate: 1.2 }]);
    expect(body.total.spend.unconverted).toEqual([{ month: '2026-04', amount: { amountMinor: 400, currency: 'EUR' } }]);
  });

  it('a lead reads only their own teams’ usage, whatever teams they ask for', async () => {
    const own = await read(tokens.lead);
    expect(own.byTeam.map((t) => [t.team, t.requests])).toEqual([['Usage Alpha', 15]]);
    expect(own.total.requests).toBe(15);
    expect(own.billedVsReported.map((r) => r.team)).toEqual(['Usage Alpha']);
    const other = await read(tokens.lead, `from=2026-03-01&to=2026-04-30&team=${teamA + 1}`);
    expect(other.byTeam).toEqual([]);
  });

  it('a team token reads its team only', async () => {
    const body = await read(tokens.teamB);
    expect(body.byTeam.map((t) => [t.team, t.requests, t.spend.unconverted.length])).toEqual([['Usage Beta', 7, 1]]);
    expect(body.billedVsReported.map((r) => [r.team, r.reason])).toEqual([['Usage Beta', 'no-experiments']]);
  });
});
