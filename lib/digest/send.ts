/**
 * The digest job (issue 20 §4): builds each subscriber's digest of the week and queues it once per person and
 * ISO week (outbox key `digest:<week>:<user id>`), with its unsubscribe link; the deliver job sends it.
 */
import { digestOf, digestSource, withTeamIds } from '@/db/queries/alerts/digest';
import { digestRecipients } from '@/db/queries/alerts/digest-subscriptions';
import { enqueue } from '@/db/queries/alerts/outbox';
import type { Queryable } from '@/db/types';
import { renderDigestEmail } from './render';
import { unsubscribeToken, unsubscribeUrl } from './token';

export type QueueDigestOptions = { today: string; baseUrl: string; secret: string; now?: Date; dropPercent?: number };

export async function queueDigests(db: Queryable, o: QueueDigestOptions): Promise<{ recipients: number; queued: number }> {
  const people = await withTeamIds(db, await digestRecipients(db));
  if (!people.length) return { recipients: 0, queued: 0 };
  const source = await digestSource(db, o.today, { dropPercent: o.dropPercent });
  let queued = 0;
  for (const p of people) {
    const mail = renderDigestEmail(digestOf(source, p), o.baseUrl, unsubscribeUrl(o.baseUrl, unsubscribeToken(p.id, o.secret, o.now)));
    queued += await enqueue(db, [{ key: `digest:${source.slot}:${p.id}`, recipient: p.email, ...mail }]);
  }
  return { recipients: people.length, queued };
}
