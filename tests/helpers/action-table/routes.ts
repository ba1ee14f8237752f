// The role × action table: routes (app/api).
import { createPersonalTokenAction, revokePersonalTokenAction } from '@/app/(app)/account/token-actions';
import { createServiceTokenAction, revokeServiceTokenAction } from '@/app/(app)/admin/token-actions';
import { createApiToken } from '@/db/queries/people/api-tokens';
import { written } from '@/db/queries/write-result';
import * as authRoute from '@/app/api/auth/[...all]/route';
import * as healthRoute from '@/app/api/health/route';
import * as jobsRunRoute from '@/app/api/jobs/run/route';
import * as apiExperimentsRoute from '@/app/api/v1/experiments/route';
import * as apiOpenApiRoute from '@/app/api/v1/openapi.json/route';
import * as apiInsightsRoute from '@/app/api/v1/insights/route';
import * as apiModelsRoute from '@/app/api/v1/models/route';
import * as apiDashboardRoute from '@/app/api/v1/dashboard/route';
import * as apiUsageRoute from '@/app/api/v1/usage/route';
import * as apiExperimentRoute from '@/app/api/v1/experiments/[id]/route';
import { READ_ONLY } from '../action-effects';
import { DEMO_PASSWORD, SIGNED_IN } from '../security-harness';
import { EVERYONE, SIGN_OUT, ADMIN, type TableEntry, type Handler } from './entry';

export const ROUTES: TableEntry[] = [
  {
    name: 'route: POST /api/auth/sign-out',
    effect: SIGN_OUT,
    // Signed out, it has nothing to end and answers 200 (better-auth); nothing is written either way.
    allowed: EVERYONE,
    route: { method: 'POST', path: '/api/auth/sign-out', body: 'json', handler: authRoute.POST, params: { all: ['sign-out'] } },
    input: () => ({}),
    fuzz: false,
  },
  {
    name: 'route: GET /api/auth/get-session',
    // Signed out, it answers null; nothing is written.
    allowed: EVERYONE,
    route: { method: 'GET', path: '/api/auth/get-session', handler: authRoute.GET, params: { all: ['get-session'] } },
    input: () => ({}),
    fuzz: false,
    effect: READ_ONLY,
  },
  {
    name: 'route: better-auth sign-up is not exposed',
    allowed: [],
    refusal: () => 'notfound',
    route: { method: 'POST', path: '/api/auth/sign-up/email', body: 'json', handler: authRoute.POST, params: { all: ['sign-up', 'email'] } },
    input: (fx) => ({ email: `x${fx.uid()}@evil.test`, password: 'password123', name: 'x' }),
  },
  {
    name: 'route: better-auth sign-in (unthrottled) is not exposed',
    allowed: [],
    refusal: () => 'notfound',
    route: { method: 'POST', path: '/api/auth/sign-in/email', body: 'json', handler: authRoute.POST, params: { all: ['sign-in', 'email'] } },
    input: () => ({ email: 'admin@uplift.demo', password: DEMO_PASSWORD }),
  },
  {
    name: 'route: better-auth reset-password is not exposed',
    allowed: [],
    refusal: () => 'notfound',
    route: { method: 'POST', path: '/api/auth/reset-password', body: 'json', handler: authRoute.POST, params: { all: ['reset-password'] } },
    input: async (fx) => ({ token: await fx.resetToken(), newPassword: 'password123' }),
  },
  {
    // `npm run jobs` signs with the app secret (tests/jobs-command.test.ts); a session is not enough.
    name: 'route: POST /api/jobs/run (no signature)',
    allowed: [],
    refusal: () => 'login',
    route: { method: 'POST', path: '/api/jobs/run', body: 'json', handler: jobsRunRoute.POST as Handler },
    input: () => ({ job: 'catalog-sync' }),
  },
  {
    name: 'route: GET /api/health',
    effect: READ_ONLY,
    allowed: EVERYONE,
    route: { method: 'GET', path: '/api/health', handler: healthRoute.GET as Handler },
    input: () => ({}),
    fuzz: false,
  },
  {
    name: 'account: create a personal API token',
    effect: { changes: ['api_tokens'], audit: 'api-token.create' },
    allowed: SIGNED_IN,
    action: createPersonalTokenAction,
    input: (fx) => ({ name: `BI ${fx.uid()}`, expiresInDays: '30' }),
  },
  {
    name: 'account: revoke a personal API token',
    effect: { changes: ['api_tokens'], audit: 'api-token.revoke' },
    allowed: SIGNED_IN,
    action: revokePersonalTokenAction,
    // The caller's own live token (for anon, an executive's: refused before it is looked at).
    input: async (fx, caller) => {
      const owner = fx.users[caller === 'anon' ? 'executive' : caller];
      const { id } = written(await createApiToken(fx.db, owner, { kind: 'personal', name: `t ${fx.uid()}`, userId: owner.id, expiresAt: new Date(Date.now() + 86_400_000) }));
      return { tokenId: String(id) };
    },
  },
  {
    name: 'admin: create a service API token',
    effect: { changes: ['api_tokens'], audit: 'api-token.create' },
    allowed: ADMIN,
    action: createServiceTokenAction,
    input: (fx) => ({ name: `Tableau ${fx.uid()}`, expiresInDays: '90', teamId: String(fx.teams.own) }),
  },
  {
    name: 'admin: revoke a service API token',
    effect: { changes: ['api_tokens'], audit: 'api-token.revoke' },
    allowed: ADMIN,
    action: revokeServiceTokenAction,
    input: async (fx) => {
      const { id } = written(await createApiToken(fx.db, fx.users.admin, { kind: 'service', name: `s ${fx.uid()}`, expiresAt: new Date(Date.now() + 86_400_000) }));
      return { tokenId: String(id) };
    },
  },
  {
    // The read API takes Bearer tokens only (tests/api-v1.test.ts): a session cookie gets 401 JSON.
    name: 'route: GET /api/v1/experiments (session cookie)',
    allowed: [],
    refusal: () => 'login',
    route: { method: 'GET', path: '/api/v1/experiments', handler: apiExperimentsRoute.GET as Handler },
    input: (fx) => ({ team: String(fx.teams.own) }),
  },
  {
    name: 'route: GET /api/v1/experiments/{id} (session cookie)',
    allowed: [],
    refusal: () => 'login',
    route: { method: 'GET', path: '/api/v1/experiments/1', handler: apiExperimentRoute.GET as Handler, params: { id: '1' } },
    input: () => ({}),
  },
  {
    name: 'route: GET /api/v1/dashboard (session cookie)',
    allowed: [],
    refusal: () => 'login',
    route: { method: 'GET', path: '/api/v1/dashboard', handler: apiDashboardRoute.GET as Handler },
    input: () => ({}),
  },
  {
    name: 'route: GET /api/v1/models (session cookie)',
    allowed: [],
    refusal: () => 'login',
    route: { method: 'GET', path: '/api/v1/models', handler: apiModelsRoute.GET as Handler },
    input: () => ({}),
  },
  {
    name: 'route: GET /api/v1/insights (session cookie)',
    allowed: [],
    refusal: () => 'login',
    route: { method: 'GET', path: '/api/v1/insights', handler: apiInsightsRoute.GET as Handler },
    input: () => ({}),
  },
  {
    name: 'route: GET /api/v1/usage (session cookie)',
    allowed: [],
    refusal: () => 'login',
    route: { method: 'GET', path: '/api/v1/usage', handler: apiUsageRoute.GET as Handler },
    input: () => ({}),
  },
  {
    name: 'route: GET /api/v1/openapi.json (public: no data)',
    effect: READ_ONLY,
    allowed: EVERYONE,
    route: { method: 'GET', path: '/api/v1/openapi.json', handler: apiOpenApiRoute.GET as Handler },
    input: () => ({}),
    fuzz: false,
  },
];
