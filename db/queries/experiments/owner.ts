import { and, asc, eq, sql } from 'drizzle-orm';
import { teamScope, type SessionUser } from '@/lib/auth/permissions';
import { experiments, teamMembers, user } from '../../schema';
import type { Db, Queryable } from '../../types';
import { actorOf, recordDenied, writeAudit } from '../admin/audit';
import type { WriteResult } from '../write-result';
import { CONFLICT_MESSAGE, DENIED_MESSAGE, lockExperiment } from './write';

/** The people an experiment may be handed to: active members (and leads) of its team. */
export async function ownerChoices(db: Queryable, teamId: number) {
  return db
    .select({ id: user.id, name: user.name, email: user.email })
    .from(teamMembers)
    .innerJoin(user, eq(user.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), eq(user.active, true)))
    .orderBy(asc(user.name), asc(user.email));
}

export const NOT_A_MEMBER = 'Choose a member of the experiment’s team: only they can be its owner.';

/**
 * Hands an experiment to another member of its team: a lead of that team or an admin, checked on the
 * stored row, with the version the page was loaded at (the owner is part of what an open form shows).
 */
export async function reassignOwner(db: Db, actor: SessionUser, id: number, expectedVersion: number, ownerId: string): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const current = await lockExperiment(tx, id);
    if (!current) return { ok: false, reason: 'not_found', message: 'This experiment does not exist.' } as const;
    if (!teamScope(actor).canEdit(current.teamId)) {
      await recordDenied(tx, actorOf(actor), 'experiment.owner', { type: 'experiment', id });
      return { ok: false, reason: 'denied', message: DENIED_MESSAGE } as const;
    }
    if (!(await ownerChoices(tx, current.teamId)).some((m) => m.id === ownerId))
      return { ok: false, reason: 'invalid', field: 'ownerId', message: NOT_A_MEMBER } as const;
    const [row] = await tx
      .update(experiments)
      .set({ ownerId, version: sql`${experiments.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(experiments.id, id), eq(experiments.version, expectedVersion)))
      .returning({ version: experiments.version });
    if (!row) return { ok: false, reason: 'conflict', message: CONFLICT_MESSAGE } as const;
    await writeAudit(tx, { actor: actorOf(actor), action: 'experiment.owner', entityType: 'experiment', entityId: id, before: { ownerId: current.ownerId }, after: { ownerId } });
    return { ok: true, id, version: row.version } as const;
  });
}
