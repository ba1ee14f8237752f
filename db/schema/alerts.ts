import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth';

/**
 * One alert for one person (issue 20 §3). `key` names the event occurrence (e.g. "retest:12:40"); the unique
 * (recipient, key) index is what makes two evaluations running at once send it only once.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    recipientId: text('recipient_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link').notNull().default(''),
    /**
     * What happened, as data (issue 23): the message's name and the values it needs (lib/metrics/alert-text.ts), so
     * each reader reads it in their own language. Null on alerts raised before 0027: shown as stored.
     */
    message: text('message'),
    params: jsonb('params').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('alerts_recipient_key_uq').on(t.recipientId, t.key),
    index('alerts_recipient_unread_idx').on(t.recipientId, t.readAt, t.id),
    check('alerts_event_check', sql`${t.event} in ('retest', 'price', 'privacy', 'retirement', 'stale')`),
    check('alerts_message_check', sql`${t.message} in ('retest', 'privacy', 'retirement', 'stale', 'priceDrop', 'rival')`),
  ],
);

/** A person's choice per event; no row means the default (on, email immediately). */
export const alertPreferences = pgTable(
  'alert_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    delivery: text('delivery').notNull().default('immediate'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.event] }),
    check('alert_preferences_event_check', sql`${t.event} in ('retest', 'price', 'privacy', 'retirement', 'stale')`),
    check('alert_preferences_delivery_check', sql`${t.delivery} in ('immediate', 'digest')`),
  ],
);

export type Alert = typeof alerts.$inferSelect;
export type AlertPreference = typeof alertPreferences.$inferSelect;
