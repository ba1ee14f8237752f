/**
 * EVERY server action and every route, with who may call it and a valid input. The permission
 * matrix (tests/security-matrix.test.ts) and the fuzz test (tests/security-fuzz.test.ts) walk
 * this table, so a new action or route is covered by adding ONE entry here:
 *
 *   { name: 'experiments: archive', allowed: ['teamLead', 'admin'],
 *     action: archiveExperimentAction,
 *     input: (fx) => ({ id: String(fx.experiments.own), version: '1' }) },
 *
 * - `allowed`: the callers that must succeed; every other caller must be refused (signed out →
 *   sent to /login or 401; signed in → 403) and the database must be unchanged.
 *   Callers: anon, executive, otherLead (leads another team), teamLead (leads fx.teams.own), admin.
 *   For team-scoped actions use fx.teams.own / fx.experiments.own in the input, so teamLead is
 *   allowed and otherLead is not.
 * - `input`: a valid input for an allowed caller, fresh per call (use fx.uid() for unique names,
 *   fx.newUser() for a target user); may be async.
 * - `action`: a server action `(prevState, formData) => ActionState`, or `route`: a route handler
 *   with its method and path (input is sent as a form body for POST, query string for GET).
 * - optional `refusal` when refusal is not the default; `fuzz: false` to leave it out of the fuzz
 *   test (only for actions without user input); `mayWrite` for tables a failed attempt writes.
 */
import { resetPasswordAction, changePasswordAction, setupAction } from '@/app/(auth)/account-actions';
import { signIn, signOut } from '@/app/(auth)/actions';
import {
  createTeamAction,
  createUserAction,
  resetLinkAction,
  setActiveAction,
  setMembershipAction,
  setRoleAction,
  updateSettingsAction,
} from '@/app/(app)/admin/actions';
import * as authRoute from '@/app/api/auth/[...all]/route';
import * as healthRoute from '@/app/api/health/route';
import type { ActionState } from '@/lib/action-state';
import { DEMO_PASSWORD, SIGNED_IN, type Caller, type Fixtures, type Outcome } from './security-harness';

type Input = Record<string, string>;
type Handler = (request: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type TableEntry = {
  name: string;
  allowed: readonly Caller[];
  input: (fx: Fixtures, caller: Caller) => Input | Promise<Input>;
  /** How a caller outside `allowed` is refused, when not the default (anon → login, others → forbidden). */
  refusal?: (caller: Caller) => Outcome['kind'];
  /** Leave out of the fuzz test (no user input to fuzz). */
  fuzz?: false;
  /** Share of FUZZ_RUNS for entries that hash passwords on every call (slow by design). */
  fuzzShare?: number;
  /** Tables a refused or invalid attempt may legitimately write (e.g. login_attempts for a failed sign-in). */
  mayWrite?: string[];
} & (
  | { action: (prev: ActionState, formData: FormData) => Promise<ActionState | void> }
  | {
      route: {
        method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        path: string;
        handler: Handler;
        /** Route params as Next passes them, e.g. { id: '42' } for app/api/things/[id]. */
        params?: Record<string, string | string[]>;
        /** How the input is sent on non-GET requests (default: form). */
        body?: 'form' | 'json';
      };
    }
);

const EVERYONE: readonly Caller[] = ['anon', ...SIGNED_IN];
const ADMIN: readonly Caller[] = ['admin'];

export const ACTION_TABLE: TableEntry[] = [
  // ---- sign-in and accounts (app/(auth)) ----
  {
    name: 'auth: sign in',
    allowed: EVERYONE,
    action: signIn,
    mayWrite: ['login_attempts'],
    input: () => ({ email: 'sofia@uplift.demo', password: DEMO_PASSWORD }),
  },
  { name: 'auth: sign out', allowed: EVERYONE, action: () => signOut(), input: () => ({}), fuzz: false },
  {
    name: 'auth: change own password',
    allowed: SIGNED_IN,
    action: changePasswordAction,
    fuzzShare: 0.25,
    // The same password again, so the demo accounts keep working for the other entries.
    input: () => ({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }),
  },
  {
    name: 'auth: set a password with a reset link',
    allowed: EVERYONE,
    action: resetPasswordAction,
    input: async (fx) => ({ token: await fx.resetToken(), newPassword: 'a long new passphrase', confirmPassword: 'a long new passphrase' }),
  },
  {
    name: 'auth: first-run setup (refused once any user exists)',
    allowed: [],
    refusal: () => 'invalid',
    action: setupAction,
    input: (fx) => ({ name: 'Mallory', email: `m${fx.uid()}@evil.test`, organisation: 'Evil', password: 'password123', confirmPassword: 'password123' }),
  },

  // ---- administration (app/(app)/admin/actions.ts) ----
  {
    name: 'admin: create user',
    allowed: ADMIN,
    action: createUserAction,
    input: (fx) => ({ name: 'New Person', email: `new.${fx.uid()}@example.com`, role: 'lead', teamId: String(fx.teams.own), teamRole: 'member' }),
  },
  { name: 'admin: set role', allowed: ADMIN, action: setRoleAction, input: async (fx) => ({ userId: (await fx.newUser()).id, role: 'lead' }) },
  { name: 'admin: deactivate user', allowed: ADMIN, action: setActiveAction, input: async (fx) => ({ userId: (await fx.newUser()).id, active: 'false' }) },
  { name: 'admin: reset link', allowed: ADMIN, action: resetLinkAction, input: async (fx) => ({ userId: (await fx.newUser()).id }) },
  {
    name: 'admin: team membership',
    allowed: ADMIN,
    action: setMembershipAction,
    input: async (fx) => ({ userId: (await fx.newUser('lead')).id, teamId: String(fx.teams.own), teamRole: 'lead' }),
  },
  { name: 'admin: create team', allowed: ADMIN, action: createTeamAction, input: (fx) => ({ name: `Team ${fx.uid()}`, function: 'Operations' }) },
  {
    name: 'admin: organisation settings',
    allowed: ADMIN,
    action: updateSettingsAction,
    input: () => ({ name: 'Demo Org', currency: 'EUR', timeZone: 'Europe/Berlin', fiscalYearStartMonth: '4' }),
  },

  // ---- routes (app/api) ----
  {
    name: 'route: POST /api/auth/sign-out',
    // Signed out, it has nothing to end and answers 200 (better-auth); nothing is written either way.
    allowed: EVERYONE,
    route: { method: 'POST', path: '/api/auth/sign-out', body: 'json', handler: authRoute.POST, params: { all: ['sign-out'] } },
    input: () => ({}),
    fuzz: false,
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
    name: 'route: GET /api/health',
    allowed: EVERYONE,
    route: { method: 'GET', path: '/api/health', handler: healthRoute.GET as Handler },
    input: () => ({}),
    fuzz: false,
  },
];
