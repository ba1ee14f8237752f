import { ConfigError } from '@/db/config';
import { getSsoSettings } from '@/db/queries/admin/sso';
import type { Queryable } from '@/db/types';
import { openSecret, SecretUnreadableError } from '@/lib/security/secrets';
import { parseDomainList } from './claims';

/** The seal purpose of the OIDC client secret (lib/security/secrets.ts). */
export const OIDC_SECRET_PURPOSE = 'oidc-client';
/** better-auth's provider id: the callback is {BETTER_AUTH_URL}/api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = 'oidc';

export type SsoConfig = {
  source: 'env' | 'admin';
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  allowedDomains: string[];
  roleClaim: string;
};

/** The environment's configuration (it wins over /admin), or null when UPLIFT_OIDC_ISSUER is unset. */
export function envSsoConfig(env: NodeJS.ProcessEnv = process.env): SsoConfig | null {
  const issuer = env.UPLIFT_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.UPLIFT_OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.UPLIFT_OIDC_CLIENT_SECRET ?? '';
  if (!clientId || !clientSecret) throw new ConfigError('UPLIFT_OIDC_ISSUER is set: set UPLIFT_OIDC_CLIENT_ID and UPLIFT_OIDC_CLIENT_SECRET too.');
  if (!/^https?:\/\//.test(issuer)) throw new ConfigError('UPLIFT_OIDC_ISSUER must be the provider\'s issuer URL (https://…).');
  const allowedDomains = parseDomainList(env.UPLIFT_OIDC_ALLOWED_DOMAINS ?? '');
  if (allowedDomains.length === 0) {
    throw new ConfigError('UPLIFT_OIDC_ALLOWED_DOMAINS is empty: name your email domains or tenant ids, or anyone with an account at the provider could sign in.');
  }
  return {
    source: 'env',
    issuer,
    clientId,
    clientSecret,
    name: env.UPLIFT_OIDC_NAME?.trim() || 'single sign-on',
    allowedDomains,
    roleClaim: env.UPLIFT_OIDC_ROLE_CLAIM?.trim() ?? '',
  };
}

/** The configuration in force: the environment's, else the one saved on /admin when complete, else null. */
export async function resolveSsoConfig(db: Queryable): Promise<SsoConfig | null> {
  const fromEnv = envSsoConfig();
  if (fromEnv) return fromEnv;
  const s = await getSsoSettings(db);
  if (!s?.issuer || !s.clientId || !s.clientSecretSealed) return null;
  let clientSecret: string;
  try {
    clientSecret = openSecret(s.clientSecretSealed, OIDC_SECRET_PURPOSE);
  } catch (err) {
    if (!(err instanceof SecretUnreadableError)) throw err;
    console.error(`Single sign-on is off: ${err.message}`);
    return null;
  }
  const allowedDomains = parseDomainList(s.allowedDomains);
  if (allowedDomains.length === 0) return null;
  return { source: 'admin', issuer: s.issuer, clientId: s.clientId, clientSecret, name: s.name || 'single sign-on', allowedDomains, roleClaim: s.roleClaim };
}
