// The role × action table: usage data (app/(app)/admin/usage/actions.ts, app/api/admin/usage, app/api/usage/import).
import { setUsageMappingAction, setUsageRetentionAction } from '@/app/(app)/admin/usage/actions';
import * as usageImportRoute from '@/app/api/admin/usage/import/route';
import * as usageTemplateRoute from '@/app/api/admin/usage/template/route';
import * as usageCommandRoute from '@/app/api/usage/import/route';
import { READ_ONLY } from '../action-effects';
import { ADMIN, type Handler, type TableEntry } from './entry';

/** A one-row usage CSV whose team is new on every call, so each call has something to write. */
const csv = (uid: string) => `date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users\n2026-11-02,team-${uid},Acme,acme-1,3,10,5,0.25,USD,2\n`;

export const USAGE: TableEntry[] = [
  {
    name: 'route: POST /api/admin/usage/import',
    effect: { changes: ['usage_daily', 'usage_imports'], audit: 'usage.import' },
    allowed: ADMIN,
    route: { method: 'POST', path: '/api/admin/usage/import?source=csv&name=usage.csv', body: 'text', handler: usageImportRoute.POST as Handler },
    input: (fx) => ({ body: csv(fx.uid()) }),
  },
  {
    name: 'route: GET /api/admin/usage/template',
    effect: READ_ONLY,
    allowed: ADMIN,
    route: { method: 'GET', path: '/api/admin/usage/template', handler: usageTemplateRoute.GET as Handler },
    input: () => ({}),
    fuzz: false,
  },
  {
    // `npm run usage` signs with the app secret (tests/usage-command.test.ts); a session is not enough.
    name: 'route: POST /api/usage/import (no signature)',
    allowed: [],
    refusal: () => 'login',
    route: { method: 'POST', path: '/api/usage/import?source=csv&name=usage.csv', body: 'text', handler: usageCommandRoute.POST as Handler },
    input: (fx) => ({ body: csv(fx.uid()) }),
  },
  {
    name: 'admin: map a usage team',
    effect: { changes: ['usage_team_mappings'], audit: 'usage.mapping' },
    allowed: ADMIN,
    action: setUsageMappingAction,
    input: (fx) => ({ source: 'csv', externalTeam: `ext-${fx.uid()}`, teamId: String(fx.teams.own) }),
  },
  {
    name: 'admin: usage retention',
    effect: { changes: ['org_settings'], audit: 'usage.retention.set' },
    allowed: ADMIN,
    action: setUsageRetentionAction,
    input: () => ({ days: '400' }),
  },
];
