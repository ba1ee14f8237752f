import { and, eq, isNull, sql } from 'drizzle-orm';
import { experimentModels, experiments } from '../schema';
import type { Queryable } from '../types';
import { writeAudit, type Actor } from './audit';
import { privacyFlagSql } from './experiment-filters';
import { getRetestRadar } from './insights-radar';
import type { RecordMitigationInput, StartRetestInput } from '@/lib/validation/insights';

/** Why a write was refused, in words for the person who tried. */
export class InsightsWriteError extends Error {}

/** The team an experiment belongs to (for the caller's permission check), or null if it is gone or archived. */
export async function experimentTeam(db: Queryable, id: number): Promise<number | null> {
  const [row] = await db
    .select({ teamId: experiments.teamId })
    .from(experiments)
    .where(and(eq(experiments.id, id), isNull(experiments.archivedAt)));
  return row?.teamId ?? null;
}

/**
 * Creates the re-test: a proposed experiment in the same team, linked by retest_of_id, copying the
 * original's setup (work type, mindset, data sensitivity, blocker bar) with the chosen candidate model.
 * Call inside a transaction; the candidate must be on today's radar for that experiment.
 */
export async function startRetest(tx: Queryable, actor: NonNullable<Actor>, input: StartRetestInput, today?: string): Promise<number> {
  const [original] = await tx.select().from(experiments).where(eq(experiments.id, input.experimentId)).for('update');
  if (!original || original.archivedAt) throw new InsightsWriteError('That experiment no longer exists.');
  const radar = await getRetestRadar(tx, { teamIds: [original.teamId], today });
  const item = radar.find((r) => r.id === original.id);
  if (!item) throw new InsightsWriteError('This experiment is no longer a re-test candidate (a re-test may already exist).');
  const model = item.candidates.find((c) => c.id === input.modelId);
  if (!model) throw new InsightsWriteError('That model is not a candidate for this experiment.');
  const hypothesis = `Re-test of "${original.title}" (blocked: ${original.blockerMissing || 'the model was not capable enough'}). If ${model.name} scores ${model.score?.toFixed(1)} on the benchmark, it can do what the earlier model could not.${original.hypothesis ? `\nOriginal hypothesis: ${original.hypothesis}` : ''}`;
  const [created] = await tx
    .insert(experiments)
    .values({
      title: `Re-test: ${original.title}`.slice(0, 200),
      teamId: original.teamId,
      ownerId: actor.id,
      createdBy: actor.id,
      description: original.description,
      hypothesis,
      workType: original.workType,
      mindset: original.mindset,
      status: 'proposed',
      reasoningUsed: original.reasoningUsed,
      dataSensitivity: original.dataSensitivity,
      participants: original.participants,
      blockerBenchmark: original.blockerBenchmark,
      blockerMinScore: original.blockerMinScore,
      blockerMaxPriceUsd: original.blockerMaxPriceUsd,
      retestOfId: original.id,
    })
    .returning({ id: experiments.id, title: experiments.title });
  await tx.insert(experimentModels).values({ experimentId: created.id, modelId: model.id, isPrimary: true });
  await writeAudit(tx, {
    actor,
    action: 'experiment.retest',
    entityType: 'experiment',
    entityId: created.id,
    after: { title: created.title, retestOfId: original.id, model: model.name, status: 'proposed' },
  });
  return created.id;
}

/** Records the mitigation that clears a privacy flag (refused if the experiment is not flagged or changed meanwhile). */
export async function recordPrivacyMitigation(tx: Queryable, actor: NonNullable<Actor>, input: RecordMitigationInput): Promise<void> {
  const [current] = await tx
    .select({ id: experiments.id, version: experiments.version, mitigation: experiments.privacyMitigation, flagged: sql<boolean>`${privacyFlagSql}` })
    .from(experiments)
    .where(and(eq(experiments.id, input.experimentId), isNull(experiments.archivedAt)))
    .for('update');
  if (!current) throw new InsightsWriteError('That experiment no longer exists.');
  if (input.version != null && input.version !== current.version)
    throw new InsightsWriteError('Someone changed this experiment meanwhile; reload the page and try again.');
  if (!current.flagged) throw new InsightsWriteError('This experiment has no open privacy flag.');
  await tx
    .update(experiments)
    .set({ privacyMitigation: input.mitigation, version: sql`${experiments.version} + 1`, updatedAt: new Date() })
    .where(eq(experiments.id, current.id));
  await writeAudit(tx, {
    actor,
    action: 'experiment.privacy_mitigation',
    entityType: 'experiment',
    entityId: current.id,
    before: { privacyMitigation: current.mitigation },
    after: { privacyMitigation: input.mitigation },
  });
}
