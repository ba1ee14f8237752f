import type { Role } from '@/db/schema/auth';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';

/** Every permission in the app; roles map to them in one table, never by comparing role strings inline. */
export const PERMISSIONS = [
  'experiments.read',
  'experiments.write', // scoped further to the teams a lead leads: see teamScope
  'models.read',
  'models.write',
  'dashboard.read',
  'reports.export',
  'admin.users',
  'admin.settings',
  'admin.backup',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['experiments.read', 'models.read', 'dashboard.read', 'reports.export'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  lead: [...READ, 'experiments.write'],
  executive: READ,
};

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Teams where the user is a member with team role `lead`. */
  leadTeamIds: number[];
  teamIds: number[];
  /** The language the person chose (i18n/locales.ts); null follows the browser. */
  locale?: string | null;
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Where each role lands after sign-in. */
const HOME_PATH: Record<Role, string> = { admin: '/dashboard', lead: '/experiments', executive: '/dashboard' };

export function homePath(role: Role): string {
  return HOME_PATH[role];
}

/**
 * Which teams a user acts on, the one place that reads a role for it (the permissions table says what a
 * role may do; this says on which teams). Admins change every team's experiments; leads change the teams
 * they lead and read exports, reports and insights of their own teams; executives change none and read all.
 */
export type TeamScope = {
  /** May change this team's experiments (and its outcomes, check-ins, re-tests and mitigations). */
  canEdit: (teamId: number) => boolean;
  /** May create an experiment in some team. */
  canCreate: boolean;
  /** The team a new experiment goes to when the form names none: a lead's only team. */
  defaultTeam: number | null;
  /** A lead's own teams: what their exports and reports hold, and what Insights opens on; null for anyone else. */
  leadsOwnTeams: number[] | null;
  /** Experiment filters narrowed to leadsOwnTeams; an empty scope selects nothing, never "no team filter". */
  scopeFilters: (filters: ExperimentFilters) => ExperimentFilters;
};

export type ScopedUser = Pick<SessionUser, 'role' | 'teamIds' | 'leadTeamIds'>;

export function teamScope(user: ScopedUser): TeamScope {
  const writes = hasPermission(user.role, 'experiments.write');
  const everyTeam = user.role === 'admin';
  const leadsOwnTeams = user.role === 'lead' ? user.teamIds : null;
  return {
    canEdit: (teamId) => writes && (everyTeam || user.leadTeamIds.includes(teamId)),
    canCreate: writes && (everyTeam || user.leadTeamIds.length > 0),
    defaultTeam: !everyTeam && user.leadTeamIds.length === 1 ? user.leadTeamIds[0] : null,
    leadsOwnTeams,
    scopeFilters: (filters) => {
      if (!leadsOwnTeams) return filters;
      const allowed = filters.team ? filters.team.filter((t) => leadsOwnTeams.includes(t)) : leadsOwnTeams;
      return { ...filters, team: allowed.length ? allowed : [-1] };
    },
  };
}

/**
 * Who ran an experiment: its owner, and the people its participants field names, one per line — by their
 * email address, or by their name when they are a member of the experiment's team (a name alone is not
 * unique across the organisation; inside one team it is what people write). Case and spaces do not matter.
 */
export type RunnerUser = Pick<SessionUser, 'id' | 'email' | 'name' | 'teamIds'>;
export type RunExperiment = { ownerId: string | null; participants: string; teamId: number };

export function ranExperiment(user: RunnerUser, e: RunExperiment): boolean {
  if (e.ownerId != null && e.ownerId === user.id) return true;
  const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const lines = new Set(e.participants.split('\n').map(fold).filter(Boolean));
  if (lines.has(fold(user.email))) return true;
  return user.teamIds.includes(e.teamId) && fold(user.name) !== '' && lines.has(fold(user.name));
}

/**
 * May add capability outcomes, check-ins and techniques to the experiment: whoever may change it (teamScope),
 * and, where an admin allowed it for the team (teams.participants_may_record), the people who ran it whatever
 * their role. Correcting or removing what was recorded stays with those who may change the experiment.
 */
export function mayAddResults(user: ScopedUser & RunnerUser, e: RunExperiment, team: { participantsMayRecord: boolean }): boolean {
  return teamScope(user).canEdit(e.teamId) || (team.participantsMayRecord && ranExperiment(user, e));
}
