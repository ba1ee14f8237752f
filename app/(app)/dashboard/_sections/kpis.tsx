import { getTranslations } from 'next-intl/server';
import { KpiCard, type KpiCardProps } from '@/components/dashboard/kpi-card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { getFormat } from '@/i18n/format';
import { HEADLINE, HEADLINE_DEFINITION, type HeadlineId } from '@/lib/metrics/headline';
import { change, shareChange } from '@/lib/metrics/kpi';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

/** The headline cards: capability figures first, then adoption, then efficiency. */
export async function DashboardKpis({ filters: f, currency }: { filters: DashboardFilters; currency: string }) {
  const [{ current: c, previous: p, teamsInScope }, t, fmt] = await Promise.all([dashboard.kpis(await getDb(), f), getTranslations('dashboard'), getFormat()]);
  const { from, to } = f.period;
  const active = { from, to };
  const completed = { completedFrom: from, completedTo: to };
  // Kind and value come from the headline list, as in every export of these figures; title and definition in the reader's language.
  const figure = (id: HeadlineId) => {
    const { kind, value: valueOf } = HEADLINE[id];
    const value = valueOf(c);
    const before = p ? valueOf(p) : null;
    const changed = value == null ? null : kind === 'share' ? shareChange(value, before) : change(value, before);
    return { id, title: t(`headline.${id}`), kind, definition: t(`definitions.${HEADLINE_DEFINITION[id]}`), value, previous: p ? before : undefined, change: changed, currency };
  };

  const cards: KpiCardProps[] = [
    {
      ...figure('outcomes'),
      href: drillDownHref(f, { outcomeFrom: from, outcomeTo: to }),
      detail: t('kpis.outcomesDetail', { experiments: fmt.formatNumber(c.outcomeExperiments), impact: c.avgImpact == null ? '—' : c.avgImpact.toFixed(1) }),
      accent: 'capability',
    },
    {
      ...figure('augmentation'),
      href: drillDownHref(f, { ...active, mindset: ['new_capability'] }),
      detail: t('kpis.augmentationDetail', { part: fmt.formatNumber(c.activeNewCapability), active: fmt.formatNumber(c.active) }),
      accent: 'capability',
    },
    {
      ...figure('exploring'),
      href: drillDownHref(f, { ...active, exploration: 'yes' }),
      detail: t('kpis.exploringDetail', { part: fmt.formatNumber(c.activeExploring), active: fmt.formatNumber(c.active) }),
      accent: 'capability',
      neutralChange: true,
    },
    {
      ...figure('evidence'),
      href: drillDownHref(f, { ...completed, hasOutcomes: 'yes' }),
      detail: t('kpis.evidenceDetail', { part: fmt.formatNumber(c.completedWithOutcome), completed: fmt.formatNumber(c.completed) }),
      accent: 'capability',
    },
    { ...figure('active'), href: drillDownHref(f, active) },
    { ...figure('teams'), href: drillDownHref(f, active), detail: t('kpis.teamsDetail', { teams: teamsInScope, experiments: c.active }) },
    { ...figure('completed'), href: drillDownHref(f, completed) },
    { ...figure('hours'), href: drillDownHref(f, active), detail: t('kpis.hoursDetail'), accent: 'efficiency' },
    {
      ...figure('spend'),
      href: drillDownHref(f, active),
      detail: t('kpis.spendDetail', { amount: fmt.formatMoneyCents(c.spendOneOffCents, currency) }),
      accent: 'efficiency',
      neutralChange: true,
    },
  ];
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="kpi-cards">
      {cards.map((card) => (
        <KpiCard key={card.id} {...card} />
      ))}
    </div>
  );
}
