import { getTranslations } from 'next-intl/server';
import { CostPerTaskTable } from '@/components/dashboard/cost-per-task-table';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';

/** What a task really costs, by model and effort, from the check-ins dated in the period. */
export async function CostPerTask({ filters }: { filters: DashboardFilters }) {
  const rows = await dashboard.costPerTask(await getDb(), filters);
  const t = await getTranslations('dashboard.costPerTask');
  return <CostPerTaskTable rows={rows} scope={t('scopePeriod')} />;
}
