// The role × action table: an experiment's techniques (app/(app)/experiments/technique-actions.ts, issue 23 §3).
import { addTechniqueAction, deleteTechniqueAction, updateTechniqueAction } from '@/app/(app)/experiments/technique-actions';
import { newTechnique, participantExperiment } from '../action-fixtures';
import { TEAM_WRITERS, ownExperiment, type TableEntry } from './entry';
import { ADDER_REFUSAL } from './experiments';

export const TECHNIQUES: TableEntry[] = [
  {
    name: 'experiments: add technique',
    effect: { changes: ['techniques'], audit: 'technique.create' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    refusal: ADDER_REFUSAL,
    action: addTechniqueAction,
    input: (fx) => ({ experimentId: String(ownExperiment(fx)), kind: 'prompt_pattern', title: 'Counter-argument first', description: '', promptText: 'Argue against {plan}', outcomeId: '' }),
  },
  {
    name: 'experiments: add technique as a participant',
    effect: { changes: ['techniques'], audit: 'technique.create' },
    allowed: ['executive', 'admin'],
    teamScoped: true,
    refusal: ADDER_REFUSAL,
    action: addTechniqueAction,
    input: async (fx) => ({ experimentId: String(await participantExperiment(fx, fx.users.executive.email)), kind: 'workflow', title: 'Draft, then critique' }),
  },
  {
    name: 'experiments: edit technique',
    effect: { changes: ['techniques'], audit: 'technique.update' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: updateTechniqueAction,
    input: async (fx) => ({
      experimentId: String(ownExperiment(fx)),
      techniqueId: String(await newTechnique(fx, ownExperiment(fx))),
      version: '1',
      kind: 'workflow',
      title: 'Corrected',
      promptText: '',
    }),
  },
  {
    name: 'experiments: delete technique',
    effect: { changes: ['techniques'], audit: 'technique.delete' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    action: deleteTechniqueAction,
    input: async (fx) => ({ experimentId: String(ownExperiment(fx)), techniqueId: String(await newTechnique(fx, ownExperiment(fx))), version: '1' }),
  },
];
