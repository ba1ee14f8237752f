import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { teams } from './teams';

export const API_TOKEN_KINDS = ['personal', 'service'] as const;
export type ApiTokenKind = (typeof API_TOKEN_KINDS)[number];
export const API_TOKEN_SCOPES = ['read'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/**
 * Bearer tokens for the read API (/api/v1). Only the SHA-256 of a token is stored: it is shown once.
 * A personal token acts as `user_id`; a service token has no user and reads what an executive reads,
 * or one team's data when `team_id` is set. The rate-limit window lives here too, so the limit holds
 * across several app servers. Never in a backup (db/backup/tables.ts).
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<ApiTokenKind>().notNull(),
    name: text('name').notNull(),
    scope: text('scope').$type<ApiTokenScope>().notNull().default('read'),
    userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, so people can tell their tokens apart. */
    prefix: text('prefix').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    rateWindowStart: timestamp('rate_window_start', { withTimezone: true }),
    rateCount: integer('rate_count').notNull().default(0),
  },
  (t) => [
    index('api_tokens_user_idx').on(t.userId),
    check('api_tokens_kind_check', sql`${t.kind} in ('personal', 'service')`),
    check('api_tokens_scope_check', sql`${t.scope} in ('read')`),
    // A personal token has its user and no team; a service token has no user.
    check('api_tokens_owner_check', sql`(${t.kind} = 'personal' and ${t.userId} is not null and ${t.teamId} is null) or (${t.kind} = 'service' and ${t.userId} is null)`),
  ],
);
