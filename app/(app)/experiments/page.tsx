import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ListFilters } from '@/components/experiments/list-filters';
import { ActiveFilters, filterNames } from '@/components/filters/active-filters';
import { ExperimentsTable, ListSums, Pagination } from '@/components/experiments/list-table';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listExperiments } from '@/db/queries/experiments/list';
import { listModelChoices } from '@/db/queries/experiments/detail';
import { listTeams } from '@/db/queries/people/teams';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission, teamScope } from '@/lib/auth/permissions';
import { experimentFiltersToSearch, parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { ExportMenu } from '@/components/reports/export-menu';
import { getOrgCalendar } from '@/db/queries/admin/org-calendar';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('experiments');
  return { title: t('list.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ExperimentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('experiments.read');
  const t = await getTranslations('experiments');
  const f = parseExperimentFilters(await searchParams);
  const db = await getDb();
  const org = await getOrgCalendar(db);
  const [result, teams, models] = await Promise.all([
    listExperiments(db, f, { userTeamIds: user.teamIds, today: org.today }),
    listTeams(db),
    listModelChoices(db),
  ]);
  const vendors = [...new Set(models.map((m) => m.vendor))].sort();
  const canCreate = teamScope(user).canCreate;
  const canExport = hasPermission(user.role, 'reports.export');
  const filtered = Object.entries(f).some(([k, v]) => v !== undefined && !['page', 'sort', 'dir'].includes(k));
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          canCreate ? (
            <>
              <Link href="/experiments/import" className={buttonClasses('secondary')}>{t('list.importCsv')}</Link>
              <Link href="/experiments/new" className={buttonClasses()}>{t('list.newExperiment')}</Link>
            </>
          ) : null
        }
      />
      <ListFilters f={f} options={{ teams, models, vendors }} />
      <ActiveFilters f={f} names={filterNames(teams, models)} path="/experiments" />
      {result.total === 0 ? (
        <EmptyState title={filtered ? t('list.emptyFiltered') : t('list.emptyNone')}>
          {filtered ? (
            <Link href="/experiments" className="underline">{t('list.clearFilters')}</Link>
          ) : canCreate ? (
            <Link href="/experiments/new" className="underline">{t('list.logFirst')}</Link>
          ) : (
            t('list.leadsLog')
          )}
        </EmptyState>
      ) : (
        <>
          <ExperimentsTable rows={result.rows} f={f} currency={org.currency} />
          <Pagination f={f} page={result.page} pages={result.pages} total={result.total} />
          <ListSums total={result.total} sums={result.sums} currency={org.currency} />
          {canExport ? (
            <div className="mt-4">
              <ExportMenu query={experimentFiltersToSearch({ ...f, page: 1 })} formats={['csv', 'xlsx']} />
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
