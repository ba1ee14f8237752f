import { and, asc, eq, inArray } from 'drizzle-orm';
import { account, ssoRoleMappings, ssoSettings, teamMembers, teams, user, type Mapping, type Role, type RoleDecision, type SsoSettings } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from './audit';
import { refuse, type WriteResult } from '../write-result';

export async function getSsoSettings(db: Queryable): Promise<SsoSettings> {
  const [row] = await db.select().from(ssoSettings).where(eq(ssoSettings.id, 1));
  return row;
}

/** What the audit keeps of the settings: everything but the sealed secret (only whether one is set). */
const audited = (s: SsoSettings) => {
  const { clientSecretSealed, updatedAt: _updatedAt, ...rest } = s;
  return { ...rest, clientSecretSet: Boolean(clientSecretSealed) };
};

export type SsoProviderInput = Pick<SsoSettings, 'issuer' | 'clientId' | 'name' | 'allowedDomains' | 'roleClaim'> & {
  /** The sealed new secret, or undefined to keep the stored one. */
  clientSecretSealed?: string;
};

export const SSO_SECRET_NEEDED = 'Enter the client secret.';
export const BREAK_GLASS_NEEDED = 'Choose an active admin with a password as the break-glass account.';
export const MAPPING_TEAM_GONE = 'That team no longer exists.';
export const MAPPING_GONE = 'That mapping no longer exists.';

/** Saves the provider; refused without a client secret when none is stored yet. */
export async function saveSsoProvider(db: Queryable, actor: Actor, input: SsoProviderInput): Promise<WriteResult<{ settings: SsoSettings }>> {
  const before = await getSsoSettings(db);
  if (!input.clientSecretSealed && !before?.clientSecretSealed) return refuse('invalid', SSO_SECRET_NEEDED, 'clientSecret');
  const [row] = await db.update(ssoSettings).set({ ...input, updatedAt: new Date() }).where(eq(ssoSettings.id, 1)).returning();
  await writeAudit(db, { actor, action: 'sso.config', entityType: 'sso', entityId: 1, before: audited(before), after: audited(row) });
  return { ok: true, settings: row };
}

/**
 * Local passwords on or off; off keeps one break-glass admin who can still sign in with a password (refused
 * unless they are an active admin with one, checked in this transaction).
 */
export async function savePasswordPolicy(db: Queryable, actor: Actor, passwordsDisabled: boolean, breakGlassUserId: string | null): Promise<WriteResult<object>> {
  if (passwordsDisabled && !(await breakGlassCandidates(db)).some((c) => c.id === breakGlassUserId)) return refuse('invalid', BREAK_GLASS_NEEDED, 'breakGlassUserId');
  const before = await getSsoSettings(db);
  const [row] = await db
    .update(ssoSettings)
    .set({ passwordsDisabled, breakGlassUserId: passwordsDisabled ? breakGlassUserId : null, updatedAt: new Date() })
    .where(eq(ssoSettings.id, 1))
    .returning();
  await writeAudit(db, {
    actor,
    action: 'sso.passwords',
    entityType: 'sso',
    entityId: 1,
    before: { passwordsDisabled: before.passwordsDisabled, breakGlassUserId: before.breakGlassUserId },
    after: { passwordsDisabled: row.passwordsDisabled, breakGlassUserId: row.breakGlassUserId },
  });
  return { ok: true };
}

/** Active admins who have a local password: the candidates for break-glass. */
export async function breakGlassCandidates(db: Queryable) {
  return db
    .selectDistinct({ id: user.id, name: user.name, email: user.email })
    .from(user)
    .innerJoin(account, and(eq(account.userId, user.id), eq(account.providerId, 'credential')))
    .where(and(eq(user.role, 'admin'), eq(user.active, true)))
    .orderBy(asc(user.email));
}

export async function listRoleMappings(db: Queryable) {
  return db
    .select({ id: ssoRoleMappings.id, claimValue: ssoRoleMappings.claimValue, role: ssoRoleMappings.role, teamId: ssoRoleMappings.teamId, teamName: teams.name })
    .from(ssoRoleMappings)
    .leftJoin(teams, eq(teams.id, ssoRoleMappings.teamId))
    .orderBy(asc(ssoRoleMappings.claimValue), asc(ssoRoleMappings.id));
}

export async function mappingsForSignIn(db: Queryable): Promise<Mapping[]> {
  const rows = await db.select({ claimValue: ssoRoleMappings.claimValue, role: ssoRoleMappings.role, teamId: ssoRoleMappings.teamId }).from(ssoRoleMappings);
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** Adds or replaces the mapping of one claim value; refused when its team no longer exists. */
export async function upsertRoleMapping(db: Queryable, actor: Actor, m: Mapping): Promise<WriteResult<{ id: number }>> {
  if (m.teamId !== null && !(await db.select({ id: teams.id }).from(teams).where(eq(teams.id, m.teamId))).length) return refuse('not_found', MAPPING_TEAM_GONE, 'teamId');
  const [before] = await db.select().from(ssoRoleMappings).where(eq(ssoRoleMappings.claimValue, m.claimValue));
  const [row] = await db
    .insert(ssoRoleMappings)
    .values(m)
    .onConflictDoUpdate({ target: ssoRoleMappings.claimValue, set: { role: m.role, teamId: m.teamId } })
    .returning();
  await writeAudit(db, { actor, action: 'sso.mapping.save', entityType: 'sso_mapping', entityId: row.id, before: before ?? null, after: row });
  return { ok: true, id: row.id };
}

export async function deleteRoleMapping(db: Queryable, actor: Actor, id: number): Promise<WriteResult<object>> {
  const [row] = await db.delete(ssoRoleMappings).where(eq(ssoRoleMappings.id, id)).returning();
  if (!row) return refuse('not_found', MAPPING_GONE);
  await writeAudit(db, { actor, action: 'sso.mapping.delete', entityType: 'sso_mapping', entityId: id, before: row, after: null });
  return { ok: true };
}

/**
 * Applies the mapping's decision at sign-in: the role, and memberships of the teams some mapping names
 * (teams no mapping names are managed by hand and left alone). Audited when anything changed, with the
 * provider as the actor.
 */
export async function applySsoDecision(db: Queryable, userId: string, decision: RoleDecision): Promise<void> {
  const [current] = await db.select({ role: user.role, email: user.email }).from(user).where(eq(user.id, userId));
  if (!current) return;
  const mapped = decision.mappedTeamIds;
  const had = mapped.length
    ? await db
        .select({ teamId: teamMembers.teamId, teamRole: teamMembers.teamRole })
        .from(teamMembers)
        .where(and(eq(teamMembers.userId, userId), inArray(teamMembers.teamId, mapped)))
        .orderBy(asc(teamMembers.teamId))
    : [];
  const teamsChanged = JSON.stringify(had) !== JSON.stringify(decision.teams);
  if (current.role === decision.role && !teamsChanged) return;
  if (current.role !== decision.role) await db.update(user).set({ role: decision.role, updatedAt: new Date() }).where(eq(user.id, userId));
  if (teamsChanged) {
    if (mapped.length) await db.delete(teamMembers).where(and(eq(teamMembers.userId, userId), inArray(teamMembers.teamId, mapped)));
    if (decision.teams.length) await db.insert(teamMembers).values(decision.teams.map((t) => ({ ...t, userId })));
  }
  await writeAudit(db, {
    actor: null,
    action: 'sso.role_sync',
    entityType: 'user',
    entityId: userId,
    before: { role: current.role, teams: had },
    after: { role: decision.role, teams: decision.teams },
  });
}
