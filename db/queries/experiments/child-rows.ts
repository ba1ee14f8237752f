import { eq } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { capabilityOutcomes, checkins, experimentModels, experiments, teams, techniques } from '../../schema';

/** The tables whose rows hang off one experiment. */
type ExperimentChild = typeof capabilityOutcomes | typeof checkins | typeof experimentModels | typeof techniques;

/**
 * Joins an experiment's child rows (outcomes, check-ins, model links, techniques) to their experiment and its team: the
 * one join behind every list that names a row's experiment and team. `query` selects from `child`, $dynamic().
 */
export function withExperimentAndTeam<Q extends PgSelect>(query: Q, child: ExperimentChild) {
  return query.innerJoin(experiments, eq(experiments.id, child.experimentId)).innerJoin(teams, eq(teams.id, experiments.teamId));
}
