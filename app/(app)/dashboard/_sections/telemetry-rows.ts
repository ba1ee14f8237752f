import type { BilledVsReportedView, SpendCell, UsageTableRow } from '@/components/dashboard/usage-tables';
import { NO_MODEL_NAMED, type UsageFigures, type UsageTelemetry } from '@/db/queries/usage/telemetry';
import type { BilledVsReportedRow } from '@/db/queries/usage/billed-vs-reported';
import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import { formatterFor } from '@/lib/format';
import { dateTimeFormat, numberFormat } from '@/lib/intl/formatters';
import type { GapReason } from '@/lib/metrics/billed-vs-reported';
import { monthLabel } from '@/lib/metrics/period';
import { formatMicros, ratesText, unconvertedText, type SpendTotal } from '@/lib/metrics/usage-currency';
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

/**
 * How the telemetry section writes its figures and rows in the reader's language: the section renders with it,
 * and the actions that send a long table's other rows (../table-actions.ts) build them the same way.
 */
export function telemetryText(f: DashboardFilters, telemetry: Pick<UsageTelemetry, 'reportingCurrency' | 'granularity'>, locale: Locale) {
  const currency = telemetry.reportingCurrency;
  // The reader's language passed in, not read from the request: the actions that send the other rows run outside a page.
  const tr = translatorFor(locale, 'dashboard');
  const fmt = formatterFor(locale);
  const count = (n: number) => fmt.formatNumber(Math.round(n));
  const compactFormat = numberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { notation: 'compact', maximumFractionDigits: 1 });
  const compact = (n: number) => compactFormat.format(n);
  const base: Partial<DashboardParams> = { ...sliceOf(f), period: 'custom', from: f.period.from, to: f.period.to };
  const href = (extra: Partial<DashboardParams>) => `/dashboard?${dashboardParamsToSearch({ ...base, ...extra })}#telemetry-heading`;
  const money = (micros: number) => formatMicros(micros, currency, 2, locale);
  const words = spendWordsFor(locale);
  const spendCell = (s: SpendTotal): SpendCell => ({ text: money(s.reportingMicros), rates: ratesText(s, currency, words), unconverted: unconvertedText(s, words, locale) });
  // A bucket as the reader names it: "Mar 2026" or "w/c 6 Dec" (the week's Monday); the key is the month or that Monday.
  const dayMonth = dateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const bucketLabel = (key: string) =>
    telemetry.granularity === 'week' ? tr('telemetry.weekOf', { date: dayMonth.format(new Date(`${key}T00:00:00Z`)) }) : monthLabel(key, locale);
  const cells = (r: UsageFigures) => ({
    activeUsers: r.activeUsers == null ? '—' : count(r.activeUsers),
    requests: count(r.requests),
    tokens: compact(r.inputTokens + r.outputTokens),
    spend: spendCell(r.spend),
  });

  return {
    tr,
    locale,
    currency,
    count,
    compact,
    money,
    spendCell,
    bucketLabel,
    href,
    teamRow: (r: UsageTelemetry['byTeam'][number]): UsageTableRow => ({
      key: String(r.teamId ?? 'unmapped'),
      label: r.teamId == null ? tr('telemetry.unmapped') : r.team,
      href: r.teamId == null ? null : href({ team: [r.teamId] }),
      sub: r.teamId == null ? tr('telemetry.noTeamMapped') : undefined,
      ...cells(r),
    }),
    modelRow: (r: UsageTelemetry['byModel'][number]): UsageTableRow => ({
      key: r.key,
      label: r.slug == null && r.model === NO_MODEL_NAMED ? tr('telemetry.noModelNamed') : r.model,
      href: r.slug ? href({ model: [r.slug] }) : null,
      sub: r.slug ? r.vendor : tr('telemetry.notInCatalog', { vendor: r.vendor }),
      ...cells(r),
    }),
    vendorRow: (r: UsageTelemetry['byVendor'][number]): UsageTableRow => ({ key: r.vendor, label: r.vendor, href: href({ vendor: [r.vendor] }), ...cells(r) }),
    timeRow: (r: UsageTelemetry['overTime'][number]): UsageTableRow => ({ key: r.key, label: bucketLabel(r.key), href: href({ from: r.from, to: r.to }), ...cells(r) }),
    billedRow: (r: BilledVsReportedRow): BilledVsReportedView => ({
      key: String(r.teamId ?? 'unmapped'),
      team: r.teamId == null ? tr('telemetry.unmapped') : r.team,
      href: r.teamId == null ? null : href({ team: [r.teamId] }),
      billed: spendCell(r.billed),
      reported: r.teamId == null ? '—' : money(r.reportedMicros),
      reportingExperiments: r.teamId == null ? '' : tr('telemetry.experiments', { count: r.reportingExperiments }),
      gap: `${r.gapMicros > 0 ? '+' : r.gapMicros < 0 ? '−' : ''}${money(Math.abs(r.gapMicros))}`,
      gapSign: r.gapMicros > 0 ? ('over' as const) : r.gapMicros < 0 ? ('under' as const) : ('even' as const),
      why: tr(`telemetry.gap.${GAP_KEY[r.reason]}`),
    }),
  };
}
