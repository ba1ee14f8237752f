import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';

export const ATTEMPT_PURPOSES = ['sign-in', 'password-change'] as const;
export type AttemptPurpose = (typeof ATTEMPT_PURPOSES)[number];
/**
 * pending: recorded, password not checked yet (counts as a failure until it is);
 * refused: throttled before any check; cleared: a failure forgiven by a success or an admin.
 */
export const ATTEMPT_OUTCOMES = ['pending', 'failed', 'succeeded', 'refused', 'cleared'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/**
 * Sign-in and password-change attempts, kept in the database so throttling holds across several app
 * servers; pruned after a day. `email` is the account as typed (unknown emails count too); `client`
 * is who tried: `device:<id>` (a signed device cookie valid for this account), `ip:<address>` (from a
 * trusted proxy), `unknown`, or `user` (a password change, counted per user).
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    purpose: text('purpose').$type<AttemptPurpose>().notNull().default('sign-in'),
    email: text('email').notNull(),
    client: text('client').notNull().default('unknown'),
    /** The address the trusted proxy reported, when there is one (shown to admins). */
    clientIp: text('client_ip'),
    outcome: text('outcome').$type<AttemptOutcome>().notNull().default('failed'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_at_idx').on(t.email, t.at),
    index('login_attempts_client_at_idx').on(t.client, t.at),
    index('login_attempts_at_idx').on(t.at),
    check('login_attempts_purpose_check', sql`${t.purpose} in ('sign-in', 'password-change')`),
    check('login_attempts_outcome_check', sql`${t.outcome} in ('pending', 'failed', 'succeeded', 'refused', 'cleared')`),
  ],
);

/**
 * One-time password-reset links: only the SHA-256 of the token is stored, and one row per user, so
 * issuing a new link invalidates the previous one. Never in a backup (db/backup/tables.ts).
 */
export const passwordResetTokens = pgTable('password_reset_tokens', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
