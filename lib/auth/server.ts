import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { account, session, user, verification } from '@/db/schema';
import { forwardedHttps } from '@/lib/security/forwarded';
import { authSecret, publicUrl } from './secret';
import { sessionTimeouts } from './timeouts';

/**
 * `secureCookies`: force Secure (and the __Secure- cookie prefix) for requests a trusted proxy says
 * came over HTTPS even though BETTER_AUTH_URL is http; otherwise better-auth decides by BETTER_AUTH_URL.
 */
function createAuth(db: Db, secureCookies: boolean) {
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
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'executive' },
        active: { type: 'boolean', input: false, defaultValue: true },
      },
    },
    session: {
      // Idle timeout: a session unused for idleSeconds expires; use slides it forward.
      // The absolute timeout (absoluteSeconds from sign-in) is enforced in lib/auth/session.ts.
      expiresIn: idleSeconds,
      updateAge: Math.min(3600, Math.floor(idleSeconds / 4)),
    },
    telemetry: { enabled: false },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user never gets a session.
          before: async (s) => {
            const [row] = await db.select({ active: user.active }).from(user).where(eq(user.id, s.userId));
            return row?.active ? undefined : false;
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { upliftAuth?: { plain?: Promise<Auth>; secure?: Promise<Auth> } };

/** better-auth needs the database handle, which is opened lazily: so is auth. */
export function getAuth({ secureCookies = false }: { secureCookies?: boolean } = {}): Promise<Auth> {
  const instances = (globalForAuth.upliftAuth ??= {});
  const which = secureCookies && !publicUrl().startsWith('https:') ? 'secure' : 'plain';
  instances[which] ??= getDb().then((db) => createAuth(db, which === 'secure'));
  return instances[which];
}

/** The auth instance for this request: Secure cookies when it came over HTTPS through a trusted proxy. */
export function authFor(headers: Headers): Promise<Auth> {
  return getAuth({ secureCookies: forwardedHttps(headers) });
}
