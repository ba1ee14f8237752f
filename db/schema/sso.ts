import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { teams } from './teams';

/**
 * Single sign-on (OpenID Connect) as configured on /admin: exactly one row (id = 1). The environment
 * (UPLIFT_OIDC_*) wins over it. The client secret is stored sealed (lib/security/secrets.ts) and never
 * shown again. Local passwords can be turned off, except for the one break-glass admin.
 */
export const ssoSettings = pgTable(
  'sso_settings',
  {
    id: integer('id').primaryKey().default(1),
    issuer: text('issuer').notNull().default(''),
    clientId: text('client_id').notNull().default(''),
    clientSecretSealed: text('client_secret_sealed'),
    name: text('name').notNull().default(''),
    /** Email domains, Google `hd` values or Entra `tid` tenant ids, space-separated. */
    allowedDomains: text('allowed_domains').notNull().default(''),
    roleClaim: text('role_claim').notNull().default(''),
    passwordsDisabled: boolean('passwords_disabled').notNull().default(false),
    breakGlassUserId: text('break_glass_user_id').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('sso_settings_singleton', sql`${t.id} = 1`)],
);

/** A value of the role claim (a group or app role) → the Uplift role and, optionally, a team to join. */
export const ssoRoleMappings = pgTable(
  'sso_role_mappings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    claimValue: text('claim_value').notNull().unique(),
    role: text('role').notNull(),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('sso_role_mappings_role_check', sql`${t.role} in ('admin', 'lead', 'executive')`)],
);

export type SsoSettings = typeof ssoSettings.$inferSelect;
export type SsoRoleMapping = typeof ssoRoleMappings.$inferSelect;

/** A mapping as the sign-in rule reads it (lib/auth/sso/claims.ts). */
export type Mapping = { claimValue: string; role: 'admin' | 'lead' | 'executive'; teamId: number | null };

/** What the claims map a person to at sign-in (lib/auth/sso/claims.ts decides, db/queries/admin/sso.ts applies). */
export type RoleDecision = {
  role: 'admin' | 'lead' | 'executive';
  /** Teams the mapping puts the person in, with `lead` when the mapping's role is lead or admin. */
  teams: { teamId: number; teamRole: 'lead' | 'member' }[];
  /** Every team some mapping names: memberships of these follow the claim; other teams are left alone. */
  mappedTeamIds: number[];
};
