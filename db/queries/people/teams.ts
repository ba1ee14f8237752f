import { asc, eq, sql } from 'drizzle-orm';
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

