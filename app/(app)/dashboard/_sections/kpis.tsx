import { KpiCard, type KpiCardProps } from '@/components/dashboard/kpi-card';
import { getDb } from '@/db';
import { dashboard } from '@/db/queries/dashboard/cached';
import { HEADLINE } from '@/lib/metrics/headline';
import { change, share, shareChange } from '@/lib/metrics/kpi';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';
import { formatMoneyCents } from '@/lib/format';
import { plural } from '@/lib/metrics/dashboard-series';

/** The headline cards: capability figures first, then adoption, then efficiency. */
export async function DashboardKpis({ filters: f }: { filters: DashboardFilters }) {
  const { current: c, previous: p, teamsInScope } = await dashboard.kpis(await getDb(), f);
  const { from, to } = f.period;
  const active = { from, to };
  const completed = { completedFrom: from, completedTo: to };
  const augmentation = share(c.activeNewCapability, c.active);
  const augmentationPrev = p ? share(p.activeNewCapability, p.active) : null;
  const exploring = share(c.activeExploring, c.active);
  const exploringPrev = p ? share(p.activeExploring, p.active) : null;
  const evidence = share(c.completedWithOutcome, c.completed);
  const evidencePrev = p ? share(p.completedWithOutcome, p.completed) : null;
  const prev = <T,>(v: T) => (p ? v : undefined);

  const cards: KpiCardProps[] = [
    {
      id: 'outcomes',
      title: HEADLINE.outcomes.title,
      value: c.outcomes,
      previous: prev(p?.outcomes ?? null),
      change: change(c.outcomes, p?.outcomes),
      kind: 'count',
      href: drillDownHref(f, { outcomeFrom: from, outcomeTo: to }),
      definition: HEADLINE.outcomes.definition,
      detail: `in ${c.outcomeExperiments} experiments · average impact ${c.avgImpact == null ? '—' : c.avgImpact.toFixed(1)} / 5`,
      accent: 'capability',
    },
    {
      id: 'augmentation',
      title: HEADLINE.augmentation.title,
      value: augmentation,
      previous: prev(augmentationPrev),
      change: shareChange(augmentation, augmentationPrev),
      kind: 'share',
      href: drillDownHref(f, { ...active, mindset: ['new_capability'] }),
      definition: HEADLINE.augmentation.definition,
      detail: `${c.activeNewCapability} of ${c.active} active experiments create a new capability`,
      accent: 'capability',
    },
    {
      id: 'exploring',
      title: HEADLINE.exploring.title,
      value: exploring,
      previous: prev(exploringPrev),
      change: shareChange(exploring, exploringPrev),
      kind: 'share',
      href: drillDownHref(f, { ...active, exploration: 'yes' }),
      definition: HEADLINE.exploring.definition,
      detail: `${c.activeExploring} of ${c.active} active experiments are open-ended explorations`,
      accent: 'capability',
      neutralChange: true,
    },
    {
      id: 'evidence',
      title: HEADLINE.evidence.title,
      value: evidence,
      previous: prev(evidencePrev),
      change: shareChange(evidence, evidencePrev),
      kind: 'share',
      href: drillDownHref(f, { ...completed, hasOutcomes: 'yes' }),
      definition: HEADLINE.evidence.definition,
      detail: `${c.completedWithOutcome} of ${c.completed} completed experiments recorded a capability outcome`,
      accent: 'capability',
    },
    {
      id: 'active',
      title: HEADLINE.active.title,
      value: c.active,
      previous: prev(p?.active ?? null),
      change: change(c.active, p?.active),
      kind: 'count',
      href: drillDownHref(f, active),
      definition: HEADLINE.active.definition,
    },
    {
      id: 'teams',
      title: HEADLINE.teams.title,
      value: c.teamsActive,
      previous: prev(p?.teamsActive ?? null),
      change: change(c.teamsActive, p?.teamsActive),
      kind: 'count',
      href: drillDownHref(f, active),
      definition: HEADLINE.teams.definition,
      detail: `of ${plural(teamsInScope, 'team')} · ${plural(c.active, 'experiment')}`,
    },
    {
      id: 'completed',
      title: HEADLINE.completed.title,
      value: c.completed,
      previous: prev(p?.completed ?? null),
      change: change(c.completed, p?.completed),
      kind: 'count',
      href: drillDownHref(f, completed),
      definition: HEADLINE.completed.definition,
    },
    {
      id: 'hours',
      title: HEADLINE.hours.title,
      value: c.hoursSavedPerMonth,
      previous: prev(p?.hoursSavedPerMonth ?? null),
      change: change(c.hoursSavedPerMonth, p?.hoursSavedPerMonth),
      kind: 'hours',
      href: drillDownHref(f, active),
      definition: HEADLINE.hours.definition,
      detail: 'monthly run-rate of active experiments',
      accent: 'efficiency',
    },
    {
      id: 'spend',
      title: HEADLINE.spend.title,
      value: c.spendMonthlyCents,
      previous: prev(p?.spendMonthlyCents ?? null),
      change: change(c.spendMonthlyCents, p?.spendMonthlyCents),
      kind: 'cents',
      href: drillDownHref(f, active),
      definition: HEADLINE.spend.definition,
      detail: `plus ${formatMoneyCents(c.spendOneOffCents)} one-off in the period`,
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
