import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { hasPermission, type SessionUser } from './permissions';

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
