// The role × action table: insights (app/(app)/insights/actions.ts).
import { recordMitigationAction, startRetestAction } from '@/app/(app)/insights/actions';
import { currentVersion, flaggedExperiment, retestCandidate } from '../action-fixtures';
import { TEAM_WRITERS, type TableEntry } from './entry';

export const INSIGHTS: TableEntry[] = [
  {
    name: 'insights: start a re-test',
    effect: { changes: ['experiments', 'experiment_models'], audit: 'experiment.retest' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: startRetestAction,
    input: async (fx) => {
      const c = await retestCandidate(fx, fx.teams.own);
      return { experimentId: String(c.experimentId), modelId: String(c.modelId), version: await currentVersion(fx.db, c.experimentId) };
    },
  },
  {
    name: 'insights: record a privacy mitigation',
    effect: { changes: ['experiments'], audit: 'experiment.privacy_mitigation' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: recordMitigationAction,
    input: async (fx) => {
      const e = await flaggedExperiment(fx, fx.teams.own);
      return { experimentId: String(e.id), version: String(e.version), mitigation: 'Enterprise agreement with training opt-out' };
    },
  },
];
