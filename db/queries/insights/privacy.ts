import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { aiModels, experimentModels, experiments, teams, vendorChannelPolicies, type AccessChannel } from '../../schema';
import type { Queryable } from '../../types';
import { buildExperimentWhere } from '../experiments/filters';
import { teamFilter, todayOf, type InsightsScope } from './scope';
import { channelPolicySql, riskyPolicySql, SENSITIVE } from '@/lib/metrics/privacy';
import type { DataPolicy } from '../../schema/models';

export type PrivacyModel = { id: number; name: string; vendor: string; channel: AccessChannel; policy: DataPolicy; source: string | null };

/** The policy on the link's channel: the model's own for the API, else the vendor's row (lib/metrics/privacy.ts). */
const LINK_POLICY = channelPolicySql('"experiment_models"."channel"', '"ai_models"."data_policy"', '"vendor_channel_policies"."data_policy"');
export type PrivacyItem = {
  id: number;
  title: string;
  teamId: number;
  team: string;
  sensitivity: string | null;
  status: string;
  version: number;
  /** The models that raise the flag: their provider trains on user data by default, or the policy is unknown. */
  models: PrivacyModel[];
};

async function riskyModelsOf(db: Queryable, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({
      experimentId: experimentModels.experimentId,
      id: aiModels.id,
      name: aiModels.name,
      vendor: aiModels.vendor,
      channel: experimentModels.channel,
      policy: sql<DataPolicy>`${sql.raw(LINK_POLICY)}`,
      source: sql<string | null>`case when ${experimentModels.channel} = 'api' then ${aiModels.dataPolicySource} else nullif(${vendorChannelPolicies.source}, '') end`,
    })
    .from(experimentModels)
    .innerJoin(aiModels, eq(aiModels.id, experimentModels.modelId))
    .leftJoin(vendorChannelPolicies, and(eq(vendorChannelPolicies.vendor, aiModels.vendor), eq(vendorChannelPolicies.channel, experimentModels.channel)))
    .where(and(inArray(experimentModels.experimentId, ids), sql.raw(riskyPolicySql(LINK_POLICY))));
}

/** Flagged experiments (exactly the list's `privacy=yes`) with the models and policy sources behind each flag. */
export async function listPrivacyFlags(db: Queryable, scope: InsightsScope = {}): Promise<PrivacyItem[]> {
  const where = buildExperimentWhere({ ...teamFilter(scope), privacy: true }, { today: todayOf(scope) });
  const rows = await db
    .select({
      id: experiments.id,
      title: experiments.title,
      teamId: experiments.teamId,
      team: teams.name,
      sensitivity: experiments.dataSensitivity,
      status: experiments.status,
      version: experiments.version,
    })
    .from(experiments)
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(where)
    .orderBy(asc(teams.name), asc(experiments.title));
  const models = await riskyModelsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, models: models.filter((m) => m.experimentId === r.id).map(({ experimentId: _, ...m }) => m) }));
}

export type MitigatedItem = { id: number; title: string; team: string; mitigation: string };

/** Sensitive experiments on risky models whose flag was cleared by a recorded mitigation. */
export async function listPrivacyMitigations(db: Queryable, scope: InsightsScope = {}): Promise<MitigatedItem[]> {
  const base = buildExperimentWhere(teamFilter(scope), { today: todayOf(scope) });
  return db
    .select({ id: experiments.id, title: experiments.title, team: teams.name, mitigation: experiments.privacyMitigation })
    .from(experiments)
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(
      and(
        base,
        ne(experiments.privacyMitigation, ''),
        inArray(experiments.dataSensitivity, [...SENSITIVE]),
        eq(experiments.usesTrainingModel, true),
      ),
    )
    .orderBy(asc(teams.name), asc(experiments.title));
}
