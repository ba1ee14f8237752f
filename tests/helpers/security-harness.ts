/**
 * Runs server actions and route handlers in-process as a chosen caller, and fingerprints the
 * database so a test can prove that a refused or invalid request wrote nothing.
 *
 * A test file that uses it mocks Next's request-scoped modules with the harness's versions:
 *   vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
 *   vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);
 * This module must therefore never import app code that imports next/headers (the table does).
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseKind } from '@/db/config';
import { createPasswordResetToken } from '@/db/queries/people/password-reset';
import { experiments, session, teamMembers, user } from '@/db/schema';
import { insertUserWithPassword } from '@/db/seed/demo';
import type { Db } from '@/db/types';
import type { ActionState } from '@/lib/action-state';
import { getAuth } from '@/lib/auth/server';

/** Who calls: signed out, an executive, a lead of another team, the lead of the team concerned, an admin. */
export const CALLERS = ['anon', 'executive', 'otherLead', 'teamLead', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];
export const SIGNED_IN: readonly Caller[] = ['executive', 'otherLead', 'teamLead', 'admin'];

export const APP_ORIGIN = 'http://localhost:3000';
export const DEMO_PASSWORD = 'uplift-demo';
/** Demo accounts playing each caller; "the team" is the one lead@ leads (Customer Support). */
const ACCOUNTS: Record<Exclude<Caller, 'anon'>, string> = {
  executive: 'exec@uplift.demo',
  otherLead: 'finance.lead@uplift.demo',
  teamLead: 'lead@uplift.demo',
  admin: 'admin@uplift.demo',
};

// ---- Next's request-scoped modules, replaced for in-process calls ----------------------------

const request = { headers: new Headers() };
const cookieJar = new Map<string, string>();
/** Cookie attributes an action set (httpOnly, secure, sameSite, maxAge…), by name. */
const cookieOptions = new Map<string, Record<string, unknown>>();

export const nextHeadersMock = {
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
    has: (name: string) => cookieJar.has(name),
    set: (name: string, value: string, options: Record<string, unknown> = {}) => {
      cookieJar.set(name, value);
      cookieOptions.set(name, options);
    },
    delete: (name: string) => void cookieJar.delete(name),
  }),
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

/** A cookie the last action set, with its attributes. */
export function responseCookie(name: string): { value: string; options: Record<string, unknown> } | undefined {
  return cookieJar.has(name) ? { value: cookieJar.get(name)!, options: cookieOptions.get(name) ?? {} } : undefined;
}

export const nextCacheMock = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  unstable_noStore: () => {},
  unstable_cache: <T>(fn: T) => fn,
};

// ---- database and auth wiring -----------------------------------------------------------------

type Globals = { upliftDb?: Promise<unknown>; upliftAuth?: unknown };

/** Points the app's getDb()/getAuth() at a test database. */
export function installDb(db: Db, kind: DatabaseKind): void {
  process.env.BETTER_AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';
  process.env.BETTER_AUTH_URL = APP_ORIGIN;
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = '1'; // forbidden() as configured in next.config.js
  const g = globalThis as unknown as Globals;
  g.upliftDb = Promise.resolve({ db, kind, close: async () => {} });
  g.upliftAuth = undefined;
}

// ---- outcomes ---------------------------------------------------------------------------------

export type Outcome =
  | { kind: 'ok'; state?: ActionState; status?: number; location?: string }
  | { kind: 'invalid'; state?: ActionState; status?: number; body?: string }
  | { kind: 'login'; status?: number } // sent to sign in (redirect to /login or 401)
  | { kind: 'forbidden'; status?: number }
  | { kind: 'notfound'; status: number }
  | { kind: 'crash'; error: unknown; status?: number; body?: string };

function digestOf(err: unknown): string | undefined {
  const d = (err as { digest?: unknown })?.digest;
  return typeof d === 'string' ? d : undefined;
}

/** Turns what an action returned or threw into an outcome. */
export async function actionOutcome(run: () => Promise<ActionState | void>): Promise<Outcome> {
  try {
    const state = (await run()) ?? {};
    return state.ok ? { kind: 'ok', state } : { kind: 'invalid', state };
  } catch (err) {
    const digest = digestOf(err);
    if (digest?.startsWith('NEXT_REDIRECT')) {
      const location = digest.split(';')[2] ?? '';
      return location.startsWith('/login') ? { kind: 'login' } : { kind: 'ok', location };
    }
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return { kind: 'forbidden' };
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;401') return { kind: 'login' };
    return { kind: 'crash', error: err };
  }
}

export async function routeOutcome(run: () => Promise<Response>): Promise<Outcome> {
  let res: Response;
  try {
    res = await run();
  } catch (err) {
    const digest = digestOf(err);
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return { kind: 'forbidden' };
    if (digest?.startsWith('NEXT_REDIRECT') && digest.includes(';/login')) return { kind: 'login' };
    return { kind: 'crash', error: err };
  }
  const status = res.status;
  const body = await res.text();
  if (status >= 500) return { kind: 'crash', error: new Error(`HTTP ${status}`), status, body };
  if (status === 401) return { kind: 'login', status };
  if (status === 403) return { kind: 'forbidden', status };
  if (status === 404) return { kind: 'notfound', status };
  if (status >= 400) return { kind: 'invalid', status, body };
  return { kind: 'ok', status };
}

/** Every user-visible text of an outcome, to check for leaked internals. */
export function visibleText(o: Outcome): string {
  if ('state' in o && o.state) return JSON.stringify({ error: o.state.error, message: o.state.message, fieldErrors: o.state.fieldErrors });
  if ('body' in o && o.body) return o.body;
  return '';
}

/** Signs of an internal error leaking to the user: stack frames, driver or SQL messages. */
export const LEAK = /\n\s+at |\bat .+\.(ts|js|mjs):\d+|Failed query|syntax error at|duplicate key value|violates .* constraint|TypeError|ReferenceError|ZodError|node_modules/;

// ---- callers and fixtures ---------------------------------------------------------------------

export type Fixtures = {
  db: Db;
  users: Record<Exclude<Caller, 'anon'>, { id: string; email: string }>;
  /** The team led by teamLead, and another team (led by otherLead). */
  teams: { own: number; other: number };
  /** An experiment of each of those teams (for experiment actions). */
  experiments: { own: number | null; other: number | null };
  /** A short unique suffix for names and emails. */
  uid: () => string;
  /** A fresh user (never one of the callers), for actions that target a user. */
  newUser: (role?: 'admin' | 'lead' | 'executive') => Promise<{ id: string; email: string }>;
  /** A valid one-time password-reset token for a fresh user. */
  resetToken: () => Promise<string>;
};

let counter = 0;
const cookies = new Map<Caller, string>();

async function signInCookie(email: string): Promise<string> {
  const auth = await getAuth();
  const { headers } = await auth.api.signInEmail({ body: { email, password: DEMO_PASSWORD }, returnHeaders: true });
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function sessionAlive(db: Db, cookie: string): Promise<boolean> {
  const token = decodeURIComponent(/better-auth\.session_token=([^;]+)/.exec(cookie)?.[1] ?? '').split('.')[0];
  if (!token) return false;
  const rows = await db.select({ id: session.id }).from(session).where(eq(session.token, token));
  return rows.length > 0;
}

/** The caller's session cookie, signing in again when an action (sign-out, password change) ended it. */
export async function cookieFor(fx: Fixtures, caller: Caller): Promise<string> {
  if (caller === 'anon') return '';
  const known = cookies.get(caller);
  if (known && (await sessionAlive(fx.db, known))) return known;
  const fresh = await signInCookie(fx.users[caller].email);
  cookies.set(caller, fresh);
  return fresh;
}

export async function loadFixtures(db: Db): Promise<Fixtures> {
  cookies.clear();
  const emails = Object.values(ACCOUNTS);
  const rows = await db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.email, emails));
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const users = Object.fromEntries(
    Object.entries(ACCOUNTS).map(([caller, email]) => {
      const u = byEmail.get(email);
      if (!u) throw new Error(`the security harness needs the demo organisation (${email} is missing)`);
      return [caller, u];
    }),
  ) as Fixtures['users'];
  const ledTeam = async (userId: string) => {
    const [m] = await db
      .select({ teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(and(eq(teamMembers.userId, userId), eq(teamMembers.teamRole, 'lead')));
    return m.teamId;
  };
  const own = await ledTeam(users.teamLead.id);
  const other = await ledTeam(users.otherLead.id);
  const firstExperiment = async (teamId: number) =>
    (await db.select({ id: experiments.id }).from(experiments).where(eq(experiments.teamId, teamId)).limit(1))[0]?.id ?? null;
  const uid = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const newUser = async (role: 'admin' | 'lead' | 'executive' = 'executive') => {
    const id = `t_${uid()}`;
    const email = `${id}@harness.test`;
    await insertUserWithPassword(db, { id, email, name: `Harness ${id}`, role, passwordHash });
    return { id, email };
  };
  return {
    db,
    users,
    teams: { own, other },
    experiments: { own: await firstExperiment(own), other: await firstExperiment(other) },
    uid,
    newUser,
    resetToken: async () => createPasswordResetToken(db, null, (await newUser()).id),
  };
}

/** Sets the simulated request (cookie, Origin, Host) for the next action call. */
export async function actAs(fx: Fixtures, caller: Caller, extra: Record<string, string> = {}): Promise<Headers> {
  const cookie = await cookieFor(fx, caller);
  return setRequest(cookie ? { ...extra, cookie } : extra);
}

/** Sets the simulated request's headers as they are (a same-origin form post), with an empty response cookie jar. */
export function setRequest(extra: Record<string, string> = {}): Headers {
  const h = new Headers({ host: 'localhost:3000', origin: APP_ORIGIN, 'next-action': 'harness', ...extra });
  request.headers = h;
  cookieJar.clear();
  cookieOptions.clear();
  return h;
}

export function formDataOf(values: Record<string, string | Blob | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) for (const item of v) fd.append(k, item);
    else fd.append(k, v);
  }
  return fd;
}

// ---- database fingerprint ---------------------------------------------------------------------

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const fingerprintQueries = new WeakMap<Db, ReturnType<typeof sql>>();

/**
 * One hash per table of its whole content, in one query. Refused attempts are audited by design,
 * so the audit log counts only its `ok` entries; a denied entry is expected, not a write.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  let query = fingerprintQueries.get(db);
  if (!query) {
    const tables = rowsOf<{ table_name: string }>(
      await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
    ).map((r) => r.table_name);
    const parts = tables.map((t) => {
      const where = t === 'audit_log' ? sql` where t.outcome = 'ok'` : sql``;
      // An order-free sum of 64-bit row hashes: any changed, added or removed row changes it, without sorting the table.
      return sql`select ${t}::text as t, count(*)::text || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)::text as h from ${sql.identifier(t)} t${where}`;
    });
    query = sql.join(parts, sql` union all `);
    fingerprintQueries.set(db, query);
  }
  return Object.fromEntries(rowsOf<{ t: string; h: string }>(await db.execute(query)).map((r) => [r.t, r.h]));
}

export async function deniedAuditCount(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log where outcome = 'denied'`));
  return row.n;
}

// ---- running one table entry --------------------------------------------------------------------

type Runnable = {
  action?: (prev: ActionState, formData: FormData) => Promise<ActionState | void>;
  route?: { method: string; path: string; body?: 'form' | 'json' | 'text'; handler: (r: Request, c: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>; params?: Record<string, string | string[]> };
};

/** Calls an action (as a form post) or a route (form, JSON or raw text body, query string for GET) as `caller`. */
export async function runEntry(
  entry: Runnable,
  fx: Fixtures,
  caller: Caller,
  input: Record<string, string | Blob | string[]>,
  extraHeaders: Record<string, string> = {},
): Promise<Outcome> {
  const headers = await actAs(fx, caller, extraHeaders);
  if (entry.action) {
    const action = entry.action;
    return actionOutcome(() => action({}, formDataOf(input)));
  }
  const route = entry.route!;
  const url = new URL(route.path, APP_ORIGIN);
  const init: RequestInit = { method: route.method, headers };
  if (route.method === 'GET') {
    for (const [k, v] of Object.entries(input)) for (const item of [v].flat()) url.searchParams.append(k, typeof item === 'string' ? item : '[blob]');
  } else if (route.body === 'text') {
    // A raw body (e.g. a CSV upload): the input's `body` field.
    const body = input.body;
    init.body = typeof body === 'string' || body instanceof Blob ? body : [body ?? ''].flat().join('\n');
  } else if (route.body === 'json') {
    headers.set('content-type', 'application/json');
    init.body = JSON.stringify(input);
  } else {
    init.body = formDataOf(input);
  }
  return routeOutcome(() => route.handler(new Request(url, init), { params: Promise.resolve(route.params ?? {}) }));
}

/** The refusal a caller outside `allowed` must get, unless the entry says otherwise. */
export function defaultRefusal(caller: Caller): Outcome['kind'] {
  return caller === 'anon' ? 'login' : 'forbidden';
}

/**
 * Team-scoped writes: a lead of another team has the permission but not the team, so the action
 * answers with a message (recorded as denied) rather than a 403.
 */
export function teamRefusal(caller: Caller): Outcome['kind'] {
  return caller === 'otherLead' ? 'invalid' : defaultRefusal(caller);
}
