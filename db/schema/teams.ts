import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text, timestamp, index } from 'drizzle-orm/pg-core';
import { user } from './auth';

export const teams = pgTable('teams', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  /** The business function, e.g. "Finance" or "Customer support". */
  function: text('function').notNull().default(''),
  /**
   * Whether the people who ran an experiment of this team (its owner and the people listed as its participants)
   * may add its capability outcomes and check-ins, whatever their role (lib/auth/recorders.ts). Set by an admin.
   */
  participantsMayRecord: boolean('participants_may_record').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const TEAM_ROLES = ['lead', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A user may belong to several teams; `lead` members may change that team's experiments. */
export const teamMembers = pgTable(
  'team_members',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    teamRole: text('team_role').$type<TeamRole>().notNull().default('member'),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index('team_members_user_idx').on(t.userId),
    check('team_members_role_check', sql`${t.teamRole} in ('lead', 'member')`),
  ],
);

export type Team = typeof teams.$inferSelect;
export type TeamMember = typeof teamMembers.$inferSelect;
