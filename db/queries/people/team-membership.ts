import { and, asc, eq } from 'drizzle-orm';
import { teamMembers, teams, user, type TeamRole } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

export type TeamRoleChoice = TeamRole | 'none';

/** Ids come from forms: check they exist, so a stale or crafted id gets a message, not a 500. */
export async function userExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.select({ id: user.id }).from(user).where(eq(user.id, id))).length > 0;
}

export async function teamExists(db: Queryable, id: number): Promise<boolean> {
  return (await db.select({ id: teams.id }).from(teams).where(eq(teams.id, id))).length > 0;
}

/** The user's role in one team, or null when they are not a member. */
export async function teamRoleOf(db: Queryable, userId: string, teamId: number): Promise<TeamRole | null> {
  const [row] = await db
    .select({ teamRole: teamMembers.teamRole })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.teamId, teamId)));
  return row?.teamRole ?? null;
}

/**
 * Puts the user in one team with a role, or takes them out ('none'), leaving their other teams as
 * they are; one audit entry with every membership before and after. Run it in a transaction: the user,
 * the team and the current role are read inside it, and a request that would change nothing (a stale
 * page) is refused, so an accepted one always writes.
 */
export async function setOneMembership(
  db: Queryable,
  actor: Actor,
  userId: string,
  teamId: number,
  teamRole: TeamRoleChoice,
): Promise<WriteResult<{ change: 'added' | 'changed' | 'removed' }>> {
  if (!(await userExists(db, userId))) return refuse('not_found', 'That user no longer exists.');
  if (!(await teamExists(db, teamId))) return refuse('not_found', 'That team no longer exists.');
  const before = await teamRoleOf(db, userId, teamId);
  if (before === (teamRole === 'none' ? null : teamRole))
    return refuse('conflict', teamRole === 'none' ? 'They are no longer in that team.' : 'They are already in that team with that role.');
  const current = await db.select({ teamId: teamMembers.teamId, teamRole: teamMembers.teamRole }).from(teamMembers).where(eq(teamMembers.userId, userId)).orderBy(asc(teamMembers.teamId));
  const others = current.filter((m) => m.teamId !== teamId);
  await setTeamMemberships(db, actor, userId, teamRole === 'none' ? others : [...others, { teamId, teamRole }]);
  return { ok: true, change: teamRole === 'none' ? 'removed' : before ? 'changed' : 'added' };
}

async function setTeamMemberships(
  db: Queryable,
  actor: Actor,
  userId: string,
  memberships: { teamId: number; teamRole: 'lead' | 'member' }[],
) {
  // Ordered, so the audit entry's "before" reads the same on every database.
  const before = await db
    .select({ teamId: teamMembers.teamId, teamRole: teamMembers.teamRole })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teamMembers.teamId));
  await db.delete(teamMembers).where(eq(teamMembers.userId, userId));
  if (memberships.length) await db.insert(teamMembers).values(memberships.map((m) => ({ ...m, userId })));
  await writeAudit(db, { actor, action: 'user.teams', entityType: 'user', entityId: userId, before, after: memberships });
}

