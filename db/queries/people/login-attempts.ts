import { and, desc, eq, gt, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { loginAttempts, type AttemptPurpose } from '../../schema';
import type { Db, Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

/** Who tried what: see db/schema/security.ts for the client keys. */
export type AttemptKey = { purpose: AttemptPurpose; account: string; client: string; clientIp?: string | null };

/** Failures within the window before the attempt at hand (the shape lib/auth/throttle.ts decides on). */
export type PriorCounts = {
  accountClient: number;
  client: number;
  account: number;
  accountClientRetrySeconds: number;
  clientRetrySeconds: number;
};

/** `unknown` (no identity) and `user` (password changes) are shared keys, never counted across accounts. */
export function hasOwnIdentity(client: string): boolean {
  return client !== 'unknown' && client !== 'user';
}

const countsAsFailure = inArray(loginAttempts.outcome, ['pending', 'failed']);
const minutesAgo = (minutes: number) => sql`now() - make_interval(mins => ${minutes}::int)`;
const count = (where: SQL | undefined) => sql<number>`(count(*) filter (where ${where}))::int`;
/** Seconds until the oldest matching row is older than the window. */
const secondsLeft = (where: SQL | undefined, minutes: number) =>
  sql<number>`coalesce(extract(epoch from min(${loginAttempts.at}) filter (where ${where}) + make_interval(mins => ${minutes}::int) - now()), 0)::float8`;

/**
 * Records an attempt before its password is checked, atomically with the count it is judged on:
 * an advisory lock (per client, or per account for clients without an identity of their own)
 * serialises the count and the insert, so concurrent guesses each see the ones before them and no
 * more than the limit ever reach a password check. The attempt is stored `pending` (it counts as a
 * failure until the check says otherwise) or `refused`.
 */
export async function beginAttempt<V extends { refuse: boolean }>(
  db: Db,
  key: AttemptKey,
  windowMinutes: number,
  decide: (prior: PriorCounts) => V,
): Promise<{ id: number; verdict: V }> {
  const ownIdentity = hasOwnIdentity(key.client);
  const lockKey = ownIdentity && key.purpose === 'sign-in' ? `login-client:${key.client}` : `login-account:${key.purpose}:${key.account}`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`);
    const sameAccount = eq(loginAttempts.email, key.account);
    const sameClient = eq(loginAttempts.client, key.client);
    const sameBucket = and(sameAccount, sameClient);
    const [prior] = await tx
      .select({
        accountClient: count(sameBucket),
        client: ownIdentity ? count(sameClient) : sql<number>`0`,
        account: count(sameAccount),
        accountClientRetrySeconds: secondsLeft(sameBucket, windowMinutes),
        clientRetrySeconds: secondsLeft(sameClient, windowMinutes),
      })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.purpose, key.purpose),
          countsAsFailure,
          gt(loginAttempts.at, minutesAgo(windowMinutes)),
          ownIdentity ? or(sameAccount, sameClient) : sameAccount,
        ),
      );
    const verdict = decide(prior);
    const [row] = await tx
      .insert(loginAttempts)
      .values({ purpose: key.purpose, email: key.account, client: key.client, clientIp: key.clientIp ?? null, outcome: verdict.refuse ? 'refused' : 'pending' })
      .returning({ id: loginAttempts.id });
    return { id: row.id, verdict };
  });
}

export async function recordFailure(db: Queryable, id: number): Promise<void> {
  await db.update(loginAttempts).set({ outcome: 'failed' }).where(eq(loginAttempts.id, id));
}

/** The attempt succeeded: this client's earlier failures on this account are forgiven (one statement). */
export async function recordSuccess(db: Queryable, id: number, key: AttemptKey): Promise<void> {
  await db
    .update(loginAttempts)
    .set({ outcome: sql`case when ${loginAttempts.id} = ${id} then 'succeeded' else 'cleared' end` })
    .where(
      or(
        eq(loginAttempts.id, id),
        and(
          eq(loginAttempts.purpose, key.purpose),
          eq(loginAttempts.email, key.account),
          eq(loginAttempts.client, key.client),
          inArray(loginAttempts.outcome, ['failed', 'refused']),
        ),
      ),
    );
}

/** Deletes attempts older than `keepHours`, at most `batch` per call (called on every attempt, so it keeps up). */
export async function pruneOldAttempts(db: Queryable, keepHours: number, batch = 500): Promise<number> {
  const old = db
    .select({ id: loginAttempts.id })
    .from(loginAttempts)
    .where(lt(loginAttempts.at, sql`now() - make_interval(hours => ${keepHours}::int)`))
    .orderBy(loginAttempts.at)
    .limit(batch);
  const deleted = await db.delete(loginAttempts).where(inArray(loginAttempts.id, old)).returning({ id: loginAttempts.id });
  return deleted.length;
}

export type LockOut = {
  purpose: AttemptPurpose;
  /** null: the client is refused on every account (too many failures across accounts). */
  account: string | null;
  client: string;
  clientIp: string | null;
  /** Failures kept (the last `keepHours`), not yet cleared. */
  failures: number;
  refused: number;
  lastAttempt: Date;
  /** When the client may try again; null when the lock-out has already expired. */
  lockedUntil: Date | null;
};

export type LockOutLimits = { windowMinutes: number; perAccountClient: number; perClient: number; keepHours: number };

/** Clients locked out now, or refused at least once within `keepHours`, newest first. */
export async function listLockOuts(db: Queryable, limits: LockOutLimits, max = 50): Promise<LockOut[]> {
  const inWindow = and(countsAsFailure, gt(loginAttempts.at, minutesAgo(limits.windowMinutes)));
  const lockedUntil = (limit: number) =>
    sql<Date | null>`case when ${count(inWindow)} >= ${limit}::int
      then min(${loginAttempts.at}) filter (where ${inWindow}) + make_interval(mins => ${limits.windowMinutes}::int) end`.mapWith(loginAttempts.at);
  const common = {
    clientIp: sql<string | null>`max(${loginAttempts.clientIp})`,
    failures: count(countsAsFailure),
    refused: count(eq(loginAttempts.outcome, 'refused')),
    lastAttempt: sql<Date>`max(${loginAttempts.at})`.mapWith(loginAttempts.at),
  };
  const kept = and(inArray(loginAttempts.outcome, ['pending', 'failed', 'refused']), gt(loginAttempts.at, sql`now() - make_interval(hours => ${limits.keepHours}::int)`));

  const perAccount = await db
    .select({ purpose: loginAttempts.purpose, account: loginAttempts.email, client: loginAttempts.client, ...common, lockedUntil: lockedUntil(limits.perAccountClient) })
    .from(loginAttempts)
    .where(kept)
    .groupBy(loginAttempts.purpose, loginAttempts.email, loginAttempts.client)
    .having(or(sql`${count(inWindow)} >= ${limits.perAccountClient}::int`, sql`${count(eq(loginAttempts.outcome, 'refused'))} > 0`))
    .orderBy(desc(sql`max(${loginAttempts.at})`))
    .limit(max);
  const perClient = await db
    .select({ client: loginAttempts.client, ...common, lockedUntil: lockedUntil(limits.perClient) })
    .from(loginAttempts)
    .where(and(kept, eq(loginAttempts.purpose, 'sign-in'), notInArray(loginAttempts.client, ['unknown', 'user'])))
    .groupBy(loginAttempts.client)
    .having(sql`${count(inWindow)} >= ${limits.perClient}::int`)
    .limit(max);
  return [...perClient.map((r) => ({ ...r, purpose: 'sign-in' as const, account: null })), ...perAccount]
    .sort((a, b) => b.lastAttempt.getTime() - a.lastAttempt.getTime())
    .slice(0, max);
}

export const LOCKOUT_CLEARED = 'This lock-out has already been cleared.';

/** Forgives the failures of a lock-out (one account, or every account of a client); audited. Returns how many. */
export async function clearLockOut(db: Queryable, actor: Actor, target: { purpose: AttemptPurpose; account: string | null; client: string }): Promise<WriteResult<{ cleared: number }>> {
  const cleared = await db
    .update(loginAttempts)
    .set({ outcome: 'cleared' })
    .where(
      and(
        eq(loginAttempts.purpose, target.purpose),
        eq(loginAttempts.client, target.client),
        target.account === null ? undefined : eq(loginAttempts.email, target.account),
        inArray(loginAttempts.outcome, ['pending', 'failed', 'refused']),
      ),
    )
    .returning({ id: loginAttempts.id });
  if (!cleared.length) return refuse('conflict', LOCKOUT_CLEARED);
  await writeAudit(db, {
    actor,
    action: 'security.clear-lockout',
    entityType: 'login',
    entityId: target.account ?? target.client,
    after: { ...target, cleared: cleared.length },
  });
  return { ok: true, cleared: cleared.length };
}
