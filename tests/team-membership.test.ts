// One membership at a time (the admin users table's chips and "Add to team"), on both databases:
// adding, changing the role in a team and removing leave the user's other teams alone, and each
// change is one audit entry with every membership before and after.
import { and, asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { setOneMembership, teamExists, teamRoleOf, userExists } from '@/db/queries/people/team-membership';
import { userIsActive } from '@/db/queries/people/users';
import { auditLog, teamMembers, teams } from '@/db/schema';
import { insertUserWithPassword } from '@/db/seed/demo';
import { describeEachDb } from './helpers/db';

const actor = { id: 'u_admin_tm', email: 'admin.tm@example.com' };
const person = 'u_person_tm';

describeEachDb('team memberships, one at a time', (ctx) => {
  let alpha = 0;
  let beta = 0;
  const memberships = () =>
    ctx.db
      .select({ teamId: teamMembers.teamId, teamRole: teamMembers.teamRole })
      .from(teamMembers)
      .where(eq(teamMembers.userId, person))
      .orderBy(asc(teamMembers.teamId));
  const audits = () =>
    ctx.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.teams'), eq(auditLog.entityId, person)))
      .orderBy(asc(auditLog.id));

  it('sets up a person and two teams', async () => {
    await insertUserWithPassword(ctx.db, { id: person, email: 'person.tm@example.com', name: 'Pat', role: 'lead', passwordHash: 'x' });
    [{ id: alpha }] = await ctx.db.insert(teams).values({ name: 'TM Alpha' }).returning({ id: teams.id });
    [{ id: beta }] = await ctx.db.insert(teams).values({ name: 'TM Beta' }).returning({ id: teams.id });
    expect([await userExists(ctx.db, person), await userExists(ctx.db, 'u_nobody'), await teamExists(ctx.db, alpha), await teamExists(ctx.db, 2_000_000)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect([await userIsActive(ctx.db, person), await userIsActive(ctx.db, 'u_nobody')]).toEqual([true, null]);
  });

  it('adds, changes the role and removes one team, leaving the other alone, with one audit entry each', async () => {
    await setOneMembership(ctx.db, actor, person, alpha, 'member');
    await setOneMembership(ctx.db, actor, person, beta, 'lead');
    expect(await memberships()).toEqual([
      { teamId: alpha, teamRole: 'member' },
      { teamId: beta, teamRole: 'lead' },
    ]);
    await setOneMembership(ctx.db, actor, person, alpha, 'lead');
    expect([await teamRoleOf(ctx.db, person, alpha), await teamRoleOf(ctx.db, person, beta)]).toEqual(['lead', 'lead']);
    await setOneMembership(ctx.db, actor, person, beta, 'none');
    expect(await memberships()).toEqual([{ teamId: alpha, teamRole: 'lead' }]);
    expect(await teamRoleOf(ctx.db, person, beta)).toBeNull();
    expect(await audits()).toEqual([
      { before: [], after: [{ teamId: alpha, teamRole: 'member' }] },
      { before: [{ teamId: alpha, teamRole: 'member' }], after: [{ teamId: alpha, teamRole: 'member' }, { teamId: beta, teamRole: 'lead' }] },
      {
        before: [
          { teamId: alpha, teamRole: 'member' },
          { teamId: beta, teamRole: 'lead' },
        ],
        after: [{ teamId: beta, teamRole: 'lead' }, { teamId: alpha, teamRole: 'lead' }],
      },
      {
        before: [
          { teamId: alpha, teamRole: 'lead' },
          { teamId: beta, teamRole: 'lead' },
        ],
        after: [{ teamId: alpha, teamRole: 'lead' }],
      },
    ]);
  });
});
