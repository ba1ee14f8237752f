import { getTranslations } from 'next-intl/server';
import type { TeamTableRow } from '@/components/dashboard/team-table';
import type { TeamRow } from '@/db/queries/dashboard/teams';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

/** The team table's rows as it shows them: each figure's drill-down into /experiments, and the outcomes' tooltip. */
export async function teamTableRows(f: DashboardFilters, rows: readonly TeamRow[]): Promise<TeamTableRow[]> {
  const t = await getTranslations('dashboard');
  const { from, to } = f.period;
  return rows.map((r) => ({
    ...r,
    activeHref: drillDownHref({ ...f, team: [r.teamId] }, { from, to }),
    outcomesHref: drillDownHref({ ...f, team: [r.teamId] }, { outcomeFrom: from, outcomeTo: to }),
    outcomesNote: t('outcomesNote', { outcomes: r.outcomes, experiments: r.outcomeExperiments }),
  }));
}
