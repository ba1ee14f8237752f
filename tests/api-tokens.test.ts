// API tokens on both databases: shown once and stored as a hash, refused once revoked or expired or
// when their user is deactivated, last use recorded, audited, and rate-limited per token in the database.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApiToken, hashApiToken, listPersonalTokens, listServiceTokens, revokeApiToken, verifyApiToken } from '@/db/queries/people/api-tokens';
import { apiTokens, auditLog, teams, user } from '@/db/schema';
import { insertUserWithPassword } from '@/db/seed/demo';
import { describeEachDb } from './helpers/db';
import { written } from '@/db/queries/write-result';

const DAY = 86_400_000;
const actor = { id: 'u_tok', email: 'tok@example.com' };

describeEachDb('API tokens', (ctx) => {
  let teamId = 0;
  it('sets up a user and a team', async () => {
    await insertUserWithPassword(ctx.db, { id: actor.id, email: actor.email, name: 'Tok', role: 'lead', passwordHash: 'x' });
    [{ id: teamId }] = await ctx.db.insert(teams).values({ name: 'Tok team' }).returning({ id: teams.id });
  });

  it('returns the token once and stores only its SHA-256', async () => {
    const { id, token } = written(await createApiToken(ctx.db, actor, { kind: 'personal', name: 'Power BI', userId: actor.id, expiresAt: new Date(Date.now() + DAY) }));
    expect(token).toMatch(/^upl_[A-Za-z0-9_-]{43}$/);
    const [row] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(row.prefix).toBe(token.slice(0, 10));
    expect(row.lastUsedAt).toBeNull();
    const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'api-token.create'), eq(auditLog.entityId, String(id))));
    expect(audit.actorId).toBe(actor.id);
    expect(JSON.stringify(audit)).not.toContain(token.slice(4));
    const listed = await listPersonalTokens(ctx.db, actor.id);
    expect(listed.map((t) => t.name)).toEqual(['Power BI']);
    expect(Object.keys(listed[0])).not.toContain('tokenHash');
  });

  it('accepts a live token and records when it was last used', async () => {
    const { id, token } = written(await createApiToken(ctx.db, actor, { kind: 'personal', name: 'live', userId: actor.id, expiresAt: new Date(Date.now() + DAY) }));
    expect(await verifyApiToken(ctx.db, token)).toEqual({ ok: true, id, kind: 'personal', userId: actor.id, teamId: null });
    const [row] = await ctx.db.select({ lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, id));
    expect(Math.abs(row.lastUsedAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('refuses unknown, revoked and expired tokens, and tokens of deactivated users, alike', async () => {
    const refused = { ok: false, status: 401, error: 'This API token is not valid: it may have expired or been revoked.' };
    expect(await verifyApiToken(ctx.db, 'upl_' + 'x'.repeat(43))).toEqual(refused);
    expect(await verifyApiToken(ctx.db, 'not-a-token')).toEqual(refused);

    const revoked = written(await createApiToken(ctx.db, actor, { kind: 'personal', name: 'revoked', userId: actor.id, expiresAt: new Date(Date.now() + DAY) }));
    expect((await revokeApiToken(ctx.db, { id: 'u_other', email: 'o@example.com' }, revoked.id, 'u_other')).ok).toBe(false); // not theirs
    expect((await revokeApiToken(ctx.db, actor, revoked.id, null)).ok).toBe(false); // the admin path revokes service tokens only
    expect(await revokeApiToken(ctx.db, actor, revoked.id, actor.id)).toEqual({ ok: true, id: revoked.id });
    expect(await revokeApiToken(ctx.db, actor, revoked.id, actor.id)).toEqual({ ok: false, reason: 'not_found', message: 'This token is already revoked or is not yours.' }); // already revoked
    expect(await verifyApiToken(ctx.db, revoked.token)).toEqual(refused);
    const audits = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'api-token.revoke'), eq(auditLog.entityId, String(revoked.id))));
    expect(audits).toHaveLength(1);

    const expired = written(await createApiToken(ctx.db, actor, { kind: 'personal', name: 'expired', userId: actor.id, expiresAt: new Date(Date.now() - 1000) }));
    expect(await verifyApiToken(ctx.db, expired.token)).toEqual(refused);

    const other = { id: 'u_tok_off', email: 'off@example.com' };
    await insertUserWithPassword(ctx.db, { ...other, name: 'Off', role: 'executive', passwordHash: 'x' });
    const deactivated = written(await createApiToken(ctx.db, other, { kind: 'personal', name: 'off', userId: other.id, expiresAt: new Date(Date.now() + DAY) }));
    expect((await verifyApiToken(ctx.db, deactivated.token)).ok).toBe(true);
    await ctx.db.update(user).set({ active: false }).where(eq(user.id, other.id));
    expect(await verifyApiToken(ctx.db, deactivated.token)).toEqual(refused);
  });

  it('keeps service tokens for the organisation or one team, revocable by the admin path', async () => {
    const org = written(await createApiToken(ctx.db, actor, { kind: 'service', name: 'Tableau', expiresAt: new Date(Date.now() + DAY) }));
    const team = written(await createApiToken(ctx.db, actor, { kind: 'service', name: 'Team sheet', teamId, expiresAt: new Date(Date.now() + DAY) }));
    expect(await verifyApiToken(ctx.db, org.token)).toEqual({ ok: true, id: org.id, kind: 'service', userId: null, teamId: null });
    expect(await verifyApiToken(ctx.db, team.token)).toEqual({ ok: true, id: team.id, kind: 'service', userId: null, teamId });
    expect((await listServiceTokens(ctx.db)).map((t) => [t.name, t.teamName])).toEqual([['Team sheet', 'Tok team'], ['Tableau', null]]);
    expect((await revokeApiToken(ctx.db, actor, team.id, actor.id)).ok).toBe(false); // the personal path cannot revoke service tokens
    expect((await revokeApiToken(ctx.db, actor, team.id, null)).ok).toBe(true);
    expect((await verifyApiToken(ctx.db, team.token)).ok).toBe(false);
  });

  it('answers 429 with the seconds to wait once a token passes its limit, per token', async () => {
    const limit = { requests: 3, windowSeconds: 60 };
    const a = written(await createApiToken(ctx.db, actor, { kind: 'personal', name: 'busy', userId: actor.id, expiresAt: new Date(Date.now() + DAY) }));
    const b = written(await createApiToken(ctx.db, actor, { kind: 'personal', name: 'calm', userId: actor.id, expiresAt: new Date(Date.now() + DAY) }));
    for (let i = 0; i < 3; i++) expect((await verifyApiToken(ctx.db, a.token, limit)).ok).toBe(true);
    const over = await verifyApiToken(ctx.db, a.token, limit);
    expect(over).toMatchObject({ ok: false, status: 429, error: 'Too many requests with this token: at most 3 a minute.' });
    expect(over.ok === false && over.status === 429 && over.retryAfter).toBeGreaterThanOrEqual(59);
    expect((await verifyApiToken(ctx.db, b.token, limit)).ok).toBe(true); // another token is not affected
    // A window that has passed starts afresh.
    await ctx.db.update(apiTokens).set({ rateWindowStart: new Date(Date.now() - 61_000) }).where(eq(apiTokens.id, a.id));
    expect((await verifyApiToken(ctx.db, a.token, limit)).ok).toBe(true);
    const [row] = await ctx.db.select({ rateCount: apiTokens.rateCount }).from(apiTokens).where(eq(apiTokens.id, a.id));
    expect(row.rateCount).toBe(1);
  });

  it('refuses a personal token without its user, or a service token with one', async () => {
    await expect(ctx.db.insert(apiTokens).values({ kind: 'personal', name: 'x', tokenHash: 'h1', prefix: 'p', expiresAt: new Date() })).rejects.toThrow();
    await expect(ctx.db.insert(apiTokens).values({ kind: 'service', name: 'x', userId: actor.id, tokenHash: 'h2', prefix: 'p', expiresAt: new Date() })).rejects.toThrow();
  });
});

describe('token hashing', () => {
  it('is SHA-256 hex', () => {
    expect(hashApiToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
