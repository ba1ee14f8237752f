/**
 * Queues, for each new alert event among `alertIds`, one message per enabled webhook that receives that event; the
 * outbox key `webhook:<id>:<alert key>` keeps it to one however often the alerts run. The deliver job sends them
 * with the retries and dead letters of email. Returns how many were queued.
 */
import { enqueue } from '@/db/queries/alerts/outbox';
import { alertEventsOf, enabledWebhooks } from '@/db/queries/alerts/webhooks';
import type { Queryable } from '@/db/types';
import { webhookBody, type WebhookFormat } from './payload';

export async function queueWebhookAlerts(db: Queryable, alertIds: number[], baseUrl: string): Promise<number> {
  if (!alertIds.length) return 0;
  const hooks = await enabledWebhooks(db);
  if (!hooks.length) return 0;
  const events = await alertEventsOf(db, alertIds);
  const messages = events.flatMap((a) =>
    hooks
      .filter((w) => w.events.includes(a.event))
      .map((w) => ({
        key: `webhook:${w.id}:${a.key}`,
        channel: 'webhook' as const,
        webhookId: w.id,
        recipient: w.name,
        subject: a.title,
        text: webhookBody(w.format as WebhookFormat, { ...a, createdAt: a.createdAt.toISOString() }, baseUrl),
        html: '',
        headers: { 'x-uplift-event': a.event },
      })),
  );
  return enqueue(db, messages);
}
