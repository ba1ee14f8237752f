import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChartCard } from '@/components/dashboard/chart-card';
import { DefinitionPopover } from '@/components/dashboard/definition-popover';
import { UsageTrendChart } from '@/components/dashboard/usage-trend-chart';
import { BilledVsReportedTable, SpendText, UsageBreakdownTable, type BilledVsReportedView, type SpendCell, type UsageTableRow } from '@/components/dashboard/usage-tables';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { NO_MODEL_NAMED, type UsageFigures } from '@/db/queries/usage/telemetry';
import type { UsageScope } from '@/db/queries/usage/filters';
import { getFormat } from '@/i18n/format';
import type { GapReason } from '@/lib/metrics/billed-vs-reported';
import type { ConcentrationSummary } from '@/lib/metrics/concentration';
import { billedConcentrationText } from '@/lib/metrics/billed-concentration-text';
import { asLocale } from '@/i18n/locales';
import { dateTimeFormat, numberFormat } from '@/lib/intl/formatters';
import { monthLabel } from '@/lib/metrics/period';
import { formatMicros, MICROS_PER_UNIT, ratesText, unconvertedText, type SpendTotal } from '@/lib/metrics/usage-currency';
import { spendWordsFor } from '@/lib/export/spend-words';
import { dashboardParamsToSearch, sliceOf, type DashboardFilters, type DashboardParams } from '@/lib/validation/dashboard-filters';

/** The catalog key of each gap explanation (lib/metrics/billed-vs-reported.ts's GAP_EXPLANATION, in the reader's language). */
const GAP_KEY = {
  match: 'match',
  unmapped: 'unmapped',
  'no-experiments': 'noExperiments',
  'no-billed-usage': 'noBilledUsage',
  'billed-more': 'billedMore',
  'reported-more': 'reportedMore',
  nothing: 'nothing',
} as const satisfies Record<GapReason, string>;

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
  const [tr, locale, fmt] = await Promise.all([getTranslations('dashboard'), getLocale(), getFormat()]);
  const count = (n: number) => fmt.formatNumber(Math.round(n));
  const compactFormat = numberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { notation: 'compact', maximumFractionDigits: 1 });
  const compact = (n: number) => compactFormat.format(n);
  // Vendor concentration by billed spend (the Insights page weighs vendors by experiments; the bills say where the money goes).
  const concentrationText = (c: ConcentrationSummary) => billedConcentrationText(c, asLocale(locale));

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

  const base: Partial<DashboardParams> = { ...sliceOf(f), period: 'custom', from: f.period.from, to: f.period.to };
  const href = (extra: Partial<DashboardParams>) => `/dashboard?${dashboardParamsToSearch({ ...base, ...extra })}#telemetry-heading`;
  const money = (micros: number) => formatMicros(micros, currency, 2, locale);
  const words = spendWordsFor(locale);
  const spendCell = (s: SpendTotal): SpendCell => ({ text: money(s.reportingMicros), rates: ratesText(s, currency, words), unconverted: unconvertedText(s, words, locale) });
  // A bucket as the reader names it: "Mar 2026" or "w/c 6 Dec" (the week's Monday); the key is the month or that Monday.
  const dayMonth = dateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const bucketLabel = (key: string) => (t.granularity === 'week' ? tr('telemetry.weekOf', { date: dayMonth.format(new Date(`${key}T00:00:00Z`)) }) : monthLabel(key, locale));
  const cells = (r: UsageFigures) => ({
    activeUsers: r.activeUsers == null ? '—' : count(r.activeUsers),
    requests: count(r.requests),
    tokens: compact(r.inputTokens + r.outputTokens),
    spend: spendCell(r.spend),
  });
  const ignored = EXPERIMENT_ONLY.filter((k) => f[k] !== undefined);

  const teamRows: UsageTableRow[] = t.byTeam.map((r) => ({
    key: String(r.teamId ?? 'unmapped'),
    label: r.teamId == null ? tr('telemetry.unmapped') : r.team,
    href: r.teamId == null ? null : href({ team: [r.teamId] }),
    sub: r.teamId == null ? tr('telemetry.noTeamMapped') : undefined,
    ...cells(r),
  }));
  const modelRows: UsageTableRow[] = t.byModel.map((r) => ({
    key: r.key,
    label: r.slug == null && r.model === NO_MODEL_NAMED ? tr('telemetry.noModelNamed') : r.model,
    href: r.slug ? href({ model: [r.slug] }) : null,
    sub: r.slug ? r.vendor : tr('telemetry.notInCatalog', { vendor: r.vendor }),
    ...cells(r),
  }));
  const vendorRows: UsageTableRow[] = t.byVendor.map((r) => ({ key: r.vendor, label: r.vendor, href: href({ vendor: [r.vendor] }), ...cells(r) }));
  const trend = t.overTime.map((r) => ({
    label: bucketLabel(r.key),
    activeUsers: r.activeUsers,
    requests: r.requests,
    tokens: r.inputTokens + r.outputTokens,
    spend: r.spend.reportingMicros / MICROS_PER_UNIT,
  }));
  const billedRows: BilledVsReportedView[] = billed.map((r) => ({
    key: String(r.teamId ?? 'unmapped'),
    team: r.teamId == null ? tr('telemetry.unmapped') : r.team,
    href: r.teamId == null ? null : href({ team: [r.teamId] }),
    billed: spendCell(r.billed),
    reported: r.teamId == null ? '—' : money(r.reportedMicros),
    reportingExperiments: r.teamId == null ? '' : tr('telemetry.experiments', { count: r.reportingExperiments }),
    gap: `${r.gapMicros > 0 ? '+' : r.gapMicros < 0 ? '−' : ''}${money(Math.abs(r.gapMicros))}`,
    gapSign: r.gapMicros > 0 ? ('over' as const) : r.gapMicros < 0 ? ('under' as const) : ('even' as const),
    why: tr(`telemetry.gap.${GAP_KEY[r.reason]}`),
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
            rows={t.overTime.map((r) => ({ key: r.key, label: bucketLabel(r.key), href: href({ from: r.from, to: r.to }), ...cells(r) }))}
          />
        </details>
      </ChartCard>

      <div className="grid items-start gap-4 xl:grid-cols-2">
        <ChartCard title={tr('telemetry.byTeam.title')} description={tr('telemetry.byTeam.description')} definition={tr('definitions.activeUsers')} testId="card-telemetry-teams" empty={teamRows.length === 0}>
          <UsageBreakdownTable testId="telemetry-by-team" nameHeader={tr('telemetry.byTeam.header')} rows={teamRows} currency={currency} />
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
        <BilledVsReportedTable rows={billedRows} currency={currency} />
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
