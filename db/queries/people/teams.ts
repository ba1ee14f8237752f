import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { teams } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

export async function listTeams(db: Queryable) {
  return db.select({ id: teams.id, name: teams.name, function: teams.function }).from(teams).orderBy(asc(teams.name));
}

export async function listTeamsWithCounts(db: Queryable) {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      function: teams.function,
      participantsMayRecord: teams.participantsMayRecord,
      // Correlated subqueries spell out table names: drizzle renders columns inside sql`` unqualified.
      members: sql<number>`(select count(*)::int from team_members tm where tm.team_id = "teams"."id")`,
      experiments: sql<number>`(select count(*)::int from experiments e where e.team_id = "teams"."id" and e.archived_at is null)`,
    })
    .from(teams)
    .orderBy(asc(teams.name));
}

export const TEAM_NAME_TAKEN = 'A team with this name already exists.';

export async function createTeam(db: Queryable, actor: Actor, input: { name: string; function: string }): Promise<WriteResult<{ id: number }>> {
  if ((await db.select({ id: teams.id }).from(teams).where(eq(teams.name, input.name))).length) return refuse('invalid', TEAM_NAME_TAKEN, 'name');
  const [row] = await db.insert(teams).values(input).returning();
  await writeAudit(db, { actor, action: 'team.create', entityType: 'team', entityId: row.id, after: row });
  return { ok: true, id: row.id };
}


/**
 * Lets (or stops) the people who ran the team's experiments add their outcomes and check-ins (mayAddResults in
 * lib/auth/permissions.ts); 'unchanged' or 'missing' write nothing.
 */
export const TEAM_GONE = 'That team no longer exists.';

export async function setParticipantsMayRecord(db: Queryable, actor: Actor, teamId: number, allowed: boolean): Promise<WriteResult<object>> {
  // One conditional UPDATE (no row lock before it: data_version is always locked first, by its trigger).
  const [row] = await db
    .update(teams)
    .set({ participantsMayRecord: allowed })
    .where(and(eq(teams.id, teamId), ne(teams.participantsMayRecord, allowed)))
    .returning({ id: teams.id });
  if (!row) {
    const [exists] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
    // Nothing to change is refused (a stale page), so an accepted request always writes.
    if (!exists) return refuse('not_found', TEAM_GONE);
    return refuse('conflict', allowed ? 'Its participants may already record.' : 'Its participants already may not record.');
  }
  await writeAudit(db, { actor, action: 'team.recording', entityType: 'team', entityId: teamId, before: { participantsMayRecord: !allowed }, after: { participantsMayRecord: allowed } });
  return { ok: true };
}
