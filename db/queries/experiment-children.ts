import { and, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@/lib/auth/permissions';
import type { CheckinInput, OutcomeInput } from '@/lib/validation/experiment';
import { capabilityOutcomes, checkins, experiments } from '../schema';
import type { Db, Queryable } from '../types';
import { writeAudit } from './audit';
import { actorOf, authorizeChild, type WriteResult } from './experiment-write';
import { todayIn } from '@/lib/metrics/today';

/** Capability outcomes and check-ins: rows that hang off one experiment, changed under its team's rights. */

const today = () => todayIn();

/** Children change the experiment too: its updated time moves (the version does not, so an open edit form stays valid). */
const touch = (tx: Queryable, id: number) => tx.update(experiments).set({ updatedAt: sql`now()` }).where(eq(experiments.id, id));

export async function addOutcome(db: Db, user: SessionUser, experimentId: number, input: OutcomeInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'outcome.create');
    if (refused) return refused;
    const values = { experimentId, type: input.type, description: input.description, impact: input.impact, evidence: input.evidence, recordedOn: input.recordedOn ?? today() };
    const [row] = await tx.insert(capabilityOutcomes).values(values).returning({ id: capabilityOutcomes.id });
    await touch(tx, experimentId);
    await writeAudit(tx, { actor: actorOf(user), action: 'outcome.create', entityType: 'experiment', entityId: experimentId, after: { outcomeId: row.id, ...values } });
    return { ok: true, id: row.id, version: 0 } as const;
  });
}

export async function deleteOutcome(db: Db, user: SessionUser, experimentId: number, outcomeId: number): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'outcome.delete');
    if (refused) return refused;
    const [row] = await tx
      .delete(capabilityOutcomes)
      .where(and(eq(capabilityOutcomes.id, outcomeId), eq(capabilityOutcomes.experimentId, experimentId)))
      .returning();
    if (!row) return { ok: false, reason: 'not_found', message: 'This outcome was already removed.' } as const;
    await touch(tx, experimentId);
    await writeAudit(tx, { actor: actorOf(user), action: 'outcome.delete', entityType: 'experiment', entityId: experimentId, before: row });
    return { ok: true, id: outcomeId, version: 0 } as const;
  });
}

export async function addCheckin(db: Db, user: SessionUser, experimentId: number, input: CheckinInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'checkin.create');
    if (refused) return refused;
    const num = (n: number | null) => (n == null ? null : String(n));
    const values = {
      experimentId,
      date: input.date,
      hoursBeforePerTask: num(input.hoursBeforePerTask),
      hoursWithAiPerTask: num(input.hoursWithAiPerTask),
      tasksPerMonth: num(input.tasksPerMonth),
      spendMonthlyCents: input.spendMonthly == null ? null : Math.round(input.spendMonthly * 100),
      qualityAfter: input.qualityAfter,
      note: input.note,
      createdBy: user.id,
    };
    const [row] = await tx.insert(checkins).values(values).returning({ id: checkins.id });
    await touch(tx, experimentId);
    await writeAudit(tx, { actor: actorOf(user), action: 'checkin.create', entityType: 'experiment', entityId: experimentId, after: { checkinId: row.id, ...values } });
    return { ok: true, id: row.id, version: 0 } as const;
  });
}
