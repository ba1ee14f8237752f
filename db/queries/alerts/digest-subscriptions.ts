import { and, asc, eq, sql } from 'drizzle-orm';
import { digestSubscriptions, user } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

/**
 * Who gets the weekly digest (issue 20 §4). A stored choice wins; without one, executives get it, and so does
 * anyone who sends some alert's email "to the weekly digest" (an enabled event with delivery = 'digest').
 */
const wantsByDefault = sql<boolean>`(${user.role} = 'executive' or exists (
  select 1 from alert_preferences p where p.user_id = ${user.id} and p.enabled and p.delivery = 'digest'))`;
const subscribedSql = sql<boolean>`coalesce(${digestSubscriptions.subscribed}, ${wantsByDefault})`;

/** Active people who get the digest, by email. */
export async function digestRecipients(db: Queryable) {
  return db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role, locale: user.locale })
    .from(user)
    .leftJoin(digestSubscriptions, eq(digestSubscriptions.userId, user.id))
    .where(and(eq(user.active, true), subscribedSql))
    .orderBy(asc(user.email));
}

export async function isSubscribed(db: Queryable, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ on: subscribedSql })
    .from(user)
    .leftJoin(digestSubscriptions, eq(digestSubscriptions.userId, user.id))
    .where(eq(user.id, userId));
  return Boolean(row?.on);
}

/**
 * Stores the person's choice and audits it (`via`: the page, or the unsubscribe link of an email). Refused when
 * it was already so (nothing written).
 */
export async function setSubscribed(db: Queryable, actor: NonNullable<Actor>, subscribed: boolean, via: 'page' | 'email-link'): Promise<WriteResult<object>> {
  const before = await isSubscribed(db, actor.id);
  if (before === subscribed) return refuse('conflict', subscribed ? 'You already get the weekly digest.' : 'You already do not get the weekly digest.');
  await db
    .insert(digestSubscriptions)
    .values({ userId: actor.id, subscribed })
    .onConflictDoUpdate({ target: digestSubscriptions.userId, set: { subscribed, updatedAt: sql`now()` } });
  await writeAudit(db, { actor, action: via === 'email-link' ? 'digest.unsubscribe' : 'digest.subscription', entityType: 'user', entityId: actor.id, before: { subscribed: before }, after: { subscribed, via } });
  return { ok: true };
}
