import { asc, sql } from 'drizzle-orm';
import { teams } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';

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

export async function createTeam(db: Queryable, actor: Actor, input: { name: string; function: string }) {
  const [row] = await db.insert(teams).values(input).returning();
  await writeAudit(db, { actor, action: 'team.create', entityType: 'team', entityId: row.id, after: row });
  return row;
}

