import { asc, eq, inArray } from 'drizzle-orm';
import { alerts, webhooks, type Webhook } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

/** What a page may show of a webhook: never the secret; the URL's path only in part (a Slack URL's path is its key). */
export type WebhookView = Omit<Webhook, 'secretSealed' | 'url'> & { target: string };

export function maskedTarget(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.length > 12 ? `${u.pathname.slice(0, 8)}…${u.pathname.slice(-4)}` : u.pathname;
    return `${u.origin}${path}`;
  } catch {
    return '(invalid URL)';
  }
}

const view = ({ secretSealed: _s, url, ...rest }: Webhook): WebhookView => ({ ...rest, target: maskedTarget(url) });
/** What the audit keeps of a webhook: no secret, the URL masked like the page shows it. */
const audited = (w: Webhook) => ({ name: w.name, format: w.format, target: maskedTarget(w.url), events: w.events, enabled: w.enabled });

export async function listWebhooks(db: Queryable): Promise<WebhookView[]> {
  return (await db.select().from(webhooks).orderBy(asc(webhooks.name), asc(webhooks.id))).map(view);
}

export async function getWebhook(db: Queryable, id: number): Promise<Webhook | undefined> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  return row;
}

export type NewWebhook = { name: string; format: 'slack' | 'teams' | 'json'; url: string; events: string[]; secretSealed: string };

export async function createWebhook(db: Queryable, actor: NonNullable<Actor>, input: NewWebhook): Promise<WriteResult<{ webhook: Webhook }>> {
  const [row] = await db.insert(webhooks).values({ ...input, createdBy: actor.id }).returning();
  await writeAudit(db, { actor, action: 'webhook.create', entityType: 'webhook', entityId: row.id, after: audited(row) });
  return { ok: true, webhook: row };
}

export const WEBHOOK_GONE = 'This webhook no longer exists.';

/** An edit from /admin: name, format, events, and a new URL when one was typed (the stored one is never shown whole). */
export type WebhookEdit = { name: string; format: NewWebhook['format']; events: string[]; url: string | null };

/** Changes a webhook's name, format, events and (given one, already address-checked) URL; the secret stays. Audited. */
export async function updateWebhook(db: Queryable, actor: NonNullable<Actor>, id: number, edit: WebhookEdit): Promise<WriteResult<{ id: number; changed: boolean }>> {
  const [before] = await db.select().from(webhooks).where(eq(webhooks.id, id)).for('update');
  if (!before) return refuse('not_found', WEBHOOK_GONE);
  const next = { name: edit.name, format: edit.format, events: edit.events, url: edit.url ?? before.url };
  if (next.name === before.name && next.format === before.format && next.url === before.url && next.events.join() === before.events.join()) return { ok: true, id, changed: false };
  const [after] = await db.update(webhooks).set(next).where(eq(webhooks.id, id)).returning();
  await writeAudit(db, { actor, action: 'webhook.update', entityType: 'webhook', entityId: id, before: audited(before), after: audited(after) });
  return { ok: true, id, changed: true };
}

/**
 * Turns a webhook off or on again. Off, it gets no new alerts, and its messages already queued wait as failures
 * (retried, then on the dead-letter list, where an admin can resend them once it is on again). Audited.
 */
export async function setWebhookEnabled(db: Queryable, actor: NonNullable<Actor>, id: number, enabled: boolean): Promise<WriteResult<{ id: number; changed: boolean }>> {
  const [before] = await db.select().from(webhooks).where(eq(webhooks.id, id)).for('update');
  if (!before) return refuse('not_found', WEBHOOK_GONE);
  if (before.enabled === enabled) return { ok: true, id, changed: false };
  const [after] = await db.update(webhooks).set({ enabled }).where(eq(webhooks.id, id)).returning();
  await writeAudit(db, { actor, action: enabled ? 'webhook.enable' : 'webhook.disable', entityType: 'webhook', entityId: id, before: audited(before), after: audited(after) });
  return { ok: true, id, changed: true };
}

/** Deletes a webhook and, with it, its messages still waiting in the outbox. Refused when it no longer exists. */
export async function deleteWebhook(db: Queryable, actor: NonNullable<Actor>, id: number): Promise<WriteResult<object>> {
  const [row] = await db.delete(webhooks).where(eq(webhooks.id, id)).returning();
  if (!row) return refuse('not_found', WEBHOOK_GONE);
  await writeAudit(db, { actor, action: 'webhook.delete', entityType: 'webhook', entityId: id, before: audited(row) });
  return { ok: true };
}

/** Records a "send test" and its result. */
export async function auditWebhookTest(db: Queryable, actor: NonNullable<Actor>, w: Webhook, result: string): Promise<void> {
  await writeAudit(db, { actor, action: 'webhook.test', entityType: 'webhook', entityId: w.id, after: { ...audited(w), result } });
}

/** The enabled webhooks, with what sending needs. */
export function enabledWebhooks(db: Queryable): Promise<Webhook[]> {
  return db.select().from(webhooks).where(eq(webhooks.enabled, true)).orderBy(asc(webhooks.id));
}

/** One row per event occurrence among `alertIds` (an alert key has one row per recipient, all with the same text). */
export async function alertEventsOf(db: Queryable, alertIds: number[]) {
  if (!alertIds.length) return [];
  return db
    .selectDistinctOn([alerts.key], { event: alerts.event, key: alerts.key, title: alerts.title, body: alerts.body, link: alerts.link, createdAt: alerts.createdAt })
    .from(alerts)
    .where(inArray(alerts.id, alertIds))
    .orderBy(asc(alerts.key), asc(alerts.id));
}
