import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { getSsoSettings } from '@/db/queries/admin/sso';
import { account, session, user, verification } from '@/db/schema';
import { forwardedHttps } from '@/lib/security/forwarded';
import { authSecret, publicUrl } from './secret';
import { envSsoConfig, resolveSsoConfig, type SsoConfig } from './sso/config';
import { DISCOVERY_TIMEOUT_MS, readDiscovery } from './sso/discovery';
import {
  applyDecisionAtSession,
  assertPasswordAllowed,
  oidcProviderConfig,
  stripProviderTokens,
  userCreateHook,
  validateSsoUser,
} from './sso/options';
import { sessionTimeouts } from './timeouts';

/**
 * `secureCookies`: force Secure (and the __Secure- cookie prefix) for requests a trusted proxy says
 * came over HTTPS even though BETTER_AUTH_URL is http; otherwise better-auth decides by BETTER_AUTH_URL.
 * `sso`: the OpenID Connect provider in force (lib/auth/sso/config.ts), or null.
 */
function createAuth(db: Db, secureCookies: boolean, sso: SsoConfig | null, providerAnswered: boolean) {
  const { idleSeconds } = sessionTimeouts();
  return betterAuth({
    appName: 'Uplift',
    baseURL: publicUrl(),
    secret: authSecret(),
    advanced: secureCookies ? { useSecureCookies: true } : {},
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true, // accounts are created by admins
      minPasswordLength: 8,
      maxPasswordLength: 256, // long passphrases welcome
    },
    account: {
      accountLinking: {
        enabled: true,
        // Admins create local users without a verification email, so the local flag says nothing; the
        // provider's email_verified is what lets an SSO identity join an existing user.
        requireLocalEmailVerified: false,
      },
    },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'executive' },
        active: { type: 'boolean', input: false, defaultValue: true },
      },
      validateUserInfo: validateSsoUser(db, sso),
    },
    session: {
      // Idle timeout: a session unused for idleSeconds expires; use slides it forward.
      // The absolute timeout (absoluteSeconds from sign-in) is enforced in lib/auth/session.ts.
      expiresIn: idleSeconds,
      updateAge: Math.min(3600, Math.floor(idleSeconds / 4)),
    },
    telemetry: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-in/email') await assertPasswordAllowed(db, (ctx.body as { email?: unknown } | undefined)?.email);
      }),
    },
    databaseHooks: {
      user: { create: { before: userCreateHook() } },
      account: {
        create: { before: async (a) => stripProviderTokens(a) },
        update: { before: async (a) => stripProviderTokens(a) },
      },
      session: {
        create: {
          // A deactivated user never gets a session; an SSO sign-in brings the mapped role with it.
          before: async (s, ctx) => {
            const [row] = await db.select({ active: user.active }).from(user).where(eq(user.id, s.userId));
            if (!row?.active) return false;
            await applyDecisionAtSession(db, s.userId, ctx?.path);
            return undefined;
          },
        },
      },
    },
    plugins: [genericOAuth({ config: oidcProviderConfig(sso, providerAnswered) }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
/** `unreachable`: SSO is configured but its provider did not answer, so this instance has no SSO provider. */
type Instance = { auth: Promise<Auth>; stamp: string; checkedAt: number; unreachable?: boolean };
const globalForAuth = globalThis as unknown as { upliftAuth?: { plain?: Instance; secure?: Instance } };

/** How often a server looks whether /admin changed the SSO configuration (another server may have). */
const SSO_RECHECK_MS = 15_000;

/** Changes whenever the configuration in force may have changed. */
async function ssoStamp(db: Db): Promise<string> {
  if (envSsoConfig()) return 'env';
  const s = await getSsoSettings(db);
  return s ? s.updatedAt.toISOString() : 'none';
}

/** How long better-auth may take to set itself up (it reads the provider's discovery document again). */
const AUTH_START_TIMEOUT_MS = 10_000;

/** Whether better-auth finished setting up within `ms` (a provider can answer our probe, then stall). */
async function startsWithin(auth: Auth, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([auth.$context.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function build(db: Db, secure: boolean, stamp: string): Instance {
  const instance: Omit<Instance, 'auth'> = { stamp, checkedAt: Date.now() };
  const auth = resolveSsoConfig(db).then(async (sso) => {
    const answered = sso ? (await readDiscovery(sso.issuer)) !== null : false;
    if (sso && !answered) {
      instance.unreachable = true;
      console.error(`Single sign-on is unavailable: ${sso.issuer} did not give its discovery document within ${DISCOVERY_TIMEOUT_MS / 1000} s. Password sign-in works; trying the provider again in ${SSO_RECHECK_MS / 1000} s.`);
    }
    const auth = createAuth(db, secure, sso, answered);
    if (!sso || !answered || (await startsWithin(auth, AUTH_START_TIMEOUT_MS))) return auth;
    // It answered our probe, then stalled when better-auth read it again: serve without SSO, ask again later.
    instance.unreachable = true;
    console.error(`Single sign-on is unavailable: ${sso.issuer} answered, then stopped answering while sign-in was being set up (${AUTH_START_TIMEOUT_MS / 1000} s). Password sign-in works; trying the provider again in ${SSO_RECHECK_MS / 1000} s.`);
    return createAuth(db, secure, sso, false);
  });
  return Object.assign(instance, { auth });
}

/** better-auth needs the database handle, which is opened lazily: so is auth. Rebuilt when SSO settings change. */
export async function getAuth({ secureCookies = false }: { secureCookies?: boolean } = {}): Promise<Auth> {
  const instances = (globalForAuth.upliftAuth ??= {});
  const which = secureCookies && !publicUrl().startsWith('https:') ? 'secure' : 'plain';
  const current = instances[which];
  if (current && Date.now() - current.checkedAt < SSO_RECHECK_MS) return current.auth;
  const db = await getDb();
  const stamp = await ssoStamp(db);
  if (current && current.stamp === stamp && !current.unreachable) {
    current.checkedAt = Date.now();
    return current.auth;
  }
  const fresh = build(db, which === 'secure', stamp);
  if (current && current.stamp === stamp) {
    // Same settings, provider was down: keep serving (passwords work) while asking it again in the background.
    current.checkedAt = Date.now();
    fresh.auth.then(
      () => {
        if (!fresh.unreachable && instances[which] === current) instances[which] = fresh;
      },
      () => {},
    );
    return current.auth;
  }
  instances[which] = fresh;
  return fresh.auth;
}

/** After /admin saved SSO settings: this server rebuilds at once (others within SSO_RECHECK_MS). */
export function resetAuth(): void {
  globalForAuth.upliftAuth = {};
}

/** The auth instance for this request: Secure cookies when it came over HTTPS through a trusted proxy. */
export function authFor(headers: Headers): Promise<Auth> {
  return getAuth({ secureCookies: forwardedHttps(headers) });
}
