import { ROLES, type Role } from '@/db/schema/auth';
import type { Mapping, RoleDecision } from '@/db/schema/sso';

export type { Mapping, RoleDecision };

/**
 * What the verified ID-token claims say about a person, decided without the database: whether their
 * domain or tenant is allowed, and which role and teams the admin's mapping gives them.
 */
export type Claims = Record<string, unknown>;

/** Lower-cased domains / tenant ids from a space- or comma-separated list. */
export function parseDomainList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
}

/**
 * Allowed when the tenant (Entra `tid`) or hosted domain (Google `hd`) is listed — both are asserted by the
 * provider — or when the email's domain is listed and the provider verified that email. An empty list
 * allows no one: without it, any Gmail or personal Microsoft account would get an account.
 */
export function domainAllowed(claims: Claims, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return false;
  const listed = (v: unknown) => typeof v === 'string' && allowed.includes(v.toLowerCase());
  if (listed(claims.tid) || listed(claims.hd)) return true;
  const email = typeof claims.email === 'string' ? claims.email : '';
  const domain = email.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : '';
  return emailVerified(claims) && listed(domain);
}

/** The provider's `email_verified`, which some send as the string "true". */
export function emailVerified(claims: Claims): boolean {
  return claims.email_verified === true || claims.email_verified === 'true';
}

/** The claim's values as strings; a dotted name reads a nested claim (Keycloak's `realm_access.roles`). */
export function claimValues(claims: Claims, name: string): string[] {
  if (!name) return [];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  const list = Array.isArray(value) ? value : value == null ? [] : [value];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
}

/**
 * Read-only (executive) when no mapping applies: someone the company's directory lets in but the admin has
 * not placed sees the figures and changes nothing until an admin maps their group.
 */
export const DEFAULT_SSO_ROLE: Role = 'executive';

const RANK: Record<Role, number> = { executive: 0, lead: 1, admin: 2 };

/** The highest role among the matched values, and their teams. */
export function decideRole(values: readonly string[], mappings: readonly Mapping[]): RoleDecision {
  const matched = mappings.filter((m) => values.includes(m.claimValue));
  const role = matched.reduce<Role>((best, m) => (RANK[m.role] > RANK[best] ? m.role : best), DEFAULT_SSO_ROLE);
  const teams = new Map<number, 'lead' | 'member'>();
  for (const m of matched) {
    if (m.teamId == null) continue;
    const teamRole = m.role === 'executive' ? 'member' : 'lead';
    if (teams.get(m.teamId) !== 'lead') teams.set(m.teamId, teamRole);
  }
  const mappedTeamIds = [...new Set(mappings.flatMap((m) => (m.teamId == null ? [] : [m.teamId])))].sort((a, b) => a - b);
  return {
    role,
    teams: [...teams].map(([teamId, teamRole]) => ({ teamId, teamRole })).sort((a, b) => a.teamId - b.teamId),
    mappedTeamIds,
  };
}

export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/** Issuers compared without a trailing slash (Okta and Keycloak publish them without, Entra with none either). */
export const sameIssuer = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
