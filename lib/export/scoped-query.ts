import { teamScope, type SessionUser } from '@/lib/auth/permissions';
import { cleanSearchParams } from '@/lib/security/clean-text';
import { parseExperimentFilters, type ExperimentFilters } from '@/lib/validation/experiment-filters';
import type { FilterContext } from '@/db/queries/experiments/filters';

/**
 * What a download route reads from its query once the caller's permission is checked: the cleaned
 * parameters, the experiment filters narrowed to the caller's teams (a lead: their own), and the filter
 * context ("mine"). Every file export selects through this, so each holds what the list shows the caller.
 */
export function scopedExportQuery(user: SessionUser, request: Request): { params: URLSearchParams; filters: ExperimentFilters; ctx: FilterContext } {
  const params = cleanSearchParams(request.url);
  return { params, filters: teamScope(user).scopeFilters(parseExperimentFilters(params)), ctx: { userTeamIds: user.teamIds } };
}
