import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { webhooks } from './webhooks';

/**
 * Messages waiting to go out (issue 20 §5): a request only writes a row here; the deliver job sends it, retries with
 * backoff, and after the last attempt leaves it `dead` for an admin to see and resend. `key` keeps one message per
 * alert and channel however often the alerts run. A webhook message names its webhook (`webhook_id`), whose URL and
 * secret are read when it is sent; `text` holds the JSON body.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    channel: text('channel').notNull().default('email'),
    recipient: text('recipient').notNull(),
    webhookId: integer('webhook_id').references(() => webhooks.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull().default(''),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_key_uq').on(t.key),
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check('outbox_status_check', sql`${t.status} in ('pending', 'sent', 'dead')`),
    check('outbox_channel_check', sql`${t.channel} in ('email', 'webhook')`),
  ],
);

export type OutboxMessage = typeof outbox.$inferSelect;
