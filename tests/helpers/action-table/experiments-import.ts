// The role × action table: experiments import (app/(app)/experiments/import).
import { applyImportAction, previewImportAction } from '@/app/(app)/experiments/import/actions';
import * as importTemplateRoute from '@/app/(app)/experiments/import/template/route';
import { experimentImportCsv } from '../action-fixtures';
import { READ_ONLY } from '../action-effects';
import { SIGNED_IN } from '../security-harness';
import { TEAM_WRITERS, adapted, importOutcome, type TableEntry, type Handler } from './entry';

export const EXPERIMENTS_IMPORT: TableEntry[] = [
  {
    name: 'experiments import: preview',
    effect: READ_ONLY,
    allowed: TEAM_WRITERS,
    // Read-only: another team's rows are shown as rejected, nothing is written or audited.
    refusal: (c) => (c === 'otherLead' ? 'invalid' : c === 'anon' ? 'login' : 'forbidden'),
    ...adapted(previewImportAction, {}, importOutcome),
    input: async (fx) => ({ file: new Blob([await experimentImportCsv(fx, fx.teams.own)], { type: 'text/csv' }) }),
  },
  {
    name: 'experiments import: apply',
    effect: { changes: ['experiments', 'experiment_models'], audit: 'experiment.import' },
    allowed: TEAM_WRITERS,
    teamScoped: true,
    ...adapted(applyImportAction, {}, importOutcome),
    input: async (fx) => ({ csv: await experimentImportCsv(fx, fx.teams.own) }),
  },
  {
    name: 'route: GET /experiments/import/template',
    effect: READ_ONLY,
    allowed: SIGNED_IN,
    route: { method: 'GET', path: '/experiments/import/template', handler: importTemplateRoute.GET as Handler },
    input: () => ({}),
    fuzz: false,
  },
];
