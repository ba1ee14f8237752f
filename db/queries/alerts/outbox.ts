import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { outbox, type OutboxMessage } from '../../schema';
import { refuse, type WriteResult } from '../write-result';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { CLAIM_MINUTES, nextAttempt } from '@/lib/metrics/outbox-retry';

export type NewMessage = {
  key: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Default email; a webhook message names its webhook. */
  channel?: 'email' | 'webhook';
  webhookId?: number;
};
export type Channel = 'email' | 'webhook';

/** Queues messages; a key already queued (the same alert) is skipped. Returns how many were queued. */
export async function enqueue(db: Queryable, messages: NewMessage[]): Promise<number> {
  if (!messages.length) return 0;
  const rows = await db
    .insert(outbox)
    .values(messages.map((m) => ({ ...m, headers: m.headers ?? {} })))
    .onConflictDoNothing({ target: outbox.key })
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * Takes up to `limit` due messages for this sender: SKIP LOCKED lets two senders take different rows, and the
 * claim pushes `next_attempt_at` out so a sender that dies mid-send leaves the row to be retried later.
 */
export async function claimDue(db: Queryable, now: Date, limit = 20, channels: readonly Channel[] = ['email', 'webhook']): Promise<OutboxMessage[]> {
  if (!channels.length) return [];
  const claimUntil = new Date(now.getTime() + CLAIM_MINUTES * 60_000);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), inArray(outbox.channel, [...channels]), sql`${outbox.nextAttemptAt} <= ${now.toISOString()}::timestamptz`))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    return tx
      .update(outbox)
      .set({ nextAttemptAt: claimUntil })
      .where(sql`${outbox.id} in (${sql.join(due.map((d) => sql`${d.id}`), sql`, `)})`)
      .returning();
  });
}

export async function markSent(db: Queryable, id: number, now: Date): Promise<void> {
  await db.update(outbox).set({ status: 'sent', sentAt: now, lastError: null }).where(eq(outbox.id, id));
}

/** Records a failed attempt: retried later with backoff, or dead after the last one. Returns the new status. */
export async function markFailed(db: Queryable, msg: Pick<OutboxMessage, 'id' | 'attempts'>, error: string, now: Date): Promise<'pending' | 'dead'> {
  const attempts = msg.attempts + 1;
  const next = nextAttempt(attempts, now);
  await db
    .update(outbox)
    .set({ attempts, lastError: error.slice(0, 500), status: next ? 'pending' : 'dead', ...(next ? { nextAttemptAt: next } : {}) })
    .where(eq(outbox.id, msg.id));
  return next ? 'pending' : 'dead';
}

/** The dead-letter list for /admin, newest first. */
export function listDeadLetters(db: Queryable, limit = 50) {
  return db
    .select({ id: outbox.id, channel: outbox.channel, recipient: outbox.recipient, subject: outbox.subject, attempts: outbox.attempts, lastError: outbox.lastError, createdAt: outbox.createdAt })
    .from(outbox)
    .where(eq(outbox.status, 'dead'))
    .orderBy(desc(outbox.id))
    .limit(limit);
}

/** Puts a dead message back in the queue for the next delivery run, audited. False when it is not dead. */
export async function resendDeadLetter(db: Queryable, actor: Actor, id: number): Promise<WriteResult<object>> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'dead')))
    .returning({ id: outbox.id, recipient: outbox.recipient, subject: outbox.subject });
  if (!rows.length) return refuse('not_found', 'This message is no longer on the dead-letter list.');
  await writeAudit(db, { actor, action: 'outbox.resend', entityType: 'outbox', entityId: id, after: { recipient: rows[0].recipient, subject: rows[0].subject } });
  return { ok: true };
}
