/**
 * EVERY server action and every route, with who may call it and a valid input. The permission
 * matrix (tests/security-matrix.test.ts) and the fuzz test (tests/security-fuzz.test.ts) walk
 * this table, so a new action or route is covered by adding ONE entry to its area's file in this folder:
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
 * - Inputs may hold a Blob (a file upload); fresh rows to act on come from ../action-fixtures.
 */
import type { TableEntry } from './entry';
import { ACCOUNTS } from './accounts';
import { ADMINISTRATION } from './admin';
import { EXPERIMENTS } from './experiments';
import { CORRECTIONS } from './corrections';
import { TECHNIQUES } from './techniques';
import { EXPERIMENTS_IMPORT } from './experiments-import';
import { INSIGHTS } from './insights';
import { MODELS } from './models';
import { CATALOG_SYNC } from './catalog-sync';
import { SSO } from './sso';
import { ALERTS } from './alerts';
import { WEBHOOKS_DIGEST } from './webhooks-digest';
import { EXPORTS } from './exports';
import { USAGE_CONNECTIONS } from './usage-connections';
import { ROUTES } from './routes';
import { USAGE } from './usage';
import { DASHBOARD } from './dashboard';

export type { TableEntry } from './entry';

/** Every entry, area by area (one file per area in this folder). */
export const ACTION_TABLE: TableEntry[] = [
  ...ACCOUNTS,
  ...ADMINISTRATION,
  ...EXPERIMENTS,
  ...CORRECTIONS,
  ...TECHNIQUES,
  ...EXPERIMENTS_IMPORT,
  ...DASHBOARD,
  ...INSIGHTS,
  ...MODELS,
  ...CATALOG_SYNC,
  ...SSO,
  ...ALERTS,
  ...WEBHOOKS_DIGEST,
  ...EXPORTS,
  ...USAGE,
  ...USAGE_CONNECTIONS,
  ...ROUTES,
];
