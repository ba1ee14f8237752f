import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActiveFilters, filterNames } from '@/components/filters/active-filters';
import { ExportMenu } from '@/components/reports/export-menu';
import { ReportFilters } from '@/components/reports/report-filters';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { countExperiments } from '@/db/queries/reports/export';
import { listModelChoices } from '@/db/queries/experiments/detail';
import { getHeadlineFigures } from '@/db/queries/dashboard/headline';
import { getSettings } from '@/db/queries/admin/settings';
import { listTeams } from '@/db/queries/people/teams';
import { requirePermission } from '@/lib/auth/guard';
import { teamScope } from '@/lib/auth/permissions';
import { HeadlineSummary } from '@/components/reports/headline-summary';
import { getFormat } from '@/i18n/format';
import { headlineFigures } from '@/lib/metrics/headline';
import { experimentFiltersToSearch, parseExperimentFilters } from '@/lib/validation/experiment-filters';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportsPage({ searchParams }: Props) {
  const user = await requirePermission('reports.export');
  const params = await searchParams;
  const filters = parseExperimentFilters(params);
  const paper = params.paper === 'letter' ? 'letter' : 'a4';
  const query = experimentFiltersToSearch({ ...filters, page: 1 });
  const db = await getDb();
  const scope = teamScope(user);
  const scoped = scope.scopeFilters(filters);
  const ctx = { userTeamIds: user.teamIds };
  const [rows, headline, teams, settings, models] = await Promise.all([
    countExperiments(db, scoped, ctx),
    getHeadlineFigures(db, scoped, ctx),
    listTeams(db),
    getSettings(db),
    listModelChoices(db),
  ]);
  const { period } = headline.filters;
  const own = scope.leadsOwnTeams;
  const visibleTeams = own ? teams.filter((team) => own.includes(team.id)) : teams;
  const [t, f] = await Promise.all([getTranslations('reports'), getFormat()]);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t('filtersCard.title')} description={t('filtersCard.description')} />
          <ActiveFilters f={filters} names={filterNames(teams, models)} path="/reports" />
          <ReportFilters filters={filters} teams={visibleTeams} paper={paper} />
        </Card>

        <Card>
          <CardHeader
            title={t('log.title')}
            description={t('log.description')}
          />
          <p className="mb-3 text-sm" data-testid="export-count">
            {t.rich('log.count', { count: f.formatNumber(rows), strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <HeadlineSummary figures={headlineFigures(headline.current, headline.previous)} period={period} currency={settings.currency} />
          {own ? (
            <p className="mb-3 text-sm text-muted-foreground">{t('log.leadScope')}</p>
          ) : null}
          <ExportMenu query={query} formats={['csv', 'outcomes-csv', 'checkins-csv', 'usage-csv', 'xlsx']} />
        </Card>

        <Card>
          <CardHeader
            title={t('executive.title')}
            description={t('executive.description', { from: period.from, to: period.to })}
          />
          <ExportMenu query={query} formats={['pdf']} paper={paper} />
        </Card>
      </div>
    </>
  );
}
