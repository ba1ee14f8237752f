import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { apiTokens, teams, user, type ApiTokenKind } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

/** Tokens carry 256 random bits, so a plain SHA-256 is enough: the stored hash cannot be used as a token. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const TOKEN_PREFIX = 'upl_';
/** Requests a token may make per window (the limit is per token, kept in the database). */
export const RATE_LIMIT = { requests: Number(process.env.UPLIFT_API_RATE_LIMIT ?? 120), windowSeconds: 60 };

export type NewToken = { kind: ApiTokenKind; name: string; expiresAt: Date; userId?: string | null; teamId?: number | null };

/** Creates a token and audits it; returns the plain token, which is never stored and never shown again. */
export async function createApiToken(db: Queryable, actor: Actor, t: NewToken): Promise<WriteResult<{ id: number; token: string }>> {
  if (t.kind === 'service' && t.teamId != null && !(await db.select({ id: teams.id }).from(teams).where(eq(teams.id, t.teamId))).length)
    return refuse('not_found', 'That team no longer exists.', 'teamId');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      kind: t.kind,
      name: t.name,
      userId: t.kind === 'personal' ? t.userId : null,
      teamId: t.kind === 'service' ? (t.teamId ?? null) : null,
      createdBy: actor?.id ?? null,
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      expiresAt: t.expiresAt,
    })
    .returning({ id: apiTokens.id });
  await writeAudit(db, {
    actor,
    action: 'api-token.create',
    entityType: 'api_token',
    entityId: row.id,
    after: { kind: t.kind, name: t.name, userId: t.userId ?? null, teamId: t.teamId ?? null, scope: 'read', expiresAt: t.expiresAt.toISOString() },
  });
  return { ok: true, id: row.id, token };
}

const listColumns = {
  id: apiTokens.id,
  kind: apiTokens.kind,
  name: apiTokens.name,
  scope: apiTokens.scope,
  prefix: apiTokens.prefix,
  teamId: apiTokens.teamId,
  teamName: teams.name,
  userId: apiTokens.userId,
  expiresAt: apiTokens.expiresAt,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** A user's personal tokens, newest first (revoked ones too, so the list explains what stopped working). */
export async function listPersonalTokens(db: Queryable, userId: string) {
  return db
    .select(listColumns)
    .from(apiTokens)
    .leftJoin(teams, eq(teams.id, apiTokens.teamId))
    .where(and(eq(apiTokens.kind, 'personal'), eq(apiTokens.userId, userId)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function listServiceTokens(db: Queryable) {
  return db
    .select(listColumns)
    .from(apiTokens)
    .leftJoin(teams, eq(teams.id, apiTokens.teamId))
    .where(eq(apiTokens.kind, 'service'))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}
export type ApiTokenListRow = Awaited<ReturnType<typeof listServiceTokens>>[number];

/**
 * Revokes a token that is still live; `ownerId` limits it to that user's personal tokens, otherwise
 * only service tokens (admins). Refused when there was nothing to revoke.
 */
export async function revokeApiToken(db: Queryable, actor: Actor, id: number, ownerId: string | null): Promise<WriteResult<{ id: number }>> {
  const which = ownerId ? and(eq(apiTokens.kind, 'personal'), eq(apiTokens.userId, ownerId)) : eq(apiTokens.kind, 'service');
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), which, isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name, kind: apiTokens.kind });
  if (!row) return refuse('not_found', ownerId ? 'This token is already revoked or is not yours.' : 'This token is already revoked.');
  await writeAudit(db, { actor, action: 'api-token.revoke', entityType: 'api_token', entityId: id, before: { name: row.name, kind: row.kind } });
  return { ok: true, id };
}

export type VerifiedToken =
  | { ok: true; id: number; kind: ApiTokenKind; userId: string | null; teamId: number | null }
  | { ok: false; status: 401; error: string }
  | { ok: false; status: 429; error: string; retryAfter: number };

/**
 * Checks a presented token and counts the request against its rate limit in one statement (atomic across
 * app servers): a fixed window of RATE_LIMIT.windowSeconds. Unknown, revoked and expired tokens, and
 * personal tokens of deactivated users, get the same 401 so nothing is learnt about which it was.
 */
export async function verifyApiToken(db: Queryable, token: string, limit = RATE_LIMIT): Promise<VerifiedToken> {
  const refused = { ok: false as const, status: 401 as const, error: 'This API token is not valid: it may have expired or been revoked.' };
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return refused;
  const window = sql`make_interval(secs => ${limit.windowSeconds})`;
  const fresh = sql`${apiTokens.rateWindowStart} is not null and ${apiTokens.rateWindowStart} > now() - ${window}`;
  const [row] = await db
    .update(apiTokens)
    .set({
      lastUsedAt: sql`now()`,
      rateWindowStart: sql`case when ${fresh} then ${apiTokens.rateWindowStart} else now() end`,
      rateCount: sql`case when ${fresh} then ${apiTokens.rateCount} + 1 else 1 end`,
    })
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(token)),
        isNull(apiTokens.revokedAt),
        sql`${apiTokens.expiresAt} > now()`,
        sql`(${apiTokens.userId} is null or exists (select 1 from ${user} where ${user.id} = ${apiTokens.userId} and ${user.active}))`,
      ),
    )
    .returning({
      id: apiTokens.id,
      kind: apiTokens.kind,
      userId: apiTokens.userId,
      teamId: apiTokens.teamId,
      count: apiTokens.rateCount,
      retryAfter: sql<number>`ceil(extract(epoch from (${apiTokens.rateWindowStart} + ${window} - now())))::int`,
    });
  if (!row) return refused;
  if (row.count > limit.requests) {
    return { ok: false, status: 429, error: `Too many requests with this token: at most ${limit.requests} a minute.`, retryAfter: Math.max(1, Number(row.retryAfter)) };
  }
  return { ok: true, id: row.id, kind: row.kind, userId: row.userId, teamId: row.teamId };
}
