import { and, eq, inArray, sql } from 'drizzle-orm';
import { user } from '../schema';
import type { Db } from '../types';
import { DEMO_USERS } from './demo-org';

/** How many demo accounts (their password is published in the README) can still sign in. */
export async function activeDemoAccounts(db: Db): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(user)
    .where(and(eq(user.active, true), inArray(user.email, DEMO_USERS.map((u) => u.email))));
  return n;
}
