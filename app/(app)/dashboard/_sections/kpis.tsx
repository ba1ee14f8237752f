import { KpiCard, type KpiCardProps } from '@/components/dashboard/kpi-card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { HEADLINE, type HeadlineId } from '@/lib/metrics/headline';
import { change, shareChange } from '@/lib/metrics/kpi';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';
import { formatMoneyCents } from '@/lib/format';
import { plural } from '@/lib/metrics/dashboard-series';

/** The headline cards: capability figures first, then adoption, then efficiency. */
export async function DashboardKpis({ filters: f, currency }: { filters: DashboardFilters; currency: string }) {
  const { current: c, previous: p, teamsInScope } = await dashboard.kpis(await getDb(), f);
  const { from, to } = f.period;
  const active = { from, to };
  const completed = { completedFrom: from, completedTo: to };
  // Title, definition, kind and value come from the headline list, as in every export of these figures.
  const figure = (id: HeadlineId) => {
    const { title, kind, definition, value: valueOf } = HEADLINE[id];
    const value = valueOf(c);
    const before = p ? valueOf(p) : null;
    const changed = value == null ? null : kind === 'share' ? shareChange(value, before) : change(value, before);
    return { id, title, kind, definition, value, previous: p ? before : undefined, change: changed, currency };
  };

  const cards: KpiCardProps[] = [
    {
      ...figure('outcomes'),
      href: drillDownHref(f, { outcomeFrom: from, outcomeTo: to }),
      detail: `in ${c.outcomeExperiments} experiments · average impact ${c.avgImpact == null ? '—' : c.avgImpact.toFixed(1)} / 5`,
      accent: 'capability',
    },
    {
      ...figure('augmentation'),
      href: drillDownHref(f, { ...active, mindset: ['new_capability'] }),
      detail: `${c.activeNewCapability} of ${c.active} active experiments create a new capability`,
      accent: 'capability',
    },
    {
      ...figure('exploring'),
      href: drillDownHref(f, { ...active, exploration: 'yes' }),
      detail: `${c.activeExploring} of ${c.active} active experiments are open-ended explorations`,
      accent: 'capability',
      neutralChange: true,
    },
    {
      ...figure('evidence'),
      href: drillDownHref(f, { ...completed, hasOutcomes: 'yes' }),
      detail: `${c.completedWithOutcome} of ${c.completed} completed experiments recorded a capability outcome`,
      accent: 'capability',
    },
    { ...figure('active'), href: drillDownHref(f, active) },
    { ...figure('teams'), href: drillDownHref(f, active), detail: `of ${plural(teamsInScope, 'team')} · ${plural(c.active, 'experiment')}` },
    { ...figure('completed'), href: drillDownHref(f, completed) },
    { ...figure('hours'), href: drillDownHref(f, active), detail: 'monthly run-rate of active experiments', accent: 'efficiency' },
    {
      ...figure('spend'),
      href: drillDownHref(f, active),
      detail: `plus ${formatMoneyCents(c.spendOneOffCents, currency)} one-off in the period`,
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
