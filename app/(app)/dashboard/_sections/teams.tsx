import { getLocale, getTranslations } from 'next-intl/server';
import { asLocale } from '@/i18n/locales';
import { TeamTable } from '@/components/dashboard/team-table';
import { compareTeams, DEFAULT_TEAM_SORT } from '@/components/dashboard/team-sort';
import { EmptyState } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { firstRows, PREVIEW_ROWS } from '@/lib/table/preview';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { allTeamTableRows } from '../table-actions';
import { teamTableRows } from './team-rows';

/**
 * By team: each team's active experiments, capability outcomes, hours saved and spend in the period. The page
 * sends the top ten of the table's opening order; sorting by another column or "Show all" fetches every team.
 */
export async function TeamsBreakdown({ filters: f, currency, search }: { filters: DashboardFilters; currency: string; search: string }) {
  const [rows, t, locale] = await Promise.all([dashboard.teamBreakdown(await getDb(), f), getTranslations('dashboard'), getLocale()]);
  if (rows.length === 0) return <EmptyState title={t('teams.empty')} />;
  const top = firstRows([...rows].sort(compareTeams(DEFAULT_TEAM_SORT)), PREVIEW_ROWS, false);
  return <TeamTable currency={currency} rows={teamTableRows(f, top, asLocale(locale))} total={rows.length} loadAll={allTeamTableRows.bind(null, search)} />;
}
