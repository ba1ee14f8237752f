import type { Metadata } from 'next';
import { FiltersDisclosure } from '@/components/filters/filters-disclosure';
import { Suspense, type ReactNode } from 'react';
import { DashboardInsights } from './_sections/insights';
import { Adoption } from './_sections/adoption';
import { CapabilityLedger } from './_sections/capability-ledger';
import { CostPerTask } from './_sections/cost-per-task';
import { EfficiencyLedger } from './_sections/efficiency-ledger';
import { DashboardKpis } from './_sections/kpis';
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
import { effectivePreset, parseDashboardParams, resolveDashboardFilters, sliceOf } from '@/lib/validation/dashboard-filters';
import { todayIn } from '@/lib/metrics/today';

export const metadata: Metadata = { title: 'Dashboard' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The executive dashboard. The header and filters render at once; every section streams in its own
 * Suspense boundary with a fixed-height skeleton. All figures follow the filters in the URL.
 */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('dashboard.read');
  const params = parseDashboardParams(await searchParams);
  const db = await getDb();
  const today = todayIn();
  const [earliest, teams, models] = await Promise.all([dashboard.earliestStart(db), listTeams(db), dashboard.usedModelOptions(db)]);
  const filters = resolveDashboardFilters(params, { today, earliest, myTeamIds: user.teamIds });
  // A new key per filter set: sections show their skeleton again instead of stale figures.
  const key = JSON.stringify(filters);
  // Exports hold the experiments active in the period within the dashboard's slice (the list's "from/to").
  const exportQuery = experimentFiltersToSearch({ ...sliceOf(filters), from: filters.period.from, to: filters.period.to });

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="What AI is changing in the organisation: new capabilities first, then efficiency."
        actions={hasPermission(user.role, 'reports.export') ? <ExportMenu query={exportQuery} formats={['pdf', 'xlsx', 'csv', 'usage-csv']} /> : null}
      />
      <FiltersDisclosure>
        <DashboardFilterBar
          params={params}
          preset={effectivePreset(params)}
          period={filters.period}
          teams={teams}
          models={models}
          canUseMine={user.teamIds.length > 0}
        />
      </FiltersDisclosure>
      <p className="-mt-3 mb-4 text-sm text-muted-foreground" data-testid="period-summary">
        {formatPeriod(filters.period)}
        {filters.previous ? ` · compared with ${formatPeriod(filters.previous)}` : ' · no earlier period to compare with'}
      </p>

      <Section id="kpis" title="Headline figures" hidden>
        <Suspense key={key} fallback={<SectionSkeleton label="headline figures" className="h-[23rem] lg:h-[17rem]" />}>
          <DashboardKpis filters={filters} />
        </Suspense>
      </Section>

      {/* Capability first and wider: the product's point is what AI makes possible, not only hours saved. */}
      <div className="mt-8 grid gap-6 lg:grid-cols-5">
        <Section id="capability" title="Capability ledger" description="What AI made possible that was not possible before" className="lg:col-span-3" accent="capability">
          <Suspense key={key} fallback={<SectionSkeleton label="capability ledger" className="h-[40rem]" />}>
            <CapabilityLedger filters={filters} />
          </Suspense>
        </Section>
        <Section id="efficiency" title="Efficiency ledger" description="Time saved and what it costs" className="lg:col-span-2" accent="efficiency">
          <Suspense key={key} fallback={<SectionSkeleton label="efficiency ledger" className="h-[40rem]" />}>
            <EfficiencyLedger filters={filters} />
          </Suspense>
        </Section>
      </div>

      <Section id="adoption" title="Adoption over time" description="Experiments active each month: status, teams taking part, and the shift from automation to augmentation">
        <Suspense key={key} fallback={<SectionSkeleton label="adoption" className="h-[22rem]" />}>
          <Adoption filters={filters} />
        </Suspense>
      </Section>

      <Section id="teams" title="By team" description="Sort by any column; every figure lists its experiments">
        <Suspense key={key} fallback={<SectionSkeleton label="teams" className="h-[20rem]" />}>
          <TeamsBreakdown filters={filters} />
        </Suspense>
      </Section>

      <Section id="models" title="Model usage" description="Which models and vendors the active experiments use, and their spend">
        <Suspense key={key} fallback={<SectionSkeleton label="model usage" className="h-[30rem]" />}>
          <ModelUsage filters={filters} />
        </Suspense>
      </Section>

      <Section
        id="telemetry"
        title="Adoption telemetry"
        description="What the vendors measured: active users, requests, tokens and billed spend, from imported usage, beside what the experiments report"
      >
        <Suspense key={key} fallback={<SectionSkeleton label="adoption telemetry" className="h-[36rem]" />}>
          <Telemetry filters={filters} scope={teamScope(user).leadsOwnTeams} isAdmin={hasPermission(user.role, 'admin.settings')} />
        </Suspense>
      </Section>

      <Section id="cost-per-task" title="Cost per task" description="What a task really costs by model and reasoning effort, from your check-ins, beside the per-token price">
        <Suspense key={key} fallback={<SectionSkeleton label="cost per task" className="h-[14rem]" />}>
          <CostPerTask filters={filters} />
        </Suspense>
      </Section>

      <section aria-labelledby="insights-heading" className="mt-8">
        <h2 id="insights-heading" className="mb-3 text-lg font-semibold">
          Insights
        </h2>
        <Suspense fallback={<SectionSkeleton label="insights" className="h-40" />}>
          <DashboardInsights teamIds={filters.team} />
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
  children,
}: {
  id: string;
  title: string;
  description?: string;
  className?: string;
  accent?: 'capability' | 'efficiency';
  /** the heading is for screen readers only */
  hidden?: boolean;
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
      {children}
    </section>
  );
}
