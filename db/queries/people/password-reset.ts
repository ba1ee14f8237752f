import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { account, passwordResetTokens, session, user } from '../../schema';
import type { Db, Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

export const RESET_TOKEN_HOURS = 24;

/** Tokens are 192 random bits, so a plain SHA-256 is enough: the stored hash cannot be used as a link. */
export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const RESET_USER_GONE = 'That user no longer exists.';
export const RESET_USER_INACTIVE = 'This user is deactivated: reactivate them first.';
export const RESET_LINK_INVALID = 'This reset link is invalid or has expired. Ask an administrator for a new one.';

/**
 * A new one-time reset token for the user, valid for 24 hours; any earlier token of theirs stops working.
 * Refused for a user who no longer exists or is deactivated (their link would never be accepted).
 */
export async function createPasswordResetToken(db: Queryable, actor: Actor, userId: string): Promise<WriteResult<{ token: string }>> {
  // No row lock: a deactivation racing this leaves a token the reset itself refuses (it checks active again).
  const [target] = await db.select({ active: user.active }).from(user).where(eq(user.id, userId));
  if (!target) return refuse('not_found', RESET_USER_GONE);
  if (!target.active) return refuse('invalid', RESET_USER_INACTIVE);
  const token = randomBytes(24).toString('base64url');
  const fresh = { tokenHash: hashResetToken(token), expiresAt: new Date(Date.now() + RESET_TOKEN_HOURS * 3600_000), createdAt: new Date() };
  await db
    .insert(passwordResetTokens)
    .values({ userId, ...fresh })
    .onConflictDoUpdate({ target: passwordResetTokens.userId, set: fresh });
  await writeAudit(db, { actor, action: 'user.password-reset-link', entityType: 'user', entityId: userId });
  return { ok: true, token };
}

/** Whether the token would be accepted now (a cheap check before hashing the new password). */
export async function resetTokenIsValid(db: Queryable, token: string): Promise<boolean> {
  const rows = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .innerJoin(user, eq(user.id, passwordResetTokens.userId))
    .where(and(eq(passwordResetTokens.tokenHash, hashResetToken(token)), gt(passwordResetTokens.expiresAt, sql`now()`), eq(user.active, true)));
  return rows.length > 0;
}

/**
 * Consumes the token and sets the password, ending every session of the user, in one transaction.
 * The token is deleted even when it has expired or its user is deactivated; then nothing else
 * changes and the reset is refused. Returns the user's id on success.
 */
export async function resetPasswordWithToken(db: Db, token: string, passwordHash: string): Promise<WriteResult<{ userId: string }>> {
  return db.transaction(async (tx) => {
    const [consumed] = await tx
      .delete(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, hashResetToken(token)))
      .returning({ userId: passwordResetTokens.userId, current: sql<boolean>`${passwordResetTokens.expiresAt} > now()` });
    if (!consumed?.current) return refuse('invalid', RESET_LINK_INVALID);
    const [owner] = await tx.select({ id: user.id, email: user.email, active: user.active }).from(user).where(eq(user.id, consumed.userId));
    if (!owner?.active) return refuse('invalid', RESET_LINK_INVALID);
    const updated = await tx
      .update(account)
      .set({ password: passwordHash, updatedAt: new Date() })
      .where(and(eq(account.userId, owner.id), eq(account.providerId, 'credential')))
      .returning({ id: account.id });
    if (!updated.length) {
      await tx.insert(account).values({ id: `acc_${randomBytes(9).toString('base64url')}`, accountId: owner.id, providerId: 'credential', userId: owner.id, password: passwordHash });
    }
    await tx.delete(session).where(eq(session.userId, owner.id));
    await writeAudit(tx, { actor: { id: owner.id, email: owner.email }, action: 'user.password-reset', entityType: 'user', entityId: owner.id });
    return { ok: true as const, userId: owner.id };
  });
}

export async function deleteResetTokensOf(db: Queryable, userId: string): Promise<void> {
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
}
