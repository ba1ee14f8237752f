import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Failed sign-ins, kept in the database so throttling holds across several app servers. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    clientIp: text('client_ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_email_at_idx').on(t.email, t.at), index('login_attempts_ip_at_idx').on(t.clientIp, t.at)],
);
