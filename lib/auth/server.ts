import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { account, session, user, verification } from '@/db/schema';
import { authSecret, publicUrl } from './secret';
import { sessionTimeouts } from './timeouts';

function createAuth(db: Db) {
  const { idleSeconds } = sessionTimeouts();
  return betterAuth({
    appName: 'Uplift',
    baseURL: publicUrl(),
    secret: authSecret(),
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true, // accounts are created by admins
      minPasswordLength: 8,
      maxPasswordLength: 256, // long passphrases welcome
      revokeSessionsOnPasswordReset: true,
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
const globalForAuth = globalThis as unknown as { upliftAuth?: Promise<Auth> };

/** better-auth needs the database handle, which is opened lazily: so is auth. */
export function getAuth(): Promise<Auth> {
  globalForAuth.upliftAuth ??= getDb().then(createAuth);
  return globalForAuth.upliftAuth;
}
