import { sql } from 'drizzle-orm';
import { capabilityOutcomes, experiments, teams } from '../../schema';
import type { OutcomeType } from '../../schema/outcomes';
import type { Queryable } from '../../types';
import { primaryFirstSql } from '@/lib/metrics/vendor';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { between, outcomeSliceWhere } from './scope';

/** The capability ledger: outcomes recorded in the period, for experiments in the dashboard's slice. */
const inPeriod = (f: DashboardFilters) => sql`${outcomeSliceWhere(f)} and ${between(sql`${capabilityOutcomes.recordedOn}`, f.period)}`;
const month = sql<string>`to_char(${capabilityOutcomes.recordedOn}, 'YYYY-MM')`;

export type OutcomesByTypeMonth = { month: string; type: OutcomeType; outcomes: number; experiments: number };

/** Capability outcomes per month and type, with the number of experiments they come from. */
export async function getOutcomesByTypeMonth(db: Queryable, f: DashboardFilters): Promise<OutcomesByTypeMonth[]> {
  return db
    .select({
      month,
      type: capabilityOutcomes.type,
      outcomes: sql<number>`count(*)::int`,
      experiments: sql<number>`count(distinct ${capabilityOutcomes.experimentId})::int`,
    })
    .from(capabilityOutcomes)
    .where(inPeriod(f))
    .groupBy(month, capabilityOutcomes.type)
    .orderBy(month);
}

export type ImpactCount = { impact: number; outcomes: number; experiments: number };

/** How the period's capability outcomes spread over impact 1–5. */
export async function getImpactDistribution(db: Queryable, f: DashboardFilters): Promise<ImpactCount[]> {
  return db
    .select({
      impact: sql<number>`${capabilityOutcomes.impact}::int`,
      outcomes: sql<number>`count(*)::int`,
      experiments: sql<number>`count(distinct ${capabilityOutcomes.experimentId})::int`,
    })
    .from(capabilityOutcomes)
    .where(inPeriod(f))
    .groupBy(capabilityOutcomes.impact)
    .orderBy(capabilityOutcomes.impact);
}

export type CapabilityStory = {
  outcomeId: number;
  experimentId: number;
  title: string;
  team: string;
  model: string | null;
  type: OutcomeType;
  description: string;
  impact: number;
  recordedOn: string;
};

/** The period's top capability stories: highest impact first, then the most recent. */
export async function getTopCapabilityStories(db: Queryable, f: DashboardFilters, limit = 5): Promise<CapabilityStory[]> {
  return db
    .select({
      outcomeId: capabilityOutcomes.id,
      experimentId: experiments.id,
      title: experiments.title,
      team: teams.name,
      model: sql<string | null>`(select am.name from experiment_models em join ai_models am on am.id = em.model_id
        where em.experiment_id = "experiments"."id" order by ${sql.raw(primaryFirstSql('em', 'am'))} limit 1)`,
      type: capabilityOutcomes.type,
      description: capabilityOutcomes.description,
      impact: capabilityOutcomes.impact,
      recordedOn: capabilityOutcomes.recordedOn,
    })
    .from(capabilityOutcomes)
    .innerJoin(experiments, sql`${experiments.id} = ${capabilityOutcomes.experimentId}`)
    .innerJoin(teams, sql`${teams.id} = ${experiments.teamId}`)
    .where(inPeriod(f))
    .orderBy(sql`${capabilityOutcomes.impact} desc, ${capabilityOutcomes.recordedOn} desc, ${capabilityOutcomes.id} desc`)
    .limit(limit);
}
