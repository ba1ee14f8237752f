import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';

/**
 * Outgoing webhooks an admin configured (issue 20 §3): Slack, Microsoft Teams (Workflows, an Adaptive Card) or
 * generic JSON. Every request is signed with HMAC-SHA256 over the body under the webhook's own secret, stored
 * sealed (lib/security/secrets.ts) and shown once. `events` lists the alert events it receives.
 */
export const webhooks = pgTable(
  'webhooks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    format: text('format').notNull(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    secretSealed: text('secret_sealed').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('webhooks_format_check', sql`${t.format} in ('slack', 'teams', 'json')`)],
);

export type Webhook = typeof webhooks.$inferSelect;
