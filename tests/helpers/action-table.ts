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
 * - `action`: a server action `(prevState, formData) => ActionState` (`adapted(…)` for one with a
 *   state of its own), or `route`: a route handler with its method and path (input is sent as a form
 *   body for POST, query string for GET). tests/security-action-coverage.test.ts fails for any
 *   exported server action or route method of app/ that no entry calls.
 * - optional `refusal` when refusal is not the default; `fuzz: false` to leave it out of the fuzz
 *   test (only for actions without user input); `mayWrite` for tables a failed attempt writes.
 * - `teamScoped: true` for writes limited to the teams a lead leads: otherLead gets a message (not a
 *   403) and the refusal must still leave a denied audit entry.
 * - `fuzzAs` when the fuzz should call as someone else than the most privileged allowed caller.
 * - `effect`: what a successful call changes — the tables whose content must differ and the audit
 *   action it appends ({ changes: ['experiments'], audit: 'experiment.update' }), or READ_ONLY. The
 *   matrix checks it for every allowed caller, the fuzz for every accepted input; every entry someone
 *   may call must declare it (tests/security-matrix.test.ts).
 * - Inputs may hold a Blob (a file upload); fresh rows to act on come from ./action-fixtures.
 */
import { resetPasswordAction, changePasswordAction, setupAction } from '@/app/(auth)/account-actions';
import { signIn, signOut } from '@/app/(auth)/actions';
import {
  clearLockOutAction,
  createTeamAction,
  createUserAction,
  resetLinkAction,
  setActiveAction,
  setMembershipAction,
  setRoleAction,
  updateSettingsAction,
} from '@/app/(app)/admin/actions';
import {
  addCheckinAction,
  addOutcomeAction,
  archiveExperimentAction,
  createExperimentAction,
  deleteOutcomeAction,
  restoreExperimentAction,
  updateExperimentAction,
} from '@/app/(app)/experiments/actions';
import { createPersonalTokenAction, revokePersonalTokenAction } from '@/app/(app)/account/token-actions';
import { markReadAction, savePreferencesAction } from '@/app/(app)/inbox/actions';
import { getPreferences } from '@/db/queries/alerts/inbox';
import { alerts, outbox } from '@/db/schema';
import { resendDeadLetterAction } from '@/app/(app)/admin/outbox-actions';
import { ALERT_EVENTS } from '@/lib/metrics/alert-events';
import { createServiceTokenAction, revokeServiceTokenAction } from '@/app/(app)/admin/token-actions';
import { createApiToken } from '@/db/queries/people/api-tokens';
import { applyImportAction, previewImportAction, type ImportState } from '@/app/(app)/experiments/import/actions';
import * as importTemplateRoute from '@/app/(app)/experiments/import/template/route';
import { recordMitigationAction, startRetestAction } from '@/app/(app)/insights/actions';
import {
  addBenchmarkAction,
  addPriceAction,
  createModelAction,
  previewImportAction as previewModelImportAction,
  updateModelAction,
} from '@/app/(app)/models/actions';
import * as backupRoute from '@/app/api/admin/backup/route';
import * as catalogSyncRoute from '@/app/api/admin/catalog-sync/route';
import * as jobsRunRoute from '@/app/api/jobs/run/route';
import { addAliasAction, applySyncAction, deleteAliasAction, discardSyncAction } from '@/app/(app)/admin/catalog/actions';
import { modelAliases } from '@/db/schema';
import { startSync } from '@/lib/catalog-sync/service';
import type { Db } from '@/db/types';
import * as authRoute from '@/app/api/auth/[...all]/route';
import * as exportRoute from '@/app/api/export/experiments/route';
import * as healthRoute from '@/app/api/health/route';
import * as apiExperimentsRoute from '@/app/api/v1/experiments/route';
import * as apiOpenApiRoute from '@/app/api/v1/openapi.json/route';
import * as apiInsightsRoute from '@/app/api/v1/insights/route';
import * as apiModelsRoute from '@/app/api/v1/models/route';
import * as apiDashboardRoute from '@/app/api/v1/dashboard/route';
import * as apiExperimentRoute from '@/app/api/v1/experiments/[id]/route';
import * as modelImportRoute from '@/app/api/models/import/route';
import * as reportRoute from '@/app/api/reports/executive/route';
import type { ActionState } from '@/lib/action-state';
import {
  backupFile,
  currentVersion,
  experimentImportCsv,
  flaggedExperiment,
  lockOut,
  modelImportCsv,
  newExperiment,
  newModel,
  newOutcome,
  retestCandidate,
} from './action-fixtures';
import { READ_ONLY, type Effect, type EffectSpec } from './action-effects';
import { DEMO_PASSWORD, SIGNED_IN, type Caller, type Fixtures, type Outcome } from './security-harness';

type Input = Record<string, string | Blob>;
type Handler = (request: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type TableEntry = {
  name: string;
  allowed: readonly Caller[];
  input: (fx: Fixtures, caller: Caller) => Input | Promise<Input>;
  /** How a caller outside `allowed` is refused, when not the default (anon → login, others → forbidden). */
  refusal?: (caller: Caller) => Outcome['kind'];
  /** Leave out of the fuzz test (no user input to fuzz). */
  fuzz?: false;
  /** Share of FUZZ_RUNS for slow entries (hashing passwords, building a PDF or reading a backup on every call). */
  fuzzShare?: number;
  /** Tables a refused or invalid attempt may legitimately write (e.g. login_attempts for a failed sign-in). */
  mayWrite?: string[];
  /** A write limited to the teams a lead leads: otherLead gets a message, recorded as denied. */
  teamScoped?: true;
  /** Who the fuzz test calls as (default: admin if allowed, else the last allowed caller, else anon). */
  fuzzAs?: Caller;
  /** What a successful call changes and audits (see ./action-effects). */
  effect?: EffectSpec;
} & (
  | {
      action: (prev: ActionState, formData: FormData) => Promise<ActionState | void>;
      /** The exported server action `action` wraps, when it is not the action itself (see `adapted`). */
      serverAction?: (...args: never[]) => Promise<unknown>;
    }
  | {
      route: {
        method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        path: string;
        handler: Handler;
        /** Route params as Next passes them, e.g. { id: '42' } for app/api/things/[id]. */
        params?: Record<string, string | string[]>;
        /** How the input is sent on non-GET requests (default: form). */
        body?: 'form' | 'json' | 'text'; // text: the input's `body` field as the raw request body
      };
    }
);

const EVERYONE: readonly Caller[] = ['anon', ...SIGNED_IN];
/** Signing out ends the caller's session; signed out, there is nothing to end. */
const SIGN_OUT = (caller: Caller): Effect => (caller === 'anon' ? READ_ONLY : { changes: ['session'] });
const ADMIN: readonly Caller[] = ['admin'];

/** A models.dev file offering one new first-party model, so each call has something to sync. */
function modelsDevFile(uid: string): string {
  const id = `sync-${uid}`.toLowerCase();
  return JSON.stringify({ openai: { id: 'openai', name: 'OpenAI', models: { [id]: { id, name: `Sync ${uid}`, release_date: '2026-01-01', cost: { input: 1, output: 2 } } } } });
}
async function pendingSync(db: Db, uid: string): Promise<number> {
  const r = await startSync(db, 'models.dev', { bytes: new TextEncoder().encode(modelsDevFile(uid)), fileName: 'api.json', origin: 'upload' }, null);
  if (!r.ok) throw new Error(r.error);
  return r.id;
}
/** Experiment writes: the lead of the experiment's team, and admins. */
const TEAM_WRITERS: readonly Caller[] = ['teamLead', 'admin'];

const ownExperiment = (fx: Fixtures) => {
  if (fx.experiments.own == null) throw new Error('the harness needs an experiment of the lead’s team');
  return fx.experiments.own;
};

/** A valid experiment form for the lead's team (the fields the edit form posts). */
const experimentForm = (fx: Fixtures) => ({
  title: `Harness experiment ${fx.uid()}`,
  teamId: String(fx.teams.own),
  description: 'Drafting replies with AI',
  hypothesis: 'Faster first replies',
  workType: 'customer_support',
  mindset: 'accelerate',
  status: 'running',
  startDate: '2026-01-05',
  dataSensitivity: 'internal',
  hoursBeforePerTask: '0.5',
  hoursWithAiPerTask: '0.25',
  tasksPerMonth: '100',
});

/** An action with a state of its own, called through `toState`; the entry still names the exported action. */
function adapted<S>(serverAction: (prev: S, formData: FormData) => Promise<S>, initial: S, toState: (state: S) => ActionState) {
  return { action: async (_prev: ActionState, formData: FormData) => toState(await serverAction(initial, formData)), serverAction };
}

/** Import screens keep their own state shape; in the table, a preview that rejects rows counts as refused. */
const importOutcome = (s: ImportState): ActionState =>
  s.error ? { error: s.error } : s.rejected ? { error: `${s.rejected} row(s) rejected: ${s.rows?.flatMap((r) => r.errors).join(' ')}` } : { ok: true, message: s.message };
const modelImportOutcome = (s: { fileError?: string; rows?: { reasons: string[] }[]; error?: string }): ActionState => {
  const rejected = s.rows?.filter((r) => r.reasons.length) ?? [];
  if (s.fileError || s.error) return { error: s.fileError ?? s.error };
  return rejected.length ? { error: rejected.flatMap((r) => r.reasons).join(' ') } : { ok: true };
};

export const ACTION_TABLE: TableEntry[] = [
  // ---- sign-in and accounts (app/(auth)) ----
  {
    name: 'auth: sign in',
    effect: { changes: ['session'] },
    allowed: EVERYONE,
    action: signIn,
    mayWrite: ['login_attempts'],
    input: () => ({ email: 'sofia@uplift.demo', password: DEMO_PASSWORD }),
  },
  { name: 'auth: sign out', allowed: EVERYONE, action: signOut, input: () => ({}), fuzz: false, effect: SIGN_OUT },
  {
    name: 'auth: change own password',
    effect: { changes: ['account'], audit: 'user.change-password' },
    allowed: SIGNED_IN,
    action: changePasswordAction,
    fuzzShare: 0.25,
    mayWrite: ['login_attempts'],
    // The same password again, so the demo accounts keep working for the other entries.
    input: () => ({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }),
  },
  {
    name: 'auth: set a password with a reset link',
    effect: { changes: ['account', 'password_reset_tokens'] },
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
    effect: { changes: ['user', 'account'], audit: 'user.create' },
    allowed: ADMIN,
    action: createUserAction,
    input: (fx) => ({ name: 'New Person', email: `new.${fx.uid()}@example.com`, role: 'lead', teamId: String(fx.teams.own), teamRole: 'member' }),
  },
  { name: 'admin: set role', allowed: ADMIN, action: setRoleAction, input: async (fx) => ({ userId: (await fx.newUser()).id, role: 'lead' }), effect: { changes: ['user'], audit: 'user.role' } },
  {
    name: 'admin: deactivate user',
    allowed: ADMIN,
    action: setActiveAction,
    input: async (fx) => ({ userId: (await fx.newUser()).id, active: 'false' }),
    effect: { changes: ['user'], audit: 'user.deactivate' },
  },
  {
    name: 'admin: reset link',
    allowed: ADMIN,
    action: resetLinkAction,
    input: async (fx) => ({ userId: (await fx.newUser()).id }),
    effect: { changes: ['password_reset_tokens'], audit: 'user.password-reset-link' },
  },
  {
    name: 'admin: team membership',
    effect: { changes: ['team_members'], audit: 'user.teams' },
    allowed: ADMIN,
    action: setMembershipAction,
    input: async (fx) => ({ userId: (await fx.newUser('lead')).id, teamId: String(fx.teams.own), teamRole: 'lead' }),
  },
  {
    name: 'admin: clear a sign-in lock-out',
    allowed: ADMIN,
    action: clearLockOutAction,
    input: lockOut,
    effect: { changes: ['login_attempts'], audit: 'security.clear-lockout' },
  },
  {
    name: 'admin: create team',
    allowed: ADMIN,
    action: createTeamAction,
    input: (fx) => ({ name: `Team ${fx.uid()}`, function: 'Operations' }),
    effect: { changes: ['teams'], audit: 'team.create' },
  },
  {
    name: 'admin: organisation settings',
    effect: { changes: ['org_settings'], audit: 'settings.update' },
    allowed: ADMIN,
    action: updateSettingsAction,
    input: () => ({ name: 'Demo Org', currency: 'EUR', timeZone: 'Europe/Berlin', fiscalYearStartMonth: '4' }),
  },

  // ---- experiments (app/(app)/experiments/actions.ts) ----
  {
    name: 'experiments: create',
    effect: { changes: ['experiments'], audit: 'experiment.create' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: createExperimentAction,
    input: (fx) => experimentForm(fx),
  },
  {
    name: 'experiments: edit',
    effect: { changes: ['experiments'], audit: 'experiment.update' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: updateExperimentAction,
    // A lead of another team names their OWN team as the destination: only the check on the experiment's current team refuses that.
    input: async (fx, caller) => ({
      ...experimentForm(fx),
      teamId: String(caller === 'otherLead' ? fx.teams.other : fx.teams.own),
      id: String(ownExperiment(fx)),
      version: await currentVersion(fx.db, ownExperiment(fx)),
    }),
  },
  {
    name: 'experiments: archive',
    effect: { changes: ['experiments'], audit: 'experiment.archive' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: archiveExperimentAction,
    input: async (fx) => ({ id: String(await newExperiment(fx, fx.teams.own)) }),
  },
  {
    name: 'experiments: restore',
    effect: { changes: ['experiments'], audit: 'experiment.restore' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: restoreExperimentAction,
    input: async (fx) => ({ id: String(await newExperiment(fx, fx.teams.own, { archivedAt: new Date() })) }),
  },
  {
    name: 'experiments: add outcome',
    effect: { changes: ['capability_outcomes'], audit: 'outcome.create' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: addOutcomeAction,
    input: (fx) => ({ experimentId: String(ownExperiment(fx)), type: 'insight', description: 'Found a pattern', impact: '4', evidence: '', recordedOn: '2026-02-01' }),
  },
  {
    name: 'experiments: delete outcome',
    effect: { changes: ['capability_outcomes'], audit: 'outcome.delete' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: deleteOutcomeAction,
    input: async (fx) => ({ experimentId: String(ownExperiment(fx)), outcomeId: String(await newOutcome(fx, ownExperiment(fx))) }),
  },
  {
    name: 'experiments: add check-in',
    effect: { changes: ['checkins'], audit: 'checkin.create' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: addCheckinAction,
    input: (fx) => ({ experimentId: String(ownExperiment(fx)), date: '2026-02-02', hoursBeforePerTask: '1', hoursWithAiPerTask: '0.5', tasksPerMonth: '20', note: 'ok' }),
  },

  // ---- experiments import (app/(app)/experiments/import) ----
  {
    name: 'experiments import: preview',
    effect: READ_ONLY,
    allowed: TEAM_WRITERS,
    // Read-only: another team's rows are shown as rejected, nothing is written or audited.
    refusal: (c) => (c === 'otherLead' ? 'invalid' : c === 'anon' ? 'login' : 'forbidden'),
    ...adapted(previewImportAction, {}, importOutcome),
    input: async (fx) => ({ file: new Blob([await experimentImportCsv(fx, fx.teams.own)], { type: 'text/csv' }) }),
  },
  {
    name: 'experiments import: apply',
    effect: { changes: ['experiments', 'experiment_models'], audit: 'experiment.import' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    ...adapted(applyImportAction, {}, importOutcome),
    input: async (fx) => ({ csv: await experimentImportCsv(fx, fx.teams.own) }),
  },
  {
    name: 'route: GET /experiments/import/template',
    effect: READ_ONLY,
    allowed: SIGNED_IN,
    route: { method: 'GET', path: '/experiments/import/template', handler: importTemplateRoute.GET as Handler },
    input: () => ({}),
    fuzz: false,
  },

  // ---- insights (app/(app)/insights/actions.ts) ----
  {
    name: 'insights: start a re-test',
    effect: { changes: ['experiments', 'experiment_models'], audit: 'experiment.retest' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: startRetestAction,
    input: async (fx) => {
      const c = await retestCandidate(fx, fx.teams.own);
      return { experimentId: String(c.experimentId), modelId: String(c.modelId), version: await currentVersion(fx.db, c.experimentId) };
    },
  },
  {
    name: 'insights: record a privacy mitigation',
    effect: { changes: ['experiments'], audit: 'experiment.privacy_mitigation' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: recordMitigationAction,
    input: async (fx) => {
      const e = await flaggedExperiment(fx, fx.teams.own);
      return { experimentId: String(e.id), version: String(e.version), mitigation: 'Enterprise agreement with training opt-out' };
    },
  },

  // ---- model catalog (app/(app)/models/actions.ts, app/api/models/import) ----
  {
    name: 'models: create',
    effect: { changes: ['ai_models'], audit: 'model.create' },
    allowed: ADMIN,
    action: createModelAction,
    input: (fx) => ({ slug: `new-${fx.uid()}`, name: 'New Model', vendor: 'OpenAI', releaseDate: '2026-03-01', dataPolicy: 'no_training', contextWindow: '128000' }),
  },
  {
    name: 'models: edit',
    effect: { changes: ['ai_models'], audit: 'model.update' },
    allowed: ADMIN,
    action: updateModelAction,
    input: async (fx) => {
      const m = await newModel(fx);
      return { id: String(m.id), slug: m.slug, name: 'Renamed Model', vendor: 'OpenAI', releaseDate: '2025-02-01', dataPolicy: 'trains', reasoning: 'on' };
    },
  },
  {
    name: 'models: add price',
    effect: { changes: ['model_prices'], audit: 'model.price' },
    allowed: ADMIN,
    action: addPriceAction,
    input: async (fx) => ({ modelId: String((await newModel(fx)).id), effectiveDate: '2026-01-01', input: '1.25', output: '5', note: 'list price' }),
  },
  {
    name: 'models: add benchmark score',
    effect: { changes: ['benchmark_scores'], audit: 'model.score' },
    allowed: ADMIN,
    action: addBenchmarkAction,
    input: async (fx) => ({ modelId: String((await newModel(fx)).id), benchmark: 'gpqa_diamond', score: '61.5', source: 'vendor card' }),
  },
  {
    name: 'models import: preview',
    effect: READ_ONLY,
    allowed: ADMIN,
    ...adapted(previewModelImportAction, {}, modelImportOutcome),
    input: (fx) => ({ csv: modelImportCsv(fx) }),
  },
  {
    name: 'route: POST /api/models/import',
    effect: { changes: ['ai_models', 'model_prices', 'model_benchmarks'], audit: 'model.import' },
    allowed: ADMIN,
    route: { method: 'POST', path: '/api/models/import', body: 'text', handler: modelImportRoute.POST as Handler },
    input: (fx) => ({ body: modelImportCsv(fx) }),
  },

  // ---- catalog sync and aliases (app/(app)/admin/catalog/actions.ts, app/api/admin/catalog-sync) ----
  {
    name: 'route: POST /api/admin/catalog-sync',
    effect: { changes: ['catalog_syncs'], audit: 'catalog.sync.read' },
    allowed: ADMIN,
    route: { method: 'POST', path: '/api/admin/catalog-sync?source=models.dev&name=api.json', body: 'text', handler: catalogSyncRoute.POST as Handler },
    input: (fx) => ({ body: modelsDevFile(fx.uid()) }),
  },
  {
    name: 'admin: apply a catalog sync',
    effect: { changes: ['ai_models', 'model_prices', 'model_aliases', 'catalog_syncs'], audit: 'catalog.sync' },
    allowed: ADMIN,
    action: applySyncAction,
    input: async (fx) => ({ id: String(await pendingSync(fx.db, fx.uid())) }),
  },
  {
    name: 'admin: discard a catalog sync',
    effect: { changes: ['catalog_syncs'], audit: 'catalog.sync.discard' },
    allowed: ADMIN,
    action: discardSyncAction,
    input: async (fx) => ({ id: String(await pendingSync(fx.db, fx.uid())) }),
  },
  {
    name: 'admin: map an outside id to a model',
    effect: { changes: ['model_aliases'], audit: 'alias.create' },
    allowed: ADMIN,
    action: addAliasAction,
    input: async (fx) => ({ source: 'epoch', externalId: `v-${fx.uid()}`, modelId: String((await fx.db.select({ id: modelAliases.modelId }).from(modelAliases).limit(1))[0].id), effort: 'high' }),
  },
  {
    name: 'admin: remove an alias',
    effect: { changes: ['model_aliases'], audit: 'alias.delete' },
    allowed: ADMIN,
    action: deleteAliasAction,
    input: async (fx) => {
      const [any] = await fx.db.select({ modelId: modelAliases.modelId }).from(modelAliases).limit(1);
      const [row] = await fx.db.insert(modelAliases).values({ source: 'epoch', externalId: `gone-${fx.uid()}`, modelId: any.modelId, effort: 'default' }).returning({ id: modelAliases.id });
      return { aliasId: String(row.id) };
    },
  },

  // ---- exports, reports and backups (app/api) ----
  {
    name: 'route: GET /api/export/experiments (csv)',
    effect: READ_ONLY,
    allowed: SIGNED_IN,
    route: { method: 'GET', path: '/api/export/experiments', handler: exportRoute.GET as Handler },
    input: () => ({ format: 'csv', dataset: 'experiments', status: 'running' }),
  },
  {
    name: 'route: GET /api/export/experiments (xlsx)',
    effect: READ_ONLY,
    allowed: SIGNED_IN,
    route: { method: 'GET', path: '/api/export/experiments', handler: exportRoute.GET as Handler },
    input: () => ({ format: 'xlsx', dataset: 'outcomes' }),
    fuzz: false,
  },
  {
    name: 'route: GET /api/reports/executive',
    effect: READ_ONLY,
    allowed: SIGNED_IN,
    route: { method: 'GET', path: '/api/reports/executive', handler: reportRoute.GET as Handler },
    fuzzShare: 0.25,
    input: () => ({ format: 'pdf', paper: 'a4' }),
  },
  {
    name: 'route: GET /api/admin/backup',
    effect: { changes: ['audit_log'], audit: 'backup.download' },
    allowed: ADMIN,
    route: { method: 'GET', path: '/api/admin/backup', handler: backupRoute.GET as Handler },
    input: () => ({}),
    fuzz: false,
  },
  {
    name: 'route: POST /api/admin/backup (restore; refused while the instance holds data)',
    allowed: [],
    refusal: (c) => (c === 'admin' ? 'invalid' : c === 'anon' ? 'login' : 'forbidden'),
    route: { method: 'POST', path: '/api/admin/backup', handler: backupRoute.POST as Handler },
    fuzzAs: 'admin',
    fuzzShare: 0.25,
    input: async (fx) => ({ file: await backupFile(fx.db) }),
  },

  // ---- routes (app/api) ----
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
      const { id } = await createApiToken(fx.db, owner, { kind: 'personal', name: `t ${fx.uid()}`, userId: owner.id, expiresAt: new Date(Date.now() + 86_400_000) });
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
      const { id } = await createApiToken(fx.db, fx.users.admin, { kind: 'service', name: `s ${fx.uid()}`, expiresAt: new Date(Date.now() + 86_400_000) });
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
    name: 'route: GET /api/v1/openapi.json (public: no data)',
    effect: READ_ONLY,
    allowed: EVERYONE,
    route: { method: 'GET', path: '/api/v1/openapi.json', handler: apiOpenApiRoute.GET as Handler },
    input: () => ({}),
    fuzz: false,
  },
  {
    name: 'alerts: mark an alert read',
    effect: { changes: ['alerts'] },
    allowed: SIGNED_IN,
    action: markReadAction,
    // A fresh unread alert of the caller's own (for anon, an executive's: refused before it is looked at).
    input: async (fx, caller) => {
      const to = fx.users[caller === 'anon' ? 'executive' : caller];
      const [row] = await fx.db.insert(alerts).values({ recipientId: to.id, event: 'stale', key: `t:${fx.uid()}`, title: 'Test alert' }).returning({ id: alerts.id });
      return { id: String(row.id) };
    },
  },
  {
    name: 'alerts: save one’s alert preferences',
    effect: { changes: ['alert_preferences'], audit: 'alerts.preferences' },
    allowed: SIGNED_IN,
    action: savePreferencesAction,
    // Flips the caller's "no check-in" alert, so every call changes something.
    input: async (fx, caller) => {
      const me = fx.users[caller === 'anon' ? 'executive' : caller];
      const stale = (await getPreferences(fx.db, me.id)).find((p) => p.event === 'stale')!;
      const form: Record<string, string> = {};
      for (const e of ALERT_EVENTS) form[`delivery_${e}`] = 'immediate';
      for (const e of ALERT_EVENTS) if (e !== 'stale') form[`enabled_${e}`] = 'on';
      if (!stale.enabled) form.enabled_stale = 'on';
      return form;
    },
  },
  {
    name: 'admin: resend a dead-lettered message',
    effect: { changes: ['outbox'], audit: 'outbox.resend' },
    allowed: ['admin'],
    action: resendDeadLetterAction,
    // A fresh dead message to put back in the queue.
    input: async (fx) => {
      const [row] = await fx.db
        .insert(outbox)
        .values({ key: `t:${fx.uid()}`, recipient: 'x@example.test', subject: 'S', text: 'T', status: 'dead', attempts: 5 })
        .returning({ id: outbox.id });
      return { id: String(row.id) };
    },
  },
];
