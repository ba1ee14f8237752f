import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { readableTeams, type ApiPrincipal } from './principal';

/**
 * Narrows experiment filters to what the principal may read: a team-scoped service token sees only its
 * team, and asking for other teams matches nothing (0 is no team's id). Others read every team, as in the UI.
 */
export function scopeFilters<F extends Partial<Pick<ExperimentFilters, 'team'>>>(filters: F, principal: ApiPrincipal): F {
  const scope = readableTeams(principal);
  if (!scope) return filters;
  const asked = filters.team?.filter((t) => scope.includes(t));
  return { ...filters, team: !filters.team ? scope : asked?.length ? asked : [0] };
}
