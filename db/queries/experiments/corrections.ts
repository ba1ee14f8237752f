import { and, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@/lib/auth/permissions';
import type { CheckinInput, OutcomeInput } from '@/lib/validation/experiment';
import { capabilityOutcomes, checkins, experiments } from '../../schema';
import type { Db, Queryable } from '../../types';
import { actorOf, writeAudit } from '../admin/audit';
import { checkinColumns, NO_PRIMARY_MESSAGE, primaryLink } from './children';
import { missingOrStale } from './child-version';
import type { WriteResult } from '../write-result';
import { authorizeChild, changedFields } from './write';

/**
 * Correcting a check-in or an outcome: edit (only if nobody changed it since the form was loaded: the
 * UPDATE matches the form's version and increments it) or remove. The rights are the adding ones, checked
 * on the stored experiment inside the transaction; the summary triggers (db/derived/checkin-summary.sql,
 * outcome-count.sql) move the experiment's current figures and data_version in the same transaction.
 */

const touch = (tx: Queryable, id: number) => tx.update(experiments).set({ updatedAt: sql`now()` }).where(eq(experiments.id, id));

/** Numerics come back as "2.50": compared and audited as the number they are. */
const plain = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+\.\d+$/.test(v) ? String(Number(v)) : v]));

export async function updateCheckin(db: Db, user: SessionUser, experimentId: number, checkinId: number, expectedVersion: number, input: CheckinInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'checkin.update');
    if (refused) return refused;
    const [current] = await tx.select().from(checkins).where(and(eq(checkins.id, checkinId), eq(checkins.experimentId, experimentId)));
    if (!current || current.version !== expectedVersion) return missingOrStale(tx, checkins, checkinId, experimentId, 'checkin');
    // Usage stays counted against the model it was recorded with; a check-in gaining usage takes today's primary link.
    const kept = current.usageModelId != null && current.usageEffort != null ? { modelId: current.usageModelId, effort: current.usageEffort } : null;
    const usage = input.tasksDone == null ? null : (kept ?? (await primaryLink(tx, experimentId)));
    if (input.tasksDone != null && !usage) return { ok: false, reason: 'invalid', field: 'tasksDone', message: NO_PRIMARY_MESSAGE } as const;
    const columns = checkinColumns(input, usage);
    const [row] = await tx
      .update(checkins)
      .set({ ...columns, version: sql`${checkins.version} + 1` })
      .where(and(eq(checkins.id, checkinId), eq(checkins.version, expectedVersion)))
      .returning({ version: checkins.version });
    if (!row) return missingOrStale(tx, checkins, checkinId, experimentId, 'checkin');
    await touch(tx, experimentId);
    const diff = changedFields(plain(current), plain(columns));
    await writeAudit(tx, { actor: actorOf(user), action: 'checkin.update', entityType: 'experiment', entityId: experimentId, before: { checkinId, ...diff.before }, after: { checkinId, ...diff.after } });
    return { ok: true, id: checkinId, version: row.version } as const;
  });
}

export async function deleteCheckin(db: Db, user: SessionUser, experimentId: number, checkinId: number, expectedVersion: number): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'checkin.delete');
    if (refused) return refused;
    const [row] = await tx
      .delete(checkins)
      .where(and(eq(checkins.id, checkinId), eq(checkins.experimentId, experimentId), eq(checkins.version, expectedVersion)))
      .returning();
    if (!row) return missingOrStale(tx, checkins, checkinId, experimentId, 'checkin');
    await touch(tx, experimentId);
    await writeAudit(tx, { actor: actorOf(user), action: 'checkin.delete', entityType: 'experiment', entityId: experimentId, before: row });
    return { ok: true, id: checkinId, version: row.version } as const;
  });
}

export async function updateOutcome(db: Db, user: SessionUser, experimentId: number, outcomeId: number, expectedVersion: number, input: OutcomeInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'outcome.update');
    if (refused) return refused;
    const [current] = await tx
      .select()
      .from(capabilityOutcomes)
      .where(and(eq(capabilityOutcomes.id, outcomeId), eq(capabilityOutcomes.experimentId, experimentId)));
    if (!current || current.version !== expectedVersion) return missingOrStale(tx, capabilityOutcomes, outcomeId, experimentId, 'outcome');
    // An empty "recorded on" keeps the date it had (on the add form it means today).
    const columns = { type: input.type, description: input.description, impact: input.impact, evidence: input.evidence, recordedOn: input.recordedOn ?? current.recordedOn };
    const [row] = await tx
      .update(capabilityOutcomes)
      .set({ ...columns, version: sql`${capabilityOutcomes.version} + 1` })
      .where(and(eq(capabilityOutcomes.id, outcomeId), eq(capabilityOutcomes.version, expectedVersion)))
      .returning({ version: capabilityOutcomes.version });
    if (!row) return missingOrStale(tx, capabilityOutcomes, outcomeId, experimentId, 'outcome');
    await touch(tx, experimentId);
    const diff = changedFields(current, columns);
    await writeAudit(tx, { actor: actorOf(user), action: 'outcome.update', entityType: 'experiment', entityId: experimentId, before: { outcomeId, ...diff.before }, after: { outcomeId, ...diff.after } });
    return { ok: true, id: outcomeId, version: row.version } as const;
  });
}
