/** The delivery job: sends due outbox messages, retrying with backoff, dead-lettering after the last attempt. */
import { claimDue, markFailed, markSent } from '@/db/queries/alerts/outbox';
import type { Queryable } from '@/db/types';
import type { SendMail } from './transport';

export type DeliverResult = { sent: number; retrying: number; dead: number };

export async function deliverOutbox(db: Queryable, send: SendMail, now: Date = new Date(), limit = 20): Promise<DeliverResult> {
  const out: DeliverResult = { sent: 0, retrying: 0, dead: 0 };
  for (const msg of await claimDue(db, now, limit)) {
    try {
      await send({ to: msg.recipient, subject: msg.subject, text: msg.text, html: msg.html, headers: msg.headers });
      await markSent(db, msg.id, now);
      out.sent++;
    } catch (err) {
      const status = await markFailed(db, msg, err instanceof Error ? err.message : String(err), now);
      out[status === 'dead' ? 'dead' : 'retrying']++;
    }
  }
  return out;
}
