// The contract: every /api/v1 endpoint's real answer, on the demo organisation, validates against the
// OpenAPI document's own schemas (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses), for a service token and
// a personal token, and the errors against its Error schema. A path added to the document without a case
// here fails the first test.
import { Ajv2020 } from 'ajv/dist/2020';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { createApiToken } from '@/db/queries/people/api-tokens';
import { experiments, teams, usageDaily, usageFxRates, user } from '@/db/schema';
import { openApiDocument } from '@/lib/api/openapi';
import * as experimentsRoute from '@/app/api/v1/experiments/route';
import * as experimentRoute from '@/app/api/v1/experiments/[id]/route';
import * as dashboardRoute from '@/app/api/v1/dashboard/route';
import * as modelsRoute from '@/app/api/v1/models/route';
import * as insightsRoute from '@/app/api/v1/insights/route';
import * as usageRoute from '@/app/api/v1/usage/route';
import { describeEachDb } from './helpers/db';
import { installDb } from './helpers/security-harness';
import { written } from '@/db/queries/write-result';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

type Handler = (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Doc = ReturnType<typeof openApiDocument> & { paths: Record<string, { get: { responses: Record<string, { content?: { 'application/json': { schema: { $ref: string } } } }> } }> };
const doc = openApiDocument('http://localhost:3000') as Doc;

const ajv = new Ajv2020({ strict: false, allErrors: true });
for (const [name, schema] of Object.entries(doc.components.schemas)) {
  const { $schema: _dialect, ...rest } = schema as Record<string, unknown>;
  ajv.addSchema(rest, `#/components/schemas/${name}`);
}
const validate = (ref: string, body: unknown) => {
  const v = ajv.getSchema(ref)!;
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};
const schemaOf = (path: string, status: string) => doc.paths[path].get.responses[status].content!['application/json'].schema.$ref;

const call = (handler: Handler, url: string, token?: string, params: Record<string, string> = {}) =>
  handler(new Request(`http://localhost:3000/api/v1${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), { params: Promise.resolve(params) });

describeEachDb(
  'API contract',
  (ctx) => {
    const tokens: Record<string, string> = {};
    let experimentId = 0;
    // A year of usage around two rows: one mapped and converted at a set rate, one unmapped with no rate.
    const usageFrom = '2026-01-01';
    const usageTo = '2026-12-31';
    /** One request per documented path (the {id} one from the list). */
    const cases: Record<string, (token: string) => Promise<Response>> = {
      '/experiments': (t) => call(experimentsRoute.GET as Handler, '/experiments?limit=5', t),
      '/experiments/{id}': (t) => call(experimentRoute.GET as Handler, `/experiments/${experimentId}`, t, { id: String(experimentId) }),
      '/dashboard': (t) => call(dashboardRoute.GET as Handler, '/dashboard', t),
      '/models': (t) => call(modelsRoute.GET as Handler, '/models', t),
      '/insights': (t) => call(insightsRoute.GET as Handler, '/insights', t),
      '/usage': (t) => call(usageRoute.GET as Handler, `/usage?from=${usageFrom}&to=${usageTo}`, t),
    };

    beforeAll(async () => {
      installDb(ctx.db, ctx.kind);
      const [admin] = await ctx.db.select({ id: user.id, email: user.email }).from(user).where(eq(user.email, 'admin@uplift.demo'));
      const expiresAt = new Date(Date.now() + 86_400_000);
      tokens.service = (written(await createApiToken(ctx.db, admin, { kind: 'service', name: 'contract', expiresAt }))).token;
      tokens.personal = (written(await createApiToken(ctx.db, admin, { kind: 'personal', name: 'contract', userId: admin.id, expiresAt }))).token;
      const list = (await (await cases['/experiments'](tokens.service)).json()) as { data: { id: number }[] };
      experimentId = list.data[0].id;
      const [team] = await ctx.db.select({ id: teams.id }).from(teams).limit(1);
      await ctx.db.insert(usageFxRates).values({ month: '2026-03-01', currency: 'GBP', rate: '1.27', setBy: 'contract' });
      await ctx.db.insert(usageDaily).values([
        { day: '2026-03-02', source: 'csv', externalTeam: 'mapped', teamId: team.id, vendor: 'OpenAI', externalModel: 'gpt-x', requests: 12, inputTokens: 100, outputTokens: 50, costMicros: 1_234_567, currency: 'GBP', activeUsers: 4 },
        { day: '2026-04-02', source: 'csv', externalTeam: 'nobody', vendor: 'Anthropic', requests: 3, costMicros: 2_000_000, currency: 'JPY' },
      ]);
    });

    it('has a case for every documented path', () => {
      expect(Object.keys(cases).sort()).toEqual(Object.keys(doc.paths).sort());
    });

    for (const kind of ['service', 'personal'] as const) {
      for (const path of ['/experiments', '/experiments/{id}', '/dashboard', '/models', '/insights', '/usage']) {
        it(`GET ${path} (${kind} token) answers what the document says`, async () => {
          const res = await cases[path](tokens[kind]);
          expect(res.status).toBe(200);
          expect(res.headers.get('content-type')).toContain('application/json');
          expect(validate(schemaOf(path, '200'), await res.json())).toEqual([]);
        });
      }
    }

    it('the experiment detail carries the exploration flag and the target metric, as the document says', async () => {
      const detail = doc.components.schemas.ExperimentDetail as { required: string[]; properties: Record<string, { type: string }> };
      expect(detail.required).toEqual(expect.arrayContaining(['exploration', 'targetMetric']));
      expect([detail.properties.exploration.type, detail.properties.targetMetric.type]).toEqual(['boolean', 'string']);
      const read = async () => (await (await cases['/experiments/{id}'](tokens.service)).json()) as { exploration: boolean; targetMetric: string };
      await ctx.db.update(experiments).set({ exploration: true, targetMetric: '' }).where(eq(experiments.id, experimentId));
      expect(await read()).toMatchObject({ exploration: true, targetMetric: '' });
      await ctx.db.update(experiments).set({ exploration: false, targetMetric: 'Minutes to first reply' }).where(eq(experiments.id, experimentId));
      expect(await read()).toMatchObject({ exploration: false, targetMetric: 'Minutes to first reply' });
    });

    it('a 401 answers the Error schema', async () => {
      const res = await cases['/models']('not-a-token');
      expect(res.status).toBe(401);
      expect(validate(schemaOf('/models', '401'), await res.json())).toEqual([]);
    });

    it('the validator does refuse an answer that breaks the document', async () => {
      const body = (await (await cases['/experiments'](tokens.service)).json()) as { data: Record<string, unknown>[] };
      body.data[0].id = 'not a number';
      expect(validate(schemaOf('/experiments', '200'), body)).not.toEqual([]);
    });
  },
  { demo: true },
);
