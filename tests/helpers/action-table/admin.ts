// The role × action table: administration (app/(app)/admin/actions.ts).
import {
  clearLockOutAction,
  createTeamAction,
  createUserAction,
  resetLinkAction,
  setActiveAction,
  setMembershipAction,
  setRoleAction,
  setTeamRecordingAction,
  updateSettingsAction,
} from '@/app/(app)/admin/actions';
import { setFxRateAction } from '@/app/(app)/admin/usage/rates/actions';
import { lockOut } from '../action-fixtures';
import { teams } from '@/db/schema';
import { ADMIN, type TableEntry } from './entry';

/** Calls of the exchange-rate entry so far: each sets a rate of its own. */
let fxCalls = 0;

export const ADMINISTRATION: TableEntry[] = [
  {
    name: 'admin: create user',
    effect: { changes: ['user', 'account'], audit: 'user.create' },
    allowed: ADMIN,
    action: createUserAction,
    input: (fx) => ({ name: 'New Person', email: `new.${fx.uid()}@example.com`, role: 'lead', teamId: String(fx.teams.own), teamRole: 'member' }),
  },
  { name: 'admin: set role', allowed: ADMIN, action: setRoleAction, input: async (fx) => ({ userId: (await fx.newUser()).id, role: 'lead' }), effect: { changes: ['user'], audit: 'user.role' } },
  {
    name: 'admin: deactivate user',
    allowed: ADMIN,
    action: setActiveAction,
    input: async (fx) => ({ userId: (await fx.newUser()).id, active: 'false' }),
    effect: { changes: ['user'], audit: 'user.deactivate' },
  },
  {
    name: 'admin: reset link',
    allowed: ADMIN,
    action: resetLinkAction,
    input: async (fx) => ({ userId: (await fx.newUser()).id }),
    effect: { changes: ['password_reset_tokens'], audit: 'user.password-reset-link' },
  },
  {
    name: 'admin: team membership',
    effect: { changes: ['team_members'], audit: 'user.teams' },
    allowed: ADMIN,
    action: setMembershipAction,
    input: async (fx) => ({ userId: (await fx.newUser('lead')).id, teamId: String(fx.teams.own), teamRole: 'lead' }),
  },
  {
    name: 'admin: clear a sign-in lock-out',
    allowed: ADMIN,
    action: clearLockOutAction,
    input: lockOut,
    effect: { changes: ['login_attempts'], audit: 'security.clear-lockout' },
  },
  {
    name: 'admin: create team',
    allowed: ADMIN,
    action: createTeamAction,
    input: (fx) => ({ name: `Team ${fx.uid()}`, function: 'Operations' }),
    effect: { changes: ['teams'], audit: 'team.create' },
  },
  {
    // Issue 23 §1: the people who ran a team's experiments may add their results.
    name: 'admin: let a team’s participants record',
    allowed: ADMIN,
    action: setTeamRecordingAction,
    input: async (fx) => {
      const [team] = await fx.db.insert(teams).values({ name: `Team ${fx.uid()}` }).returning({ id: teams.id });
      return { teamId: String(team.id), participantsMayRecord: 'yes' };
    },
    effect: { changes: ['teams'], audit: 'team.recording' },
  },
  {
    name: 'admin: organisation settings',
    effect: { changes: ['org_settings'], audit: 'settings.update' },
    allowed: ADMIN,
    action: updateSettingsAction,
    input: () => ({ name: 'Demo Org', currency: 'EUR', timeZone: 'Europe/Berlin', fiscalYearStartMonth: '4' }),
  },
  {
    // A new rate each call (CHF: never the reporting currency the settings entry sets), so every call writes.
    name: 'admin: set a usage exchange rate',
    effect: { changes: ['usage_fx_rates'], audit: 'usage.fx-rate' },
    allowed: ADMIN,
    action: setFxRateAction,
    input: () => ({ month: '2026-03', currency: 'CHF', rate: `1.${String(++fxCalls).padStart(6, '0')}` }),
  },
];
