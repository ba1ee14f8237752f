import { eq, sql } from 'drizzle-orm';
import { teamScope, type SessionUser } from '@/lib/auth/permissions';
import { defaultEffort, NO_REASONING } from '@/lib/catalog/model-efforts';
import type { RecordMitigationInput, StartRetestInput } from '@/lib/validation/insights';
import { experimentModels, experiments } from '../../schema';
import type { Db, Queryable } from '../../types';
import { actorOf, recordDenied, writeAudit } from '../admin/audit';
import { lockDataVersion } from '../data-version';
import type { WriteResult } from '../write-result';
import { privacyFlagSql } from '@/lib/metrics/privacy';
import { getRetestRadar } from './radar';
import { modelEffortFacts } from '../models/efforts';

/**
 * The two actions of the Insights page. Each runs in one transaction that locks the experiment first
 * (after the data_version row, the lock order of every write: db/derived/README.md),
 * then checks — against that locked row — the caller's right to change its team and the version the
 * page was loaded with: an experiment moved to another team or changed after the page was opened is
 * refused, never written. A refusal for the team is recorded in the audit trail.
 */

export const INSIGHTS_DENIED = 'Only a lead of this experiment’s team (or an admin) can do this.';
export const INSIGHTS_STALE = 'Someone changed this experiment after you opened the page; reload it and try again.';
const GONE = { ok: false, reason: 'not_found', message: 'That experiment no longer exists.' } as const;

/** The live experiment, locked; or the refusal for this caller and version. */
async function lockForChange(tx: Queryable, user: SessionUser, experimentId: number, version: number, what: string) {
  await lockDataVersion(tx);
  const [row] = await tx.select().from(experiments).where(eq(experiments.id, experimentId)).for('update');
  if (!row || row.archivedAt) return { refused: GONE };
  if (!teamScope(user).canEdit(row.teamId)) {
    await recordDenied(tx, actorOf(user), what, { type: 'experiment', id: experimentId });
    return { refused: { ok: false, reason: 'denied', message: INSIGHTS_DENIED } as const };
  }
  if (row.version !== version) return { refused: { ok: false, reason: 'conflict', message: INSIGHTS_STALE } as const };
  return { row };
}

/**
 * Creates the re-test: a proposed experiment in the same team, linked by retest_of_id, copying the
 * original's setup (work type, mindset, data sensitivity, blocker bar) with the chosen candidate model,
 * which must be on today's radar for that experiment.
 */
export async function startRetest(db: Db, user: SessionUser, input: StartRetestInput, today?: string): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const { row: original, refused } = await lockForChange(tx, user, input.experimentId, input.version, 'experiment.retest');
    if (refused) return refused;
    const radar = await getRetestRadar(tx, { teamIds: [original.teamId], today });
    const item = radar.find((r) => r.id === original.id);
    if (!item) return { ok: false, reason: 'invalid', message: 'This experiment is no longer a re-test candidate (a re-test may already exist).' } as const;
    const model = item.candidates.find((c) => c.id === input.modelId);
    if (!model) return { ok: false, reason: 'invalid', message: 'That model is not a candidate for this experiment.' } as const;
    // The re-test runs the candidate at its default effort ('none' for a model that does not reason).
    const effort = defaultEffort((await modelEffortFacts(tx, [model.id])).get(model.id) ?? { reasoning: false });
    const hypothesis = `Re-test of "${original.title}" (blocked: ${original.blockerMissing || 'the model was not capable enough'}). If ${model.name} scores ${model.score?.toFixed(1)} on the benchmark, it can do what the earlier model could not.${original.hypothesis ? `\nOriginal hypothesis: ${original.hypothesis}` : ''}`;
    const [created] = await tx
      .insert(experiments)
      .values({
        title: `Re-test: ${original.title}`.slice(0, 200),
        teamId: original.teamId,
        ownerId: user.id,
        createdBy: user.id,
        description: original.description,
        hypothesis,
        workType: original.workType,
        mindset: original.mindset,
        status: 'proposed',
        reasoningUsed: effort !== NO_REASONING,
        dataSensitivity: original.dataSensitivity,
        participants: original.participants,
        blockerBenchmark: original.blockerBenchmark,
        blockerMinScore: original.blockerMinScore,
        blockerMaxPriceUsd: original.blockerMaxPriceUsd,
        retestOfId: original.id,
      })
      .returning({ id: experiments.id, title: experiments.title, version: experiments.version });
    await tx.insert(experimentModels).values({ experimentId: created.id, modelId: model.id, isPrimary: true, effort });
    await writeAudit(tx, {
      actor: actorOf(user),
      action: 'experiment.retest',
      entityType: 'experiment',
      entityId: created.id,
      after: { title: created.title, retestOfId: original.id, model: model.name, status: 'proposed' },
    });
    return { ok: true, id: created.id, version: created.version } as const;
  });
}

/** Records the mitigation that clears a privacy flag (refused if the experiment is not flagged). */
export async function recordPrivacyMitigation(db: Db, user: SessionUser, input: RecordMitigationInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const { row: current, refused } = await lockForChange(tx, user, input.experimentId, input.version, 'experiment.privacy_mitigation');
    if (refused) return refused;
    const [flag] = await tx.select({ flagged: sql<boolean>`${sql.raw(privacyFlagSql())}` }).from(experiments).where(eq(experiments.id, current.id));
    if (!flag.flagged) return { ok: false, reason: 'invalid', message: 'This experiment has no open privacy flag.' } as const;
    const [row] = await tx
      .update(experiments)
      .set({ privacyMitigation: input.mitigation, version: sql`${experiments.version} + 1`, updatedAt: new Date() })
      .where(eq(experiments.id, current.id))
      .returning({ version: experiments.version });
    await writeAudit(tx, {
      actor: actorOf(user),
      action: 'experiment.privacy_mitigation',
      entityType: 'experiment',
      entityId: current.id,
      before: { privacyMitigation: current.privacyMitigation },
      after: { privacyMitigation: input.mitigation },
    });
    return { ok: true, id: current.id, version: row.version } as const;
  });
}
