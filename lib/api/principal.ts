import { getDb } from '@/db';
import { verifyApiToken } from '@/db/queries/people/api-tokens';
import { loadSessionUser } from '@/lib/auth/session';
import { hasPermission, type Permission, type SessionUser } from '@/lib/auth/permissions';
import { apiError } from './respond';

/**
 * Who an API request acts as. A personal token acts as its user (the UI's permission rules apply);
 * a service token reads what an executive reads, limited to one team when it is team-scoped.
 */
export type ApiPrincipal =
  | { kind: 'personal'; tokenId: number; user: SessionUser; teamScope: null }
  | { kind: 'service'; tokenId: number; user: null; teamScope: number | null };

/** The principal's role for permission checks: a service token is an executive. */
export const principalRole = (p: ApiPrincipal) => (p.kind === 'personal' ? p.user.role : 'executive');

/** The teams the principal may read: null for all, else exactly these. */
export const readableTeams = (p: ApiPrincipal): number[] | null => (p.teamScope == null ? null : [p.teamScope]);

/** The caller's own teams (the "mine" filter): a team-scoped service token's team. */
export const ownTeams = (p: ApiPrincipal): number[] => (p.kind === 'personal' ? p.user.teamIds : p.teamScope == null ? [] : [p.teamScope]);

/**
 * The first line of every /api/v1 handler: a valid Bearer token with the permission, or the JSON
 * 401 / 403 / 429 response to return.
 */
export async function authorizeApi(request: Request, permission: Permission): Promise<{ principal: ApiPrincipal; response?: undefined } | { principal?: undefined; response: Response }> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { response: apiError(401, 'Send an API token: Authorization: Bearer <token>.', { 'WWW-Authenticate': 'Bearer' }) };
  const db = await getDb();
  const verified = await verifyApiToken(db, match[1]);
  if (!verified.ok) {
    if (verified.status === 429) return { response: apiError(429, verified.error, { 'Retry-After': String(verified.retryAfter) }) };
    return { response: apiError(401, verified.error, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }) };
  }
  let principal: ApiPrincipal;
  if (verified.kind === 'personal') {
    const user = verified.userId ? await loadSessionUser(verified.userId) : null;
    if (!user) return { response: apiError(401, 'This API token is not valid: it may have expired or been revoked.') };
    principal = { kind: 'personal', tokenId: verified.id, user, teamScope: null };
  } else {
    principal = { kind: 'service', tokenId: verified.id, user: null, teamScope: verified.teamId };
  }
  if (!hasPermission(principalRole(principal), permission)) return { response: apiError(403, 'This token may not read this.') };
  return { principal };
}
