// The role × action table: experiments (app/(app)/experiments/actions.ts).
import {
  addCheckinAction,
  addOutcomeAction,
  archiveExperimentAction,
  createExperimentAction,
  deleteOutcomeAction,
  restoreExperimentAction,
  updateExperimentAction,
} from '@/app/(app)/experiments/actions';
import { currentVersion, newExperiment, newOutcome } from '../action-fixtures';
import { TEAM_WRITERS, ownExperiment, experimentForm, type TableEntry } from './entry';

export const EXPERIMENTS: TableEntry[] = [
  {
    name: 'experiments: create',
    effect: { changes: ['experiments'], audit: 'experiment.create' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: createExperimentAction,
    input: (fx) => experimentForm(fx),
  },
  {
    name: 'experiments: edit',
    effect: { changes: ['experiments'], audit: 'experiment.update' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: updateExperimentAction,
    // A lead of another team names their OWN team as the destination: only the check on the experiment's current team refuses that.
    input: async (fx, caller) => ({
      ...experimentForm(fx),
      teamId: String(caller === 'otherLead' ? fx.teams.other : fx.teams.own),
      id: String(ownExperiment(fx)),
      version: await currentVersion(fx.db, ownExperiment(fx)),
    }),
  },
  {
    name: 'experiments: archive',
    effect: { changes: ['experiments'], audit: 'experiment.archive' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: archiveExperimentAction,
    input: async (fx) => ({ id: String(await newExperiment(fx, fx.teams.own)) }),
  },
  {
    name: 'experiments: restore',
    effect: { changes: ['experiments'], audit: 'experiment.restore' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: restoreExperimentAction,
    input: async (fx) => ({ id: String(await newExperiment(fx, fx.teams.own, { archivedAt: new Date() })) }),
  },
  {
    name: 'experiments: add outcome',
    effect: { changes: ['capability_outcomes'], audit: 'outcome.create' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: addOutcomeAction,
    input: (fx) => ({ experimentId: String(ownExperiment(fx)), type: 'insight', description: 'Found a pattern', impact: '4', evidence: '', recordedOn: '2026-02-01' }),
  },
  {
    name: 'experiments: delete outcome',
    effect: { changes: ['capability_outcomes'], audit: 'outcome.delete' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: deleteOutcomeAction,
    input: async (fx) => ({ experimentId: String(ownExperiment(fx)), outcomeId: String(await newOutcome(fx, ownExperiment(fx))), version: '1' }),
  },
  {
    name: 'experiments: add check-in',
    effect: { changes: ['checkins'], audit: 'checkin.create' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: addCheckinAction,
    input: (fx) => ({ experimentId: String(ownExperiment(fx)), date: '2026-02-02', hoursBeforePerTask: '1', hoursWithAiPerTask: '0.5', tasksPerMonth: '20', note: 'ok' }),
  },
];
