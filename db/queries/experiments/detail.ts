import { todayIn } from '@/lib/metrics/today';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { aiModels, capabilityOutcomes, checkins, experimentModels, experiments, modelBenchmarks, teams, techniques, user, vendorChannelPolicies } from '../../schema';
import type { DataPolicy } from '../../schema/models';
import { channelPolicySql } from '@/lib/metrics/privacy';
import type { Queryable } from '../../types';
import { listAuditForEntity } from '../admin/audit';

/** Everything the experiment page shows about one experiment, or null. */
export async function getExperimentDetail(db: Queryable, id: number) {
  const [row] = await db
    .select({ experiment: experiments, teamName: teams.name, participantsMayRecord: teams.participantsMayRecord, ownerName: user.name })
    .from(experiments)
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .leftJoin(user, eq(user.id, experiments.ownerId))
    .where(eq(experiments.id, id));
  if (!row) return null;
  const [models, outcomes, checkinRows, techniqueRows] = await Promise.all([
    db
      .select({
        id: aiModels.id,
        slug: aiModels.slug,
        name: aiModels.name,
        vendor: aiModels.vendor,
        dataPolicy: aiModels.dataPolicy,
        isPrimary: experimentModels.isPrimary,
        effort: experimentModels.effort,
        channel: experimentModels.channel,
        // The policy on the link's channel (lib/metrics/privacy.ts), what its privacy flag reads.
        channelPolicy: sql<DataPolicy>`${sql.raw(channelPolicySql('"experiment_models"."channel"', '"ai_models"."data_policy"', '"vendor_channel_policies"."data_policy"'))}`,
        gpqa: modelBenchmarks.score,
        // The price in force today: the latest effective date not in the future.
        input: sql<string | null>`(select p.input_usd_per_mtok from model_prices p where p.model_id = "ai_models"."id" and p.effective_date <= ${todayIn()}::date order by p.effective_date desc limit 1)`,
        output: sql<string | null>`(select p.output_usd_per_mtok from model_prices p where p.model_id = "ai_models"."id" and p.effective_date <= ${todayIn()}::date order by p.effective_date desc limit 1)`,
      })
      .from(experimentModels)
      .innerJoin(aiModels, eq(aiModels.id, experimentModels.modelId))
      .leftJoin(vendorChannelPolicies, and(eq(vendorChannelPolicies.vendor, aiModels.vendor), eq(vendorChannelPolicies.channel, experimentModels.channel)))
      .leftJoin(modelBenchmarks, sql`${modelBenchmarks.modelId} = ${aiModels.id} and ${modelBenchmarks.benchmark} = 'gpqa_diamond'`)
      .where(eq(experimentModels.experimentId, id))
      .orderBy(desc(experimentModels.isPrimary), asc(aiModels.name)),
    db.select().from(capabilityOutcomes).where(eq(capabilityOutcomes.experimentId, id)).orderBy(desc(capabilityOutcomes.impact), asc(capabilityOutcomes.id)),
    db.select().from(checkins).where(eq(checkins.experimentId, id)).orderBy(asc(checkins.date), asc(checkins.id)),
    db.select().from(techniques).where(eq(techniques.experimentId, id)).orderBy(asc(techniques.id)),
  ]);
  return {
    ...row.experiment,
    teamName: row.teamName,
    team: { participantsMayRecord: row.participantsMayRecord },
    ownerName: row.ownerName,
    models,
    outcomes,
    checkins: checkinRows,
    techniques: techniqueRows,
  };
}

export type ExperimentDetail = NonNullable<Awaited<ReturnType<typeof getExperimentDetail>>>;

/** The change history: every audit entry about this experiment, newest first. */
export function getExperimentHistory(db: Queryable, id: number) {
  return listAuditForEntity(db, 'experiment', id);
}

/** The model catalog for the form's picker, newest first. */
export function listModelChoices(db: Queryable) {
  return db
    .select({ id: aiModels.id, slug: aiModels.slug, name: aiModels.name, vendor: aiModels.vendor, reasoning: aiModels.reasoning })
    .from(aiModels)
    .orderBy(desc(aiModels.releaseDate), asc(aiModels.name));
}
