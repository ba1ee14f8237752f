/**
 * The delivery job: sends due outbox messages (email, webhooks), retrying with backoff, dead-lettering after the last
 * attempt. A channel without a sender (email while UPLIFT_SMTP_URL is unset) is left in the queue untouched.
 */
import { claimDue, markFailed, markSent, type Channel } from '@/db/queries/alerts/outbox';
import { getWebhook } from '@/db/queries/alerts/webhooks';
import type { Queryable } from '@/db/types';
import { openSecret } from '@/lib/security/secrets';
import type { PostWebhook } from '@/lib/webhooks/post';
import { WEBHOOK_SECRET_PURPOSE } from '@/lib/webhooks/sign';
import type { SendMail } from './transport';

export type DeliverResult = { sent: number; retrying: number; dead: number };
export type Senders = { email?: SendMail; webhook?: PostWebhook };

export async function deliverOutbox(db: Queryable, senders: Senders, now: Date = new Date(), limit = 20): Promise<DeliverResult> {
  const out: DeliverResult = { sent: 0, retrying: 0, dead: 0 };
  const channels = (['email', 'webhook'] as const).filter((c) => senders[c]) as Channel[];
  for (const msg of await claimDue(db, now, limit, channels)) {
    try {
      if (msg.channel === 'webhook') {
        const hook = msg.webhookId == null ? undefined : await getWebhook(db, msg.webhookId);
        if (!hook) throw new Error('The webhook was deleted.');
        if (!hook.enabled) throw new Error('The webhook is turned off.');
        const secret = openSecret(hook.secretSealed, WEBHOOK_SECRET_PURPOSE);
        await senders.webhook!({ url: hook.url, body: msg.text, secret, event: msg.headers['x-uplift-event'], deliveryId: String(msg.id) });
      } else {
        await senders.email!({ to: msg.recipient, subject: msg.subject, text: msg.text, html: msg.html, headers: msg.headers });
      }
      await markSent(db, msg.id, now);
      out.sent++;
    } catch (err) {
      const status = await markFailed(db, msg, err instanceof Error ? err.message : String(err), now);
      out[status === 'dead' ? 'dead' : 'retrying']++;
    }
  }
  return out;
}
