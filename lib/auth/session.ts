import { and, eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db';
import { teamMembers, user as userTable } from '@/db/schema';
import type { SessionUser } from './permissions';
import { authFor } from './server';
import { sessionTimeouts } from './timeouts';

/** The signed-in user for this request (memoised per request), or null. Deactivated users are signed out. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const h = await headers();
  const result = await (await authFor(h)).api.getSession({ headers: h });
  if (!result) return null;
  const { absoluteSeconds } = sessionTimeouts();
  if (Date.now() - new Date(result.session.createdAt).getTime() > absoluteSeconds * 1000) return null;
  return loadSessionUser(result.user.id);
});

export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: userTable.id, name: userTable.name, email: userTable.email, role: userTable.role, locale: userTable.locale })
    .from(userTable)
    .where(and(eq(userTable.id, userId), eq(userTable.active, true)));
  if (!row) return null;
  const memberships = await db
    .select({ teamId: teamMembers.teamId, teamRole: teamMembers.teamRole })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  return {
    ...row,
    teamIds: memberships.map((m) => m.teamId),
    leadTeamIds: memberships.filter((m) => m.teamRole === 'lead').map((m) => m.teamId),
  };
}
