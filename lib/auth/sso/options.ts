import { APIError } from 'better-auth/api';
import type { GenericOAuthConfig } from 'better-auth/plugins/generic-oauth';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { applySsoDecision, getSsoSettings, mappingsForSignIn } from '@/db/queries/admin/sso';
import { user } from '@/db/schema';
import { claimValues, decideRole, domainAllowed, emailVerified, sameIssuer, type Claims } from './claims';
import { OIDC_PROVIDER_ID, type SsoConfig } from './config';
import { discoveryUrl } from './discovery';
import { PASSWORDS_OFF } from './messages';
import { peekDecision, rememberDecision, takeDecision } from './pending';

/**
 * The OIDC provider for better-auth's generic-OAuth plugin, or none while the provider does not answer its
 * discovery document (`answered`: lib/auth/sso/discovery.ts). Discovery gives the endpoints and the JWKS;
 * `requireIdTokenVerification` makes better-auth verify the ID token's signature, issuer, audience
 * (our client id), expiry and nonce, or skip the provider; PKCE and the state cookie are on by default.
 */
export function oidcProviderConfig(sso: SsoConfig | null, answered: boolean): GenericOAuthConfig[] {
  if (!sso || !answered) return [];
  return [
    {
      providerId: OIDC_PROVIDER_ID,
      name: sso.name,
      discoveryUrl: discoveryUrl(sso.issuer),
      requireIdTokenVerification: true,
      clientId: sso.clientId,
      clientSecret: sso.clientSecret,
      scopes: ['openid', 'email', 'profile'],
      pkce: true,
      mapProfileToUser: (p) => ({
        name: [p.name, p.preferred_username, p.email].find((v) => typeof v === 'string' && v.trim()) as string | undefined,
      }),
    },
  ];
}

type ValidateData = {
  user: { id?: string; email?: string | null };
  source: { action: string; method: string; oauth?: { providerId: string; profile?: Record<string, unknown> } };
};

/**
 * better-auth's `user.validateUserInfo` gate, run with the verified claims when an SSO user is created,
 * linked to an existing user, or signs in again: the issuer and domain/tenant must be allowed, a link
 * needs a verified email, a deactivated user is refused. It also decides the mapped role, applied when
 * the session is created (sessionHook).
 */
export function validateSsoUser(db: Db, sso: SsoConfig | null) {
  return async (data: ValidateData): Promise<{ error: string; errorDescription?: string } | undefined> => {
    if (data.source.method !== 'oauth' || data.source.oauth?.providerId !== OIDC_PROVIDER_ID) return undefined;
    if (!sso) return { error: 'sso_off', errorDescription: 'Single sign-on is not configured.' };
    const claims: Claims = data.source.oauth.profile ?? {};
    // better-auth already verified the token against the discovered issuer; this also pins it to ours.
    if (typeof claims.iss === 'string' && !sameIssuer(claims.iss, sso.issuer)) return { error: 'issuer_not_allowed' };
    if (!domainAllowed(claims, sso.allowedDomains)) return { error: 'domain_not_allowed' };
    if (data.source.action === 'link-account' && !emailVerified(claims)) return { error: 'email_not_verified' };
    if (data.source.action !== 'create-user' && data.user.id) {
      const [row] = await db.select({ active: user.active }).from(user).where(eq(user.id, data.user.id));
      if (!row?.active) return { error: 'account_deactivated' };
    }
    const decision = sso.roleClaim ? decideRole(claimValues(claims, sso.roleClaim), await mappingsForSignIn(db)) : null;
    const email = data.user.email ?? (typeof claims.email === 'string' ? claims.email : '');
    if (email) rememberDecision(email, decision);
    return undefined;
  };
}

/** A JIT user is created with the mapped role (the column's default, executive, when nothing maps). */
export function userCreateHook() {
  return async (u: { email: string } & Record<string, unknown>) => {
    const decision = peekDecision(u.email);
    return decision ? { data: { ...u, role: decision.role } } : undefined;
  };
}

/**
 * At the session of an SSO sign-in: apply the role and teams the claims map to, so a changed group
 * changes the role at the next sign-in. The break-glass admin is never demoted by the directory.
 */
export async function applyDecisionAtSession(db: Db, userId: string, path: string | undefined): Promise<void> {
  if (!path?.startsWith('/callback/')) return;
  const [row] = await db.select({ email: user.email }).from(user).where(eq(user.id, userId));
  if (!row) return;
  const decision = takeDecision(row.email);
  if (!decision) return;
  const settings = await getSsoSettings(db);
  if (settings?.breakGlassUserId === userId) return;
  await db.transaction((tx) => applySsoDecision(tx, userId, decision)); // role and teams together, or neither
}

/** Provider tokens are not kept: Uplift needs only the claims at sign-in, and `account` is in backups. */
export function stripProviderTokens<T extends { providerId?: string }>(a: T) {
  if (a.providerId !== OIDC_PROVIDER_ID) return undefined;
  return { data: { ...a, accessToken: null, refreshToken: null, idToken: null } };
}

/** Refuses a password sign-in while passwords are off, except for the break-glass admin. */
export async function assertPasswordAllowed(db: Db, email: unknown): Promise<void> {
  const settings = await getSsoSettings(db);
  if (!settings?.passwordsDisabled) return;
  if (typeof email === 'string' && settings.breakGlassUserId) {
    const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email.trim().toLowerCase()));
    if (row?.id === settings.breakGlassUserId) return;
  }
  throw new APIError('FORBIDDEN', { code: 'passwords_off', message: PASSWORDS_OFF });
}

