import { asc, eq, sql } from 'drizzle-orm';
import { session, teamMembers, teams, user, type Role } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { deleteResetTokensOf } from './password-reset';
import { refuse, type WriteResult } from '../write-result';

export async function countUsers(db: Queryable): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(user);
  return r.n;
}

export type UserListRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  teams: { id: number; name: string; teamRole: string }[];
};

export async function listUsers(db: Queryable): Promise<UserListRow[]> {
  const users = await db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role, active: user.active })
    .from(user)
    .orderBy(asc(user.name));
  const memberships = await db
    .select({ userId: teamMembers.userId, id: teams.id, name: teams.name, teamRole: teamMembers.teamRole })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .orderBy(asc(teams.name));
  return users.map((u) => ({ ...u, teams: memberships.filter((m) => m.userId === u.id) }));
}

export async function findUserByEmail(db: Queryable, email: string) {
  const [row] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return row ?? null;
}

const USER_GONE = 'That user no longer exists.';

export async function setUserRole(db: Queryable, actor: Actor, userId: string, role: Role): Promise<WriteResult<{ userId: string }>> {
  const [before] = await db.select({ role: user.role }).from(user).where(eq(user.id, userId));
  if (!before) return refuse('not_found', USER_GONE);
  await db.update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, userId));
  await writeAudit(db, { actor, action: 'user.role', entityType: 'user', entityId: userId, before, after: { role } });
  return { ok: true, userId };
}

/** Deactivating ends every session of the user at once, and their reset link. */
export async function setUserActive(db: Queryable, actor: Actor, userId: string, active: boolean): Promise<WriteResult<{ userId: string }>> {
  const [before] = await db.select({ active: user.active }).from(user).where(eq(user.id, userId));
  if (!before) return refuse('not_found', USER_GONE);
  await db.update(user).set({ active, updatedAt: new Date() }).where(eq(user.id, userId));
  if (!active) {
    await db.delete(session).where(eq(session.userId, userId));
    await deleteResetTokensOf(db, userId);
  }
  await writeAudit(db, { actor, action: active ? 'user.activate' : 'user.deactivate', entityType: 'user', entityId: userId, before, after: { active } });
  return { ok: true, userId };
}

/** Whether the user is active; null when there is no such user. */
export async function userIsActive(db: Queryable, userId: string): Promise<boolean | null> {
  const [row] = await db.select({ active: user.active }).from(user).where(eq(user.id, userId));
  return row ? row.active : null;
}
