// The role × action table: exports, reports and backups (app/api).
import * as backupRoute from '@/app/api/admin/backup/route';
import * as exportRoute from '@/app/api/export/experiments/route';
import * as reportRoute from '@/app/api/reports/executive/route';
import { backupFile } from '../action-fixtures';
import { READ_ONLY } from '../action-effects';
import { SIGNED_IN } from '../security-harness';
import { ADMIN, type TableEntry, type Handler } from './entry';

export const EXPORTS: TableEntry[] = [
  {
    name: 'route: GET /api/export/experiments (csv)',
    effect: READ_ONLY,
    allowed: SIGNED_IN,
    route: { method: 'GET', path: '/api/export/experiments', handler: exportRoute.GET as Handler },
    input: () => ({ format: 'csv', dataset: 'experiments', status: 'running' }),
  },
  {
    name: 'route: GET /api/export/experiments (xlsx)',
    effect: READ_ONLY,
    allowed: SIGNED_IN,
    route: { method: 'GET', path: '/api/export/experiments', handler: exportRoute.GET as Handler },
    input: () => ({ format: 'xlsx', dataset: 'outcomes' }),
    fuzz: false,
  },
  {
    name: 'route: GET /api/reports/executive',
    effect: READ_ONLY,
    allowed: SIGNED_IN,
    route: { method: 'GET', path: '/api/reports/executive', handler: reportRoute.GET as Handler },
    fuzzShare: 0.25,
    input: () => ({ format: 'pdf', paper: 'a4' }),
  },
  {
    name: 'route: GET /api/admin/backup',
    effect: { changes: ['audit_log'], audit: 'backup.download' },
    allowed: ADMIN,
    route: { method: 'GET', path: '/api/admin/backup', handler: backupRoute.GET as Handler },
    input: () => ({}),
    fuzz: false,
  },
  {
    name: 'route: POST /api/admin/backup (restore; refused while the instance holds data)',
    allowed: [],
    refusal: (c) => (c === 'admin' ? 'invalid' : c === 'anon' ? 'login' : 'forbidden'),
    route: { method: 'POST', path: '/api/admin/backup', handler: backupRoute.POST as Handler },
    fuzzAs: 'admin',
    fuzzShare: 0.25,
    input: async (fx) => ({ file: await backupFile(fx.db) }),
  },
];
