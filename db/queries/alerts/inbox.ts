import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alertPreferences, alerts, user } from '../../schema';
import { writeAudit } from '../admin/audit';
import type { Queryable } from '../../types';
import { refuse, type WriteResult } from '../write-result';
import { ALERT_EVENTS, type AlertEvent, type Delivery } from '@/lib/metrics/alert-events';

/** A person's unread alert count (the bell). */
export async function countUnread(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(alerts).where(and(eq(alerts.recipientId, userId), isNull(alerts.readAt)));
  return Number(row?.n ?? 0);
}

/** A person's newest alerts, unread first (message and params: render with storedAlertText in the reader's language). */
export async function listInbox(db: Queryable, userId: string, limit = 100) {
  return db
    .select({ id: alerts.id, event: alerts.event, title: alerts.title, body: alerts.body, message: alerts.message, params: alerts.params, link: alerts.link, createdAt: alerts.createdAt, readAt: alerts.readAt })
    .from(alerts)
    .where(eq(alerts.recipientId, userId))
    .orderBy(sql`${alerts.readAt} is not null`, desc(alerts.id))
    .limit(limit);
}

export const NOTHING_UNREAD = 'Nothing unread to mark.';
export const PREFERENCES_UNCHANGED = 'Nothing changed: these are already your preferences.';

/**
 * Marks the given alerts (or all, when `ids` is omitted) read, only among the person's own; refused when none
 * of them was unread. Returns how many changed.
 */
export async function markRead(db: Queryable, userId: string, ids?: number[]): Promise<WriteResult<{ count: number }>> {
  if (ids && !ids.length) return refuse('conflict', NOTHING_UNREAD);
  const rows = await db
    .update(alerts)
    .set({ readAt: sql`now()` })
    .where(and(eq(alerts.recipientId, userId), isNull(alerts.readAt), ids ? inArray(alerts.id, ids) : undefined))
    .returning({ id: alerts.id });
  return rows.length ? { ok: true, count: rows.length } : refuse('conflict', NOTHING_UNREAD);
}

export type Preference = { event: AlertEvent; enabled: boolean; delivery: Delivery };

/** Every event with the person's choice, defaults (on, email immediately) where none is stored. */
export async function getPreferences(db: Queryable, userId: string): Promise<Preference[]> {
  const rows = await db.select().from(alertPreferences).where(eq(alertPreferences.userId, userId));
  return ALERT_EVENTS.map((event) => {
    const r = rows.find((x) => x.event === event);
    return { event, enabled: r?.enabled ?? true, delivery: (r?.delivery as Delivery | undefined) ?? 'immediate' };
  });
}

/**
 * Stores the person's choices and audits what changed (call in one transaction). Returns the events that changed;
 * a save that changes nothing is refused: an accepted request always writes.
 */
export async function savePreferences(db: Queryable, actor: { id: string; email: string }, next: Preference[]): Promise<WriteResult<{ changed: AlertEvent[] }>> {
  const before = await getPreferences(db, actor.id);
  const changed = next.filter((p) => {
    const b = before.find((x) => x.event === p.event);
    return !b || b.enabled !== p.enabled || b.delivery !== p.delivery;
  });
  if (!changed.length) return refuse('conflict', PREFERENCES_UNCHANGED);
  for (const p of changed) {
    await db
      .insert(alertPreferences)
      .values({ userId: actor.id, event: p.event, enabled: p.enabled, delivery: p.delivery })
      .onConflictDoUpdate({ target: [alertPreferences.userId, alertPreferences.event], set: { enabled: p.enabled, delivery: p.delivery, updatedAt: sql`now()` } });
  }
  await writeAudit(db, {
    actor,
    action: 'alerts.preferences',
    entityType: 'user',
    entityId: actor.id,
    before: Object.fromEntries(before.filter((b) => changed.some((c) => c.event === b.event)).map((b) => [b.event, { enabled: b.enabled, delivery: b.delivery }])),
    after: Object.fromEntries(changed.map((c) => [c.event, { enabled: c.enabled, delivery: c.delivery }])),
  });
  return { ok: true, changed: changed.map((c) => c.event) };
}

/** The given alerts whose recipient wants email right away (no preference row: right away), with their address. */
export async function alertsToEmailNow(db: Queryable, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({ id: alerts.id, email: user.email, name: user.name, locale: user.locale, event: alerts.event, title: alerts.title, body: alerts.body, message: alerts.message, params: alerts.params, link: alerts.link })
    .from(alerts)
    .innerJoin(user, eq(user.id, alerts.recipientId))
    .leftJoin(alertPreferences, and(eq(alertPreferences.userId, alerts.recipientId), eq(alertPreferences.event, alerts.event)))
    .where(and(inArray(alerts.id, ids), eq(user.active, true), sql`coalesce(${alertPreferences.delivery}, 'immediate') = 'immediate'`))
    .orderBy(alerts.id);
}
