import { and, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@/lib/auth/permissions';
import type { TechniqueInput } from '@/lib/validation/technique';
import { capabilityOutcomes, experiments, techniques } from '../../schema';
import type { Db, Queryable } from '../../types';
import { actorOf, writeAudit } from '../admin/audit';
import { authorizeChild, changedFields } from '../experiments/write';
import type { WriteResult } from '../write-result';

/**
 * An experiment's techniques (issue 23 §3): added under the rights of its outcomes (a lead of its team, an
 * admin, or the people who ran it when the team allows: authorizeChild), corrected and removed by those who
 * may change the experiment, each edit matching the version its form was loaded with. Every change is audited
 * on the experiment, so its History card shows it.
 */

export const TECHNIQUE_MESSAGES = {
  gone: 'This technique was already removed.',
  stale: 'Someone else changed this technique after you opened it. Nothing was changed: reload the page to see their version, then apply yours again.',
  outcome: 'Choose an outcome of this experiment, or none.',
} as const;

const touch = (tx: Queryable, id: number) => tx.update(experiments).set({ updatedAt: sql`now()` }).where(eq(experiments.id, id));

/** The linked outcome must be one of this experiment's (an id from a form is only a pointer). */
async function outcomeProblem(tx: Queryable, experimentId: number, outcomeId: number | null): Promise<WriteResult | null> {
  if (outcomeId == null) return null;
  const [row] = await tx
    .select({ id: capabilityOutcomes.id })
    .from(capabilityOutcomes)
    .where(and(eq(capabilityOutcomes.id, outcomeId), eq(capabilityOutcomes.experimentId, experimentId)));
  return row ? null : { ok: false, reason: 'invalid', field: 'outcomeId', message: TECHNIQUE_MESSAGES.outcome };
}

const columnsOf = (input: TechniqueInput) => ({
  kind: input.kind,
  title: input.title,
  description: input.description,
  promptText: input.promptText,
  outcomeId: input.outcomeId,
});

async function missingOrStale(tx: Queryable, id: number, experimentId: number): Promise<WriteResult> {
  const [row] = await tx.select({ id: techniques.id }).from(techniques).where(and(eq(techniques.id, id), eq(techniques.experimentId, experimentId)));
  return row ? { ok: false, reason: 'conflict', message: TECHNIQUE_MESSAGES.stale } : { ok: false, reason: 'not_found', message: TECHNIQUE_MESSAGES.gone };
}

export async function addTechnique(db: Db, user: SessionUser, experimentId: number, input: TechniqueInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'technique.create', true);
    if (refused) return refused;
    const bad = await outcomeProblem(tx, experimentId, input.outcomeId);
    if (bad) return bad;
    const values = { experimentId, ...columnsOf(input), createdBy: user.id };
    const [row] = await tx.insert(techniques).values(values).returning({ id: techniques.id });
    await touch(tx, experimentId);
    await writeAudit(tx, { actor: actorOf(user), action: 'technique.create', entityType: 'experiment', entityId: experimentId, after: { techniqueId: row.id, ...values } });
    return { ok: true, id: row.id, version: 1 } as const;
  });
}

export async function updateTechnique(db: Db, user: SessionUser, experimentId: number, techniqueId: number, expectedVersion: number, input: TechniqueInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'technique.update');
    if (refused) return refused;
    const [current] = await tx.select().from(techniques).where(and(eq(techniques.id, techniqueId), eq(techniques.experimentId, experimentId)));
    if (!current || current.version !== expectedVersion) return missingOrStale(tx, techniqueId, experimentId);
    const bad = await outcomeProblem(tx, experimentId, input.outcomeId);
    if (bad) return bad;
    const columns = columnsOf(input);
    const [row] = await tx
      .update(techniques)
      .set({ ...columns, version: sql`${techniques.version} + 1` })
      .where(and(eq(techniques.id, techniqueId), eq(techniques.version, expectedVersion)))
      .returning({ version: techniques.version });
    if (!row) return missingOrStale(tx, techniqueId, experimentId);
    await touch(tx, experimentId);
    const diff = changedFields(current, columns);
    await writeAudit(tx, {
      actor: actorOf(user),
      action: 'technique.update',
      entityType: 'experiment',
      entityId: experimentId,
      before: { techniqueId, ...diff.before },
      after: { techniqueId, ...diff.after },
    });
    return { ok: true, id: techniqueId, version: row.version } as const;
  });
}

export async function deleteTechnique(db: Db, user: SessionUser, experimentId: number, techniqueId: number, expectedVersion: number): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const refused = await authorizeChild(tx, user, experimentId, 'technique.delete');
    if (refused) return refused;
    const [row] = await tx
      .delete(techniques)
      .where(and(eq(techniques.id, techniqueId), eq(techniques.experimentId, experimentId), eq(techniques.version, expectedVersion)))
      .returning();
    if (!row) return missingOrStale(tx, techniqueId, experimentId);
    await touch(tx, experimentId);
    await writeAudit(tx, { actor: actorOf(user), action: 'technique.delete', entityType: 'experiment', entityId: experimentId, before: row });
    return { ok: true, id: techniqueId, version: row.version } as const;
  });
}
