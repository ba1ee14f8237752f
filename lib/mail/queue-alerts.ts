/** Queues the email of each new alert whose recipient wants it right away (the digest takes the others). */
import { alertsToEmailNow } from '@/db/queries/alerts/inbox';
import { enqueue } from '@/db/queries/alerts/outbox';
import type { Queryable } from '@/db/types';
import { renderAlertEmail } from './alert-email';

export async function queueAlertEmails(db: Queryable, alertIds: number[], baseUrl: string): Promise<number> {
  const rows = await alertsToEmailNow(db, alertIds);
  return enqueue(db, rows.map((a) => renderAlertEmail(a, baseUrl)));
}
