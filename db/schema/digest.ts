import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';

/**
 * A person's choice about the weekly digest (issue 20 §4). No row means the default: on for executives and for
 * anyone who sends an alert's email to the digest, off for the others. The unsubscribe link writes `false` here.
 */
export const digestSubscriptions = pgTable('digest_subscriptions', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  subscribed: boolean('subscribed').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type DigestSubscription = typeof digestSubscriptions.$inferSelect;
