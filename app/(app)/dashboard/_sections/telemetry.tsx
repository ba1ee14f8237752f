import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { ChartCard } from '@/components/dashboard/chart-card';
import { DefinitionPopover } from '@/components/dashboard/definition-popover';
import { UsageTrendChart } from '@/components/dashboard/usage-trend-chart';
import { BilledVsReportedTable, SpendText, UsageBreakdownTable } from '@/components/dashboard/usage-tables';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import type { UsageScope } from '@/db/queries/usage/filters';
import { asLocale } from '@/i18n/locales';
import type { ConcentrationSummary } from '@/lib/metrics/concentration';
import { billedConcentrationText } from '@/lib/metrics/billed-concentration-text';
import { MICROS_PER_UNIT } from '@/lib/metrics/usage-currency';
import { firstRows, PREVIEW_ROWS } from '@/lib/table/preview';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { allBilledRows, allUsageTeamRows } from '../table-actions';
import { telemetryText } from './telemetry-rows';

/** Filters that describe experiments only: usage has no work type, status… */
const EXPERIMENT_ONLY = ['workType', 'status', 'mindset', 'q', 'sensitivity', 'outcomeType'] as const;

/**
 * Adoption telemetry: what the vendors measured (imported usage), beside what the experiments report. Follows the
 * dashboard's period and its team, vendor and model filters; a lead sees only their own teams' usage.
 */
export async function Telemetry({ filters: f, scope, isAdmin, search }: { filters: DashboardFilters; scope: UsageScope; isAdmin: boolean; search: string }) {
  const db = await getDb();
  const [t, billed] = await Promise.all([dashboard.usageTelemetry(db, f, scope), dashboard.billedVsReported(db, f, scope)]);
  const text = telemetryText(f, t, asLocale(await getLocale()));
  const { tr, currency, count, compact, spendCell } = text;
  // Vendor concentration by billed spend (the Insights page weighs vendors by experiments; the bills say where the money goes).
  const concentrationText = (c: ConcentrationSummary) => billedConcentrationText(c, asLocale(text.locale));

  if (!t.anyUsage)
    return (
      <Card data-testid="telemetry-empty">
        <p className="text-sm">{tr('telemetry.empty.title')}</p>
        <p className="mt-1 text-sm text-muted-foreground">
          {tr.rich(isAdmin ? 'telemetry.empty.importAdmin' : 'telemetry.empty.importOther', {
            link: (chunks) => (
              <Link href="/admin/usage" className="font-medium text-foreground underline underline-offset-2">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </Card>
    );

  const ignored = EXPERIMENT_ONLY.filter((k) => f[k] !== undefined);
  // The long per-team tables send their first rows; "Show all" fetches the rest (../table-actions.ts).
  const teamRows = firstRows(t.byTeam, PREVIEW_ROWS, false).map(text.teamRow);
  const billedRows = firstRows(billed, PREVIEW_ROWS, false).map(text.billedRow);
  const modelRows = t.byModel.map(text.modelRow);
  const vendorRows = t.byVendor.map(text.vendorRow);
  const trend = t.overTime.map((r) => ({
    label: text.bucketLabel(r.key),
    activeUsers: r.activeUsers,
    requests: r.requests,
    tokens: r.inputTokens + r.outputTokens,
    spend: r.spend.reportingMicros / MICROS_PER_UNIT,
  }));
  const unit = t.granularity === 'week' ? 'week' : 'month';

  return (
    <div className="space-y-4" data-testid="telemetry">
      {ignored.length ? (
        <p className="text-xs text-muted-foreground" data-testid="telemetry-filters-note">
          {tr('telemetry.filtersNote', { filters: ignored.map((k) => tr(`telemetry.filterName.${k}`)).join(', ') })}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Figure title={tr('telemetry.activeUsers.title')} value={t.total.activeUsers == null ? '—' : count(t.total.activeUsers)} note={tr('telemetry.activeUsers.note')} definition={tr('definitions.activeUsers')} testId="telemetry-active-users" />
        <Figure title={tr('telemetry.requests.title')} value={count(t.total.requests)} note={tr('telemetry.requests.note', { input: compact(t.total.inputTokens), output: compact(t.total.outputTokens) })} testId="telemetry-requests" />
        <Figure title={tr('telemetry.tokens.title')} value={compact(t.total.inputTokens + t.total.outputTokens)} note={tr('telemetry.tokens.note')} testId="telemetry-tokens" />
        <Card data-testid="telemetry-spend">
          <div className="flex items-start justify-between gap-2">
            <h3 className="text-sm font-semibold">{tr('telemetry.billedSpend')}</h3>
            <DefinitionPopover title={tr('telemetry.billedSpend')} definition={tr('definitions.billedSpend')} />
          </div>
          <p className="mt-1 text-2xl font-semibold tabular-nums">
            <SpendText cell={spendCell(t.total.spend)} />
          </p>
        </Card>
      </div>

      <ChartCard title={tr(`telemetry.overTime.${unit}.title`)} description={tr(`telemetry.overTime.${unit}.description`)} definition={tr('definitions.activeUsers')} testId="chart-telemetry">
        <UsageTrendChart data={trend} currency={currency} label={tr(`telemetry.overTime.${unit}.label`)} />
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-xs text-muted-foreground hover:text-foreground">{tr('telemetry.overTime.showTable')}</summary>
          <UsageBreakdownTable
            testId="telemetry-by-time"
            whole
            nameHeader={tr(`telemetry.overTime.${unit}.header`)}
            currency={currency}
            rows={t.overTime.map(text.timeRow)}
          />
        </details>
      </ChartCard>

      <div className="grid items-start gap-4 xl:grid-cols-2">
        <ChartCard title={tr('telemetry.byTeam.title')} description={tr('telemetry.byTeam.description')} definition={tr('definitions.activeUsers')} testId="card-telemetry-teams" empty={teamRows.length === 0}>
          <UsageBreakdownTable
            testId="telemetry-by-team"
            nameHeader={tr('telemetry.byTeam.header')}
            rows={teamRows}
            currency={currency}
            total={t.byTeam.length}
            loadAll={allUsageTeamRows.bind(null, search)}
          />
        </ChartCard>
        <div className="space-y-4">
          <ChartCard title={tr('telemetry.byModel.title')} description={tr('telemetry.byModel.description', { top: t.byModel.length || 15 })} definition={tr('definitions.activeUsers')} testId="card-telemetry-models" empty={modelRows.length === 0}>
            <UsageBreakdownTable testId="telemetry-by-model" nameHeader={tr('telemetry.byModel.header')} rows={modelRows} currency={currency} />
          </ChartCard>
          <ChartCard title={tr('telemetry.byVendor.title')} description={concentrationText(t.vendorConcentration)} definition={tr('definitions.activeUsers')} testId="card-telemetry-vendors" empty={vendorRows.length === 0}>
            <UsageBreakdownTable testId="telemetry-by-vendor" nameHeader={tr('telemetry.byVendor.header')} rows={vendorRows} currency={currency} />
          </ChartCard>
        </div>
      </div>

      <ChartCard
        title={tr('telemetry.billedVsReported.title')}
        description={tr('telemetry.billedVsReported.description')}
        definition={tr('definitions.billedVsReported')}
        testId="card-billed-vs-reported"
        empty={billedRows.length === 0}
      >
        <BilledVsReportedTable rows={billedRows} currency={currency} total={billed.length} loadAll={allBilledRows.bind(null, search)} />
        {isAdmin && t.total.spend.unconverted.length ? (
          <p className="mt-2 text-xs">
            {tr.rich('telemetry.billedVsReported.setRates', {
              link: (chunks) => (
                <Link href="/admin/usage/rates" className="font-medium underline underline-offset-2">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : null}
      </ChartCard>
    </div>
  );
}

function Figure({ title, value, note, definition, testId }: { title: string; value: string; note: string; definition?: string; testId: string }) {
  return (
    <Card data-testid={testId}>
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        {definition ? <DefinitionPopover title={title} definition={definition} /> : null}
      </div>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      <p className="text-xs text-muted-foreground">{note}</p>
    </Card>
  );
}
