import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { FiltersDisclosure } from '@/components/filters/filters-disclosure';
import { Suspense, type ReactNode } from 'react';
import { DashboardInsights } from './_sections/insights';
import { Adoption } from './_sections/adoption';
import { CapabilityLedger } from './_sections/capability-ledger';
import { CostPerTask } from './_sections/cost-per-task';
import { EfficiencyLedger } from './_sections/efficiency-ledger';
import { DashboardKpis } from './_sections/kpis';
import { MarketContextSection } from './_sections/market-context';
import { ModelUsage } from './_sections/models';
import { TeamsBreakdown } from './_sections/teams';
import { Telemetry } from './_sections/telemetry';
import { DashboardFilterBar } from '@/components/dashboard/dashboard-filter-bar';
import { DefinitionsList } from '@/components/dashboard/definitions-list';
import { SectionSkeleton } from '@/components/dashboard/section-skeleton';
import { PageHeader } from '@/components/ui/page-header';
import { ExportMenu } from '@/components/reports/export-menu';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { listTeams } from '@/db/queries/people/teams';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission, teamScope } from '@/lib/auth/permissions';
import { experimentFiltersToSearch } from '@/lib/validation/experiment-filters';
import { formatPeriod } from '@/lib/metrics/period';
import { fiscalYearLabel, quarterLabel, quarterOf } from '@/lib/metrics/quarter';
import { dashboardParamsToSearch, effectivePreset, sliceOf } from '@/lib/validation/dashboard-filters';
import { dashboardRequest } from './request';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard.page');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The executive dashboard. The header and filters render at once; every section streams in its own
 * Suspense boundary with a fixed-height skeleton. All figures follow the filters in the URL.
 */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('dashboard.read');
  const [t, locale] = await Promise.all([getTranslations('dashboard'), getLocale()]);
  const db = await getDb();
  const [{ params, filters, org }, teams, models] = await Promise.all([dashboardRequest(user, await searchParams), listTeams(db), dashboard.usedModelOptions(db)]);
  const { currency, today, fyStart } = org;
  // What "Show all" under a long table sends back to fetch its other rows (./table-actions.ts).
  const search = dashboardParamsToSearch(params);
  // A new key per filter set: sections show their skeleton again instead of stale figures.
  const key = JSON.stringify(filters);
  // "Q3 FY2026/27 to date": the fiscal quarter or year the preset stands for (org_settings.fiscal_year_start_month).
  const preset = effectivePreset(params);
  const periodName =
    preset === 'quarter'
      ? t('page.toDate', { period: quarterLabel(quarterOf(today, fyStart), fyStart) })
      : preset === 'year'
        ? t('page.toDate', { period: fiscalYearLabel(today, fyStart) })
        : null;
  // Exports hold the experiments active in the period within the dashboard's slice (the list's "from/to").
  const exportQuery = experimentFiltersToSearch({ ...sliceOf(filters), from: filters.period.from, to: filters.period.to });

  return (
    <>
      <PageHeader
        title={t('page.title')}
        description={t('page.description')}
        actions={hasPermission(user.role, 'reports.export') ? <ExportMenu query={exportQuery} formats={['pdf', 'xlsx', 'csv', 'usage-csv']} /> : null}
      />
      <FiltersDisclosure>
        <DashboardFilterBar
          params={params}
          preset={preset}
          period={filters.period}
          teams={teams}
          models={models}
          canUseMine={user.teamIds.length > 0}
        />
      </FiltersDisclosure>
      <p className="-mt-3 mb-4 text-sm text-muted-foreground" data-testid="period-summary">
        {periodName ? <span data-testid="period-name">{t('page.periodName', { period: periodName })}</span> : null}
        {filters.previous
          ? t('page.comparedWith', { period: formatPeriod(filters.period, locale), previous: formatPeriod(filters.previous, locale) })
          : t('page.noEarlier', { period: formatPeriod(filters.period, locale) })}
      </p>

      <Section id="kpis" title={t('sections.kpis.title')} hidden streamKey={key} skeleton={{ label: t('sections.kpis.skeleton'), className: 'h-[23rem] lg:h-[17rem]' }}>
        <DashboardKpis filters={filters} currency={currency} />
      </Section>

      {/* Capability first and wider: the product's point is what AI makes possible, not only hours saved. */}
      <div className="mt-8 grid gap-6 lg:grid-cols-5">
        <Section id="capability" title={t('sections.capability.title')} description={t('sections.capability.description')} className="lg:col-span-3" accent="capability" streamKey={key} skeleton={{ label: t('sections.capability.skeleton'), className: 'h-[40rem]' }}>
          <CapabilityLedger filters={filters} />
        </Section>
        <Section id="efficiency" title={t('sections.efficiency.title')} description={t('sections.efficiency.description')} className="lg:col-span-2" accent="efficiency" streamKey={key} skeleton={{ label: t('sections.efficiency.skeleton'), className: 'h-[40rem]' }}>
          <EfficiencyLedger filters={filters} currency={currency} />
        </Section>
      </div>

      <Section id="adoption" title={t('sections.adoption.title')} description={t('sections.adoption.description')} streamKey={key} skeleton={{ label: t('sections.adoption.skeleton'), className: 'h-[22rem]' }}>
        <Adoption filters={filters} />
      </Section>

      <Section id="teams" title={t('sections.teams.title')} description={t('sections.teams.description')} streamKey={key} skeleton={{ label: t('sections.teams.skeleton'), className: 'h-[20rem]' }}>
        <TeamsBreakdown filters={filters} currency={currency} search={search} />
      </Section>

      <Section id="models" title={t('sections.models.title')} description={t('sections.models.description')} streamKey={key} skeleton={{ label: t('sections.models.skeleton'), className: 'h-[30rem]' }}>
        <ModelUsage filters={filters} currency={currency} />
      </Section>

      <Section
        id="telemetry"
        title={t('sections.telemetry.title')}
        description={t('sections.telemetry.description')}
        streamKey={key}
        skeleton={{ label: t('sections.telemetry.skeleton'), className: 'h-[36rem]' }}
      >
        <Telemetry filters={filters} scope={teamScope(user).leadsOwnTeams} isAdmin={hasPermission(user.role, 'admin.settings')} search={search} />
      </Section>

      <Section id="cost-per-task" title={t('sections.costPerTask.title')} description={t('sections.costPerTask.description')} streamKey={key} skeleton={{ label: t('sections.costPerTask.skeleton'), className: 'h-[14rem]' }}>
        <CostPerTask filters={filters} />
      </Section>

      <Section id="market-context" title={t('sections.marketContext.title')} description={t('sections.marketContext.description')} streamKey={key} skeleton={{ label: t('sections.marketContext.skeleton'), className: 'h-[14rem]' }}>
        <MarketContextSection teamIds={filters.team} today={today} />
      </Section>

      <section aria-labelledby="insights-heading" className="mt-8">
        <h2 id="insights-heading" className="mb-3 text-lg font-semibold">
          {t('sections.insights.title')}
        </h2>
        {/* Every filter but the period: these figures are about live experiments and the quarter-on-quarter shift. */}
        <p className="-mt-2 mb-3 text-sm text-muted-foreground">{t('sections.insights.description')}</p>
        <Suspense fallback={<SectionSkeleton label={t('sections.insights.skeleton')} className="h-40" />}>
          <DashboardInsights scope={{ teamIds: filters.team, slice: { ...sliceOf(filters), team: undefined }, today, timeZone: org.timeZone, fyStart }} />
        </Suspense>
      </section>

      <DefinitionsList />
    </>
  );
}

function Section({
  id,
  title,
  description,
  className,
  accent,
  hidden,
  streamKey,
  skeleton,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  className?: string;
  accent?: 'capability' | 'efficiency';
  /** the heading is for screen readers only */
  hidden?: boolean;
  /** The figures stream in behind a skeleton of their size; a new key (other filters) shows it again. */
  streamKey: string;
  skeleton: { label: string; className: string };
  children: ReactNode;
}) {
  const bar = accent === 'capability' ? 'border-l-4 border-[var(--chart-capability)] pl-3' : accent === 'efficiency' ? 'border-l-4 border-[var(--chart-efficiency)] pl-3' : '';
  return (
    <section aria-labelledby={`${id}-heading`} className={`${hidden ? '' : 'mt-8'} ${className ?? ''}`} data-testid={`section-${id}`}>
      <div className={hidden ? 'sr-only' : `mb-3 ${bar}`}>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      <Suspense key={streamKey} fallback={<SectionSkeleton {...skeleton} />}>
        {children}
      </Suspense>
    </section>
  );
}
