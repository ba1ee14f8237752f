import { getLocale, getTranslations } from 'next-intl/server';
import { BarChartSvg } from '@/components/charts/bar-chart-svg';
import { ChartCard } from '@/components/dashboard/chart-card';
import { MINDSET_COLOR, STATUS_COLOR } from '@/components/dashboard/palette';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import type { Status } from '@/db/schema/experiments';
import { MINDSET_MIX_KEYS, type MindsetKey } from '@/lib/metrics/shift';
import { chartTotal, pivot } from '@/lib/metrics/dashboard-series';
import { getFormat } from '@/i18n/format';
import { share } from '@/lib/metrics/kpi';
import { monthBuckets, monthLabel } from '@/lib/metrics/period';
import { NOT_SET } from '@/lib/labels';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

const ACTIVE_STATUSES = ['running', 'completed', 'abandoned'] as const;

/** Adoption over time: active experiments per month by status, teams taking part, and the mindset mix. */
export async function Adoption({ filters: f }: { filters: DashboardFilters }) {
  const db = await getDb();
  const [status, teams, mindset] = await Promise.all([dashboard.statusByMonth(db, f), dashboard.teamsByMonth(db, f), dashboard.mindsetByMonth(db, f)]);
  const [t, tl, locale, fmt] = await Promise.all([getTranslations('dashboard'), getTranslations('labels'), getLocale(), getFormat()]);
  const buckets = monthBuckets(f.period);
  const categories = buckets.map((b) => ({ key: b.month, label: monthLabel(b.month, locale) }));
  const bucket = (month: string) => buckets.find((b) => b.month === month)!;

  const statusRows = pivot(categories, ACTIVE_STATUSES, status, (r) => ({ category: r.month, series: r.key, value: r.experiments }), (m, s) =>
    drillDownHref(f, { from: bucket(m).from, to: bucket(m).to, status: [s as Status] }),
  );
  const teamRows = pivot(categories, ['teams'], teams, (r) => ({ category: r.month, series: 'teams', value: r.teams, note: t('adoption.teamsNote', { teams: r.teams, experiments: r.experiments }) }), (m) =>
    drillDownHref(f, { from: bucket(m).from, to: bucket(m).to }),
  );
  const mindsetRows = pivot(categories, MINDSET_MIX_KEYS, mindset, (r) => ({ category: r.month, series: r.key, value: r.experiments }), (m, s) =>
    drillDownHref(f, { from: bucket(m).from, to: bucket(m).to, mindset: [s as MindsetKey] }),
  );
  const empty = chartTotal(statusRows) === 0;
  const newCapShare = (row: (typeof mindsetRows)[number] | undefined) =>
    row ? share(row.values.new_capability, MINDSET_MIX_KEYS.reduce((t, m) => t + row.values[m], 0)) : null;
  const firstShare = newCapShare(mindsetRows.find((r) => MINDSET_MIX_KEYS.some((m) => r.values[m] > 0)));
  const lastShare = newCapShare(mindsetRows.at(-1));
  const pct = (v: number | null) => fmt.formatPercent(v);

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <ChartCard title={t('adoption.status.title')} description={t('adoption.status.description')} definition={t('definitions.active')} empty={empty} testId="chart-status">
        <BarChartSvg
          label={t('adoption.status.label')}
          summary={t('adoption.status.summary', { months: statusRows.map((r) => `${r.label} ${ACTIVE_STATUSES.reduce((n, s) => n + r.values[s], 0)}`).join(', ') })}
          rows={statusRows}
          series={ACTIVE_STATUSES.map((s) => ({ key: s, label: tl(`status.${s}`), color: STATUS_COLOR[s] }))}
          format="count"
          valueAxis={t('adoption.status.axis')}
          stacked
        />
      </ChartCard>
      <ChartCard title={t('adoption.teams.title')} description={t('adoption.teams.description')} definition={t('definitions.teams')} empty={empty} testId="chart-teams">
        <BarChartSvg
          label={t('adoption.teams.label')}
          summary={t('adoption.teams.summary', { months: teamRows.map((r) => `${r.label} ${r.values.teams}`).join(', ') })}
          rows={teamRows}
          series={[{ key: 'teams', label: t('adoption.teams.series'), color: 'var(--chart-2)' }]}
          format="count"
          valueAxis={t('adoption.teams.series')}
        />
      </ChartCard>
      <ChartCard
        title={t('adoption.mindset.title')}
        description={t('adoption.mindset.description', { first: pct(firstShare), last: pct(lastShare) })}
        definition={t('definitions.mindsetMix')}
        empty={empty}
        testId="chart-mindset"
      >
        <BarChartSvg
          label={t('adoption.mindset.label')}
          summary={t('adoption.mindset.summary', { first: pct(firstShare), last: pct(lastShare) })}
          rows={mindsetRows}
          series={MINDSET_MIX_KEYS.map((m) => ({ key: m, label: m === NOT_SET ? tl('notSet') : tl(`mindsetShort.${m}`), color: MINDSET_COLOR[m] }))}
          format="count"
          valueAxis={t('adoption.mindset.axis')}
          expand
        />
      </ChartCard>
    </div>
  );
}
