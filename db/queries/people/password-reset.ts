import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { account, passwordResetTokens, session, user } from '../../schema';
import type { Db, Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';

export const RESET_TOKEN_HOURS = 24;

/** Tokens are 192 random bits, so a plain SHA-256 is enough: the stored hash cannot be used as a link. */
export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new one-time reset token for the user, valid for 24 hours; any earlier token of theirs stops working. */
export async function createPasswordResetToken(db: Queryable, actor: Actor, userId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const fresh = { tokenHash: hashResetToken(token), expiresAt: new Date(Date.now() + RESET_TOKEN_HOURS * 3600_000), createdAt: new Date() };
  await db
    .insert(passwordResetTokens)
    .values({ userId, ...fresh })
    .onConflictDoUpdate({ target: passwordResetTokens.userId, set: fresh });
  await writeAudit(db, { actor, action: 'user.password-reset-link', entityType: 'user', entityId: userId });
  return token;
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
 * changes and null is returned. Returns the user's id on success.
 */
export async function resetPasswordWithToken(db: Db, token: string, passwordHash: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [consumed] = await tx
      .delete(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, hashResetToken(token)))
      .returning({ userId: passwordResetTokens.userId, current: sql<boolean>`${passwordResetTokens.expiresAt} > now()` });
    if (!consumed?.current) return null;
    const [owner] = await tx.select({ id: user.id, email: user.email, active: user.active }).from(user).where(eq(user.id, consumed.userId));
    if (!owner?.active) return null;
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
    return owner.id;
  });
}

export async function deleteResetTokensOf(db: Queryable, userId: string): Promise<void> {
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
}
