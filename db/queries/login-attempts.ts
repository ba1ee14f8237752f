import { and, eq, gt, min, sql } from 'drizzle-orm';
import { loginAttempts } from '../schema';
import type { Queryable } from '../types';

export async function countRecentFailures(db: Queryable, email: string, clientIp: string | null, windowMinutes: number) {
  const since = new Date(Date.now() - windowMinutes * 60_000);
  const [account] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), gt(loginAttempts.at, since)));
  let addressFailures = 0;
  if (clientIp) {
    const [address] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.clientIp, clientIp), gt(loginAttempts.at, since)));
    addressFailures = address.n;
  }
  return { accountFailures: account.n, addressFailures, oldestAccountFailure: account.oldest ? new Date(account.oldest) : null };
}

export async function recordFailedSignIn(db: Queryable, email: string, clientIp: string | null) {
  await db.insert(loginAttempts).values({ email, clientIp: clientIp ?? 'unknown' });
}
