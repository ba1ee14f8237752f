import { deleteCheckinAction, reassignOwnerAction, updateCheckinAction, updateOutcomeAction } from '@/app/(app)/experiments/actions';
import { teamMembers } from '@/db/schema';
import { currentVersion, newCheckin, newOutcome } from '../action-fixtures';
import { TEAM_WRITERS, ownExperiment, type TableEntry } from './entry';

/** Correcting an experiment's check-ins and outcomes, and handing it to another owner (issue 23 §1). */
export const CORRECTIONS: TableEntry[] = [
  {
    name: 'experiments: edit outcome',
    effect: { changes: ['capability_outcomes'], audit: 'outcome.update' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: updateOutcomeAction,
    input: async (fx) => ({
      experimentId: String(ownExperiment(fx)),
      outcomeId: String(await newOutcome(fx, ownExperiment(fx))),
      version: '1',
      type: 'synthesis',
      description: 'Corrected',
      impact: '5',
      evidence: '',
      recordedOn: '2026-02-03',
    }),
  },
  {
    name: 'experiments: edit check-in',
    effect: { changes: ['checkins'], audit: 'checkin.update' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: updateCheckinAction,
    input: async (fx) => ({
      experimentId: String(ownExperiment(fx)),
      checkinId: String(await newCheckin(fx, ownExperiment(fx))),
      version: '1',
      date: '2026-01-20',
      hoursBeforePerTask: '2',
      hoursWithAiPerTask: '0.5',
      tasksPerMonth: '10',
      note: 'corrected',
    }),
  },
  {
    name: 'experiments: delete check-in',
    effect: { changes: ['checkins'], audit: 'checkin.delete' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: deleteCheckinAction,
    input: async (fx) => ({ experimentId: String(ownExperiment(fx)), checkinId: String(await newCheckin(fx, ownExperiment(fx))), version: '1' }),
  },
  {
    name: 'experiments: reassign owner',
    effect: { changes: ['experiments'], audit: 'experiment.owner' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: reassignOwnerAction,
    input: async (fx) => {
      const member = await fx.newUser('lead');
      await fx.db.insert(teamMembers).values({ teamId: fx.teams.own, userId: member.id });
      return { id: String(ownExperiment(fx)), version: await currentVersion(fx.db, ownExperiment(fx)), ownerId: member.id };
    },
  },
];
