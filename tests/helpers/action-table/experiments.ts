// The role × action table: experiments (app/(app)/experiments/actions.ts).
import {
  addCheckinAction,
  addOutcomeAction,
  archiveExperimentAction,
  createExperimentAction,
  deleteOutcomeAction,
  graduateExperimentAction,
  restoreExperimentAction,
  updateExperimentAction,
} from '@/app/(app)/experiments/actions';
import { currentVersion, newExperiment, newOutcome, participantExperiment } from '../action-fixtures';
import type { Caller } from '../security-harness';
import { TEAM_WRITERS, ownExperiment, experimentForm, type TableEntry } from './entry';

/**
 * Adding results is open to every signed-in role (the people who ran an experiment may add when their team
 * allows it, whatever their role): whoever may not add gets the query's message, recorded as denied, not a 403.
 */
export const ADDER_REFUSAL = (caller: Caller) => (caller === 'anon' ? 'login' : 'invalid');

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
    refusal: ADDER_REFUSAL,
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
    refusal: ADDER_REFUSAL,
    action: addCheckinAction,
    input: (fx) => ({ experimentId: String(ownExperiment(fx)), date: '2026-02-02', hoursBeforePerTask: '1', hoursWithAiPerTask: '0.5', tasksPerMonth: '20', note: 'ok' }),
  },
  {
    // An executive who ran an experiment of a team that lets its participants record (issue 23 §1); the lead of
    // another team (teamLead here: this fresh team is nobody's) did not run it and is refused.
    name: 'experiments: add check-in as a participant',
    effect: { changes: ['checkins'], audit: 'checkin.create' },
    allowed: ['executive', 'admin'],
    teamScoped: true,
    refusal: ADDER_REFUSAL,
    action: addCheckinAction,
    input: async (fx) => ({ experimentId: String(await participantExperiment(fx, fx.users.executive.email)), date: '2026-02-02', note: 'from a participant' }),
  },
  {
    name: 'experiments: add outcome as a participant',
    effect: { changes: ['capability_outcomes'], audit: 'outcome.create' },
    allowed: ['executive', 'admin'],
    teamScoped: true,
    refusal: ADDER_REFUSAL,
    action: addOutcomeAction,
    input: async (fx) => ({ experimentId: String(await participantExperiment(fx, fx.users.executive.email)), type: 'insight', description: 'Seen in the field', impact: '3' }),
  },
  {
    // The same experiment while its team's setting is off: only an admin adds.
    name: 'experiments: add check-in as a participant, setting off',
    effect: { changes: ['checkins'], audit: 'checkin.create' },
    allowed: ['admin'],
    teamScoped: true,
    refusal: ADDER_REFUSAL,
    action: addCheckinAction,
    input: async (fx) => ({ experimentId: String(await participantExperiment(fx, fx.users.executive.email, false)), date: '2026-02-02', note: 'from a participant' }),
  },
  {
    name: 'experiments: graduate an exploration',
    effect: { changes: ['experiments'], audit: 'experiment.graduate' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: graduateExperimentAction,
    input: async (fx) => ({ id: String(await newExperiment(fx, fx.teams.own, { exploration: true })), version: '1', targetMetric: 'Hours per monthly report' }),
  },
];
