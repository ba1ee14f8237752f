import type { Metadata } from 'next';
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
import { formatNumber } from '@/lib/format';
import { headlineFigures } from '@/lib/metrics/headline';
import { experimentFiltersToSearch, parseExperimentFilters } from '@/lib/validation/experiment-filters';

export const metadata: Metadata = { title: 'Reports' };

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
  const visibleTeams = own ? teams.filter((t) => own.includes(t.id)) : teams;

  return (
    <>
      <PageHeader
        title="Reports"
        description="Download the experiment log as CSV or Excel and the executive report as a PDF. Every file holds exactly the experiments the filters select."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Filters" description="The same filters as the experiment list; a link from the list or the dashboard arrives here with its filters." />
          <ActiveFilters f={filters} names={filterNames(teams, models)} path="/reports" />
          <ReportFilters filters={filters} teams={visibleTeams} paper={paper} />
        </Card>

        <Card>
          <CardHeader
            title="Experiment log"
            description="CSV: one file per table (experiments, capability outcomes, check-ins). Excel: one workbook with a Summary sheet and a sheet per table."
          />
          <p className="mb-3 text-sm" data-testid="export-count">
            <strong>{formatNumber(rows)}</strong> experiments match the filters: every file holds exactly these.
          </p>
          <HeadlineSummary figures={headlineFigures(headline.current, headline.previous)} period={period} currency={settings.currency} />
          {own ? (
            <p className="mb-3 text-sm text-muted-foreground">As a team lead, your exports hold your own teams&apos; experiments.</p>
          ) : null}
          <ExportMenu query={query} formats={['csv', 'outcomes-csv', 'checkins-csv', 'usage-csv', 'xlsx']} />
        </Card>

        <Card>
          <CardHeader
            title="Executive report"
            description={`A board-ready PDF for ${period.from} to ${period.to} (set "Active from" and "Active to" to change the period): headline figures against the previous period, the capability and efficiency ledgers, adoption and mindset charts, the top stories, the re-test radar and the methods.`}
          />
          <ExportMenu query={query} formats={['pdf']} paper={paper} />
        </Card>
      </div>
    </>
  );
}
