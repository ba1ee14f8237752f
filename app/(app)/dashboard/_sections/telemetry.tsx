import Link from 'next/link';
import { ChartCard } from '@/components/dashboard/chart-card';
import { DefinitionPopover } from '@/components/dashboard/definition-popover';
import { UsageTrendChart } from '@/components/dashboard/usage-trend-chart';
import { BilledVsReportedTable, SpendText, UsageBreakdownTable, type BilledVsReportedView, type SpendCell, type UsageTableRow } from '@/components/dashboard/usage-tables';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import type { UsageFigures } from '@/db/queries/usage/telemetry';
import type { UsageScope } from '@/db/queries/usage/filters';
import { GAP_EXPLANATION } from '@/lib/metrics/billed-vs-reported';
// Vendor concentration by billed spend (the Insights page weighs vendors by experiments; the bills say where the money goes).
import { billedConcentrationText } from '@/lib/metrics/concentration';
import { DEFINITIONS } from '@/lib/metrics/definitions';
import { formatMicros, MICROS_PER_UNIT, ratesText, unconvertedText, type SpendTotal } from '@/lib/metrics/usage-currency';
import { plural } from '@/lib/metrics/dashboard-series';
import { dashboardParamsToSearch, sliceOf, type DashboardFilters, type DashboardParams } from '@/lib/validation/dashboard-filters';

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const compact = (n: number) => new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);

/** Filters that describe experiments only: usage has no work type, status… */
const EXPERIMENT_ONLY = ['workType', 'status', 'mindset', 'q', 'sensitivity', 'outcomeType'] as const;

/**
 * Adoption telemetry: what the vendors measured (imported usage), beside what the experiments report. Follows the
 * dashboard's period and its team, vendor and model filters; a lead sees only their own teams' usage.
 */
export async function Telemetry({ filters: f, scope, isAdmin }: { filters: DashboardFilters; scope: UsageScope; isAdmin: boolean }) {
  const db = await getDb();
  const [t, billed] = await Promise.all([dashboard.usageTelemetry(db, f, scope), dashboard.billedVsReported(db, f, scope)]);
  const currency = t.reportingCurrency;

  if (!t.anyUsage)
    return (
      <Card data-testid="telemetry-empty">
        <p className="text-sm">No usage has been imported yet, so there is no measured adoption or billed spend to show.</p>
        <p className="mt-1 text-sm text-muted-foreground">
          Import a vendor&apos;s usage (GitHub Copilot, OpenAI, Anthropic, LiteLLM, or any tool with the CSV template) or connect a vendor to pull it every
          day, on{' '}
          <Link href="/admin/usage" className="font-medium text-foreground underline underline-offset-2">
            Usage data
          </Link>
          {isAdmin ? '.' : ' (an admin does this).'}
        </p>
      </Card>
    );

  const base: Partial<DashboardParams> = { ...sliceOf(f), period: 'custom', from: f.period.from, to: f.period.to };
  const href = (extra: Partial<DashboardParams>) => `/dashboard?${dashboardParamsToSearch({ ...base, ...extra })}#telemetry-heading`;
  const spendCell = (s: SpendTotal): SpendCell => ({ text: formatMicros(s.reportingMicros, currency), rates: ratesText(s, currency), unconverted: unconvertedText(s) });
  const cells = (r: UsageFigures) => ({
    activeUsers: r.activeUsers == null ? '—' : count(r.activeUsers),
    requests: count(r.requests),
    tokens: compact(r.inputTokens + r.outputTokens),
    spend: spendCell(r.spend),
  });
  const ignored = EXPERIMENT_ONLY.filter((k) => f[k] !== undefined);

  const teamRows: UsageTableRow[] = t.byTeam.map((r) => ({
    key: String(r.teamId ?? 'unmapped'),
    label: r.team,
    href: r.teamId == null ? null : href({ team: [r.teamId] }),
    sub: r.teamId == null ? 'No Uplift team mapped: map it on Usage data' : undefined,
    ...cells(r),
  }));
  const modelRows: UsageTableRow[] = t.byModel.map((r) => ({
    key: r.key,
    label: r.model,
    href: r.slug ? href({ model: [r.slug] }) : null,
    sub: r.slug ? r.vendor : `${r.vendor} · not in the catalog (no alias)`,
    ...cells(r),
  }));
  const vendorRows: UsageTableRow[] = t.byVendor.map((r) => ({ key: r.vendor, label: r.vendor, href: href({ vendor: [r.vendor] }), ...cells(r) }));
  const trend = t.overTime.map((r) => ({
    label: r.label,
    activeUsers: r.activeUsers,
    requests: r.requests,
    tokens: r.inputTokens + r.outputTokens,
    spend: r.spend.reportingMicros / MICROS_PER_UNIT,
  }));
  const billedRows: BilledVsReportedView[] = billed.map((r) => ({
    key: String(r.teamId ?? 'unmapped'),
    team: r.team,
    href: r.teamId == null ? null : href({ team: [r.teamId] }),
    billed: spendCell(r.billed),
    reported: r.teamId == null ? '—' : formatMicros(r.reportedMicros, currency),
    reportingExperiments: r.teamId == null ? '' : plural(r.reportingExperiments, 'experiment'),
    gap: `${r.gapMicros > 0 ? '+' : r.gapMicros < 0 ? '−' : ''}${formatMicros(Math.abs(r.gapMicros), currency)}`,
    gapSign: r.gapMicros > 0 ? ('over' as const) : r.gapMicros < 0 ? ('under' as const) : ('even' as const),
    why: GAP_EXPLANATION[r.reason],
  }));
  const noun = t.granularity === 'week' ? 'week' : 'month';

  return (
    <div className="space-y-4" data-testid="telemetry">
      {ignored.length ? (
        <p className="text-xs text-muted-foreground" data-testid="telemetry-filters-note">
          Usage has no {ignored.map((k) => FILTER_NAME[k]).join(', ')}: those filters narrow the experiments (the reported spend below), not the usage.
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Figure title="Active users" value={t.total.activeUsers == null ? '—' : count(t.total.activeUsers)} note="Daily maximum in the period, never a sum" definition={DEFINITIONS.activeUsers} testId="telemetry-active-users" />
        <Figure title="Requests" value={count(t.total.requests)} note={`${compact(t.total.inputTokens)} input, ${compact(t.total.outputTokens)} output tokens`} testId="telemetry-requests" />
        <Figure title="Tokens" value={compact(t.total.inputTokens + t.total.outputTokens)} note="Input and output, as the vendors measured them" testId="telemetry-tokens" />
        <Card data-testid="telemetry-spend">
          <div className="flex items-start justify-between gap-2">
            <h3 className="text-sm font-semibold">Billed spend</h3>
            <DefinitionPopover title="Billed spend" definition={DEFINITIONS.billedSpend} />
          </div>
          <p className="mt-1 text-2xl font-semibold tabular-nums">
            <SpendText cell={spendCell(t.total.spend)} />
          </p>
        </Card>
      </div>

      <ChartCard title={`Over time, by ${noun}`} description={`Active users are each ${noun}'s daily maximum; requests, tokens and spend are its totals`} definition={DEFINITIONS.activeUsers} testId="chart-telemetry">
        <UsageTrendChart data={trend} currency={currency} label={`Adoption telemetry by ${noun}`} />
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-xs text-muted-foreground hover:text-foreground">Show data table</summary>
          <UsageBreakdownTable
            testId="telemetry-by-time"
            nameHeader={noun === 'week' ? 'Week' : 'Month'}
            currency={currency}
            rows={t.overTime.map((r) => ({ key: r.key, label: r.label, href: href({ from: r.from, to: r.to }), ...cells(r) }))}
          />
        </details>
      </ChartCard>

      <div className="grid items-start gap-4 xl:grid-cols-2">
        <ChartCard title="By team" description="Usage with no Uplift team is shown as Unmapped" definition={DEFINITIONS.activeUsers} testId="card-telemetry-teams" empty={teamRows.length === 0}>
          <UsageBreakdownTable testId="telemetry-by-team" nameHeader="Team" rows={teamRows} currency={currency} />
        </ChartCard>
        <div className="space-y-4">
          <ChartCard title="By model" description={`Largest spend first (top ${t.byModel.length || 15})`} definition={DEFINITIONS.activeUsers} testId="card-telemetry-models" empty={modelRows.length === 0}>
            <UsageBreakdownTable testId="telemetry-by-model" nameHeader="Model" rows={modelRows} currency={currency} />
          </ChartCard>
          <ChartCard title="By vendor" description={billedConcentrationText(t.vendorConcentration)} definition={DEFINITIONS.activeUsers} testId="card-telemetry-vendors" empty={vendorRows.length === 0}>
            <UsageBreakdownTable testId="telemetry-by-vendor" nameHeader="Vendor" rows={vendorRows} currency={currency} />
          </ChartCard>
        </div>
      </div>

      <ChartCard
        title="Billed versus reported"
        description="Each team's billed spend beside the spend its experiments report, and why they differ"
        definition={DEFINITIONS.billedVsReported}
        testId="card-billed-vs-reported"
        empty={billedRows.length === 0}
      >
        <BilledVsReportedTable rows={billedRows} currency={currency} />
        {isAdmin && t.total.spend.unconverted.length ? (
          <p className="mt-2 text-xs">
            <Link href="/admin/usage/rates" className="font-medium underline underline-offset-2">
              Set the missing exchange rates
            </Link>{' '}
            to convert the flagged bills.
          </p>
        ) : null}
      </ChartCard>
    </div>
  );
}

const FILTER_NAME: Record<(typeof EXPERIMENT_ONLY)[number], string> = {
  workType: 'work type',
  status: 'status',
  mindset: 'mindset',
  q: 'text',
  sensitivity: 'data sensitivity',
  outcomeType: 'outcome type',
};

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
