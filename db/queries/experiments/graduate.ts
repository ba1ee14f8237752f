import { and, eq, sql } from 'drizzle-orm';
import { teamScope, type SessionUser } from '@/lib/auth/permissions';
import { experiments } from '../../schema';
import type { Db } from '../../types';
import { actorOf, recordDenied, writeAudit } from '../admin/audit';
import { CONFLICT_MESSAGE, DENIED_MESSAGE, lockExperiment } from './write';
import type { WriteResult } from '../write-result';

export const NOT_AN_EXPLORATION = 'This experiment is already measured: there is nothing to graduate.';

/**
 * An exploration becomes a measured experiment, judged from now on against `targetMetric`. It is the same
 * row: its check-ins, outcomes, techniques and history stay; it leaves the exploring share and joins the
 * capability-evidence nudges. A lead of its team or an admin, with the version the page was loaded at.
 */
export async function graduateExperiment(db: Db, user: SessionUser, id: number, expectedVersion: number, targetMetric: string): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const current = await lockExperiment(tx, id);
    if (!current) return { ok: false, reason: 'not_found', message: 'This experiment does not exist.' } as const;
    if (!teamScope(user).canEdit(current.teamId)) {
      await recordDenied(tx, actorOf(user), 'experiment.graduate', { type: 'experiment', id });
      return { ok: false, reason: 'denied', message: DENIED_MESSAGE } as const;
    }
    if (current.version !== expectedVersion) return { ok: false, reason: 'conflict', message: CONFLICT_MESSAGE } as const;
    if (!current.exploration) return { ok: false, reason: 'invalid', message: NOT_AN_EXPLORATION } as const;
    const [row] = await tx
      .update(experiments)
      .set({ exploration: false, targetMetric, version: sql`${experiments.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(experiments.id, id), eq(experiments.version, expectedVersion)))
      .returning({ version: experiments.version });
    if (!row) return { ok: false, reason: 'conflict', message: CONFLICT_MESSAGE } as const;
    await writeAudit(tx, {
      actor: actorOf(user),
      action: 'experiment.graduate',
      entityType: 'experiment',
      entityId: id,
      before: { exploration: true, targetMetric: current.targetMetric },
      after: { exploration: false, targetMetric },
    });
    return { ok: true, id, version: row.version } as const;
  });
}
