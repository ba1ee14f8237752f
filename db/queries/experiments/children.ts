import { and, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@/lib/auth/permissions';
import type { CheckinInput, OutcomeInput } from '@/lib/validation/experiment';
import { capabilityOutcomes, checkins, experimentModels, experiments } from '../../schema';
import type { Db, Queryable } from '../../types';
import { actorOf, writeAudit } from '../admin/audit';
import type { WriteResult } from '../write-result';
import { authorizeChild } from './write';
import { missingOrStale } from './child-version';
import { todayIn } from '@/lib/metrics/today';

/** Capability outcomes and check-ins: rows that hang off one experiment, changed under its team's rights. */

const today = () => todayIn();

/** Children change the experiment too: its updated time moves (the version does not, so an open edit form stays valid). */
const touch = (tx: Queryable, id: number) => tx.update(experiments).set({ updatedAt: sql`now()` }).where(eq(experiments.id, id));

export async function addOutcome(db: Db, user: SessionUser, experimentId: number, input: OutcomeInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'outcome.create', true);
    if (refused) return refused;
    const values = { experimentId, type: input.type, description: input.description, impact: input.impact, evidence: input.evidence, recordedOn: input.recordedOn ?? today() };
    const [row] = await tx.insert(capabilityOutcomes).values(values).returning({ id: capabilityOutcomes.id });
    await touch(tx, experimentId);
    await writeAudit(tx, { actor: actorOf(user), action: 'outcome.create', entityType: 'experiment', entityId: experimentId, after: { outcomeId: row.id, ...values } });
    return { ok: true, id: row.id, version: 1 } as const;
  });
}

/** With expectedVersion (the form's), an outcome edited since the page was loaded is not removed. */
export async function deleteOutcome(db: Db, user: SessionUser, experimentId: number, outcomeId: number, expectedVersion?: number): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'outcome.delete');
    if (refused) return refused;
    const ofExperiment = and(eq(capabilityOutcomes.id, outcomeId), eq(capabilityOutcomes.experimentId, experimentId));
    const [row] = await tx
      .delete(capabilityOutcomes)
      .where(expectedVersion == null ? ofExperiment : and(ofExperiment, eq(capabilityOutcomes.version, expectedVersion)))
      .returning();
    if (!row) return missingOrStale(tx, capabilityOutcomes, outcomeId, experimentId, 'outcome');
    await touch(tx, experimentId);
    await writeAudit(tx, { actor: actorOf(user), action: 'outcome.delete', entityType: 'experiment', entityId: experimentId, before: row });
    return { ok: true, id: outcomeId, version: row.version } as const;
  });
}

/** The columns a check-in form writes; usage is the model and effort its tasks are counted against. */
export function checkinColumns(input: CheckinInput, usage: { modelId: number; effort: string } | null) {
  const num = (n: number | null) => (n == null ? null : String(n));
  return {
    date: input.date,
    hoursBeforePerTask: num(input.hoursBeforePerTask),
    hoursWithAiPerTask: num(input.hoursWithAiPerTask),
    tasksPerMonth: num(input.tasksPerMonth),
    spendMonthlyCents: input.spendMonthly == null ? null : Math.round(input.spendMonthly * 100),
    qualityAfter: input.qualityAfter,
    note: input.note,
    tasksDone: input.tasksDone,
    inputTokens: input.inputTokens,
    outputTokens: input.outputTokens,
    billedCostCents: input.billedCost == null ? null : Math.round(input.billedCost * 100),
    usageModelId: usage?.modelId ?? null,
    usageEffort: usage?.effort ?? null,
  };
}

export const NO_PRIMARY_MESSAGE = 'Record the experiment’s primary model first: tasks and tokens are counted against it.';

export async function primaryLink(tx: Queryable, experimentId: number) {
  const [link] = await tx
    .select({ modelId: experimentModels.modelId, effort: experimentModels.effort })
    .from(experimentModels)
    .where(and(eq(experimentModels.experimentId, experimentId), eq(experimentModels.isPrimary, true)));
  return link ?? null;
}

export async function addCheckin(db: Db, user: SessionUser, experimentId: number, input: CheckinInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'checkin.create', true);
    if (refused) return refused;
    // Usage is counted against the primary model at its effort as they are now (kept on the row, lib/metrics/cost-per-task.ts).
    const usage = input.tasksDone == null ? null : await primaryLink(tx, experimentId);
    if (input.tasksDone != null && !usage)
      return { ok: false, reason: 'invalid', field: 'tasksDone', message: NO_PRIMARY_MESSAGE } as const;
    const values = { experimentId, ...checkinColumns(input, usage), createdBy: user.id };
    const [row] = await tx.insert(checkins).values(values).returning({ id: checkins.id });
    await touch(tx, experimentId);
    await writeAudit(tx, { actor: actorOf(user), action: 'checkin.create', entityType: 'experiment', entityId: experimentId, after: { checkinId: row.id, ...values } });
    return { ok: true, id: row.id, version: 1 } as const;
  });
}
