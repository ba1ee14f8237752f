/**
 * The editable map from a source's external teams (vendor projects, API keys, Copilot teams, LiteLLM teams) to
 * Uplift teams. Usage with no mapping, or mapped to no team, is kept with team_id null and shown as unmapped.
 */
import { and, eq, sql } from 'drizzle-orm';
import { usageTeamMappings, teams } from '../../schema';
import type { UsageSource } from '../../schema/usage';
import type { Queryable } from '../../types';
import { rawRows } from '../../sql';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

export type UsageTeamRow = { source: UsageSource; externalTeam: string; teamId: number | null; teamName: string | null; rows: number; lastDay: string | null };

/** Every external team seen in usage or in the mapping table (organisation-wide rows, team '', are no team's). */
export async function listUsageTeams(db: Queryable): Promise<UsageTeamRow[]> {
  return rawRows<UsageTeamRow>(
    db,
    sql`select coalesce(s.source, m.source) as "source", coalesce(s.external_team, m.external_team) as "externalTeam",
          m.team_id as "teamId", t.name as "teamName", coalesce(s.n, 0)::int as "rows", s.last_day as "lastDay"
        from (select source, external_team, count(*) as n, max(day)::text as last_day from usage_daily where external_team <> '' group by source, external_team) s
        full join usage_team_mappings m on m.source = s.source and m.external_team = s.external_team
        left join teams t on t.id = m.team_id
        order by 1, 2`,
  );
}

/** The shared WriteResult: how many usage rows moved and the team's name, or why not. */
export type MappingResult = WriteResult<{ rows: number; teamName: string | null }>;

/**
 * Maps (source, external team) to an Uplift team, or to none, and moves its stored usage rows with it in the same
 * transaction. Audited.
 */
export async function setUsageTeamMapping(db: Queryable, actor: Actor, input: { source: UsageSource; externalTeam: string; teamId: number | null }): Promise<MappingResult> {
  let teamName: string | null = null;
  if (input.teamId !== null) {
    const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, input.teamId));
    if (!team) return refuse('not_found', 'That team no longer exists; reload the page.', 'teamId');
    teamName = team.name;
  }
  const [before] = await db
    .select()
    .from(usageTeamMappings)
    .where(and(eq(usageTeamMappings.source, input.source), eq(usageTeamMappings.externalTeam, input.externalTeam)));
  const [after] = await db
    .insert(usageTeamMappings)
    .values({ source: input.source, externalTeam: input.externalTeam, teamId: input.teamId })
    .onConflictDoUpdate({ target: [usageTeamMappings.source, usageTeamMappings.externalTeam], set: { teamId: input.teamId, updatedAt: new Date() } })
    .returning();
  const [{ moved }] = await rawRows<{ moved: number }>(
    db,
    sql`with u as (update usage_daily set team_id = ${input.teamId} where source = ${input.source} and external_team = ${input.externalTeam}
          and team_id is distinct from ${input.teamId}::integer returning 1) select count(*)::int as moved from u`,
  );
  await writeAudit(db, { actor, action: 'usage.mapping', entityType: 'usage_team_mapping', entityId: `${input.source}:${input.externalTeam}`.slice(0, 200), before: before ?? null, after: { ...after, rowsMoved: moved } });
  return { ok: true, rows: moved, teamName };
}
