/** What one entry of the role × action table holds (./index.ts explains the table), and helpers entries share. */
import type { ImportState } from '@/lib/validation/experiment-import';
import type { ActionState } from '@/lib/action-state';
import { READ_ONLY, type Effect, type EffectSpec } from '../action-effects';
import { SIGNED_IN, type Caller, type Fixtures, type Outcome } from '../security-harness';

export type Input = Record<string, string | Blob>;
export type Handler = (request: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

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

export const EVERYONE: readonly Caller[] = ['anon', ...SIGNED_IN];
/** Signing out ends the caller's session; signed out, there is nothing to end. */
export const SIGN_OUT = (caller: Caller): Effect => (caller === 'anon' ? READ_ONLY : { changes: ['session'] });
export const ADMIN: readonly Caller[] = ['admin'];
/** Experiment writes: the lead of the experiment's team, and admins. */
export const TEAM_WRITERS: readonly Caller[] = ['teamLead', 'admin'];

export const ownExperiment = (fx: Fixtures) => {
  if (fx.experiments.own == null) throw new Error('the harness needs an experiment of the lead’s team');
  return fx.experiments.own;
};

/** A valid experiment form for the lead's team (the fields the edit form posts). */
export const experimentForm = (fx: Fixtures) => ({
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
export function adapted<S>(serverAction: (prev: S, formData: FormData) => Promise<S>, initial: S, toState: (state: S) => ActionState) {
  return { action: async (_prev: ActionState, formData: FormData) => toState(await serverAction(initial, formData)), serverAction };
}

/** Import screens keep their own state shape; in the table, a preview that rejects rows counts as refused. */
export const importOutcome = (s: ImportState): ActionState =>
  s.error ? { error: s.error } : s.rejected ? { error: `${s.rejected} row(s) rejected: ${s.rows?.flatMap((r) => r.errors).join(' ')}` } : { ok: true, message: s.message };
export const modelImportOutcome = (s: { fileError?: string; rows?: { reasons: string[] }[]; error?: string }): ActionState => {
  const rejected = s.rows?.filter((r) => r.reasons.length) ?? [];
  if (s.fileError || s.error) return { error: s.fileError ?? s.error };
  return rejected.length ? { error: rejected.flatMap((r) => r.reasons).join(' ') } : { ok: true };
};
