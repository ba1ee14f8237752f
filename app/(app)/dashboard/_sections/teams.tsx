import { getTranslations } from 'next-intl/server';
import { TeamTable } from '@/components/dashboard/team-table';
import { EmptyState } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

/** By team: each team's active experiments, capability outcomes, hours saved and spend in the period. */
export async function TeamsBreakdown({ filters: f, currency }: { filters: DashboardFilters; currency: string }) {
  const [rows, t] = await Promise.all([dashboard.teamBreakdown(await getDb(), f), getTranslations('dashboard')]);
  if (rows.length === 0) return <EmptyState title={t('teams.empty')} />;
  const { from, to } = f.period;
  return (
    <TeamTable
      currency={currency}
      rows={rows.map((r) => ({
        ...r,
        activeHref: drillDownHref({ ...f, team: [r.teamId] }, { from, to }),
        outcomesHref: drillDownHref({ ...f, team: [r.teamId] }, { outcomeFrom: from, outcomeTo: to }),
        outcomesNote: t('outcomesNote', { outcomes: r.outcomes, experiments: r.outcomeExperiments }),
      }))}
    />
  );
}
