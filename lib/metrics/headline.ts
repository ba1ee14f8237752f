import { DEFINITIONS, type DefinitionKey } from './definitions';
import { share, type ValueKind } from './kpi';

/**
 * The dashboard's headline figures as a list: the cards, the PDF report, the workbook's Summary sheet and
 * the Reports page all read this one list, so every place shows the same figures under the same titles
 * and definitions. `kpis` is what db/queries/dashboard/kpis.ts getDashboardKpis returns.
 */
export type HeadlineKpis = {
  active: number;
  teamsActive: number;
  completed: number;
  /** completed in the period with at least one capability outcome */
  completedWithOutcome: number;
  /** active with mindset "create a new capability" */
  activeNewCapability: number;
  /** active and marked as an exploration (no target metric) */
  activeExploring: number;
  hoursSavedPerMonth: number;
  spendMonthlyCents: number;
  spendOneOffCents: number;
  outcomes: number;
};

export const HEADLINE_IDS = ['outcomes', 'augmentation', 'exploring', 'evidence', 'active', 'teams', 'completed', 'hours', 'spend', 'oneOff'] as const;
export type HeadlineId = (typeof HEADLINE_IDS)[number];

type Spec = { title: string; kind: ValueKind; definition: string; value: (k: HeadlineKpis) => number | null };

/** Which definition each headline figure carries, for pages that say it in the reader's language. */
export const HEADLINE_DEFINITION: Record<HeadlineId, DefinitionKey> = {
  outcomes: 'outcomes',
  augmentation: 'augmentationShare',
  exploring: 'exploringShare',
  evidence: 'evidenceShare',
  active: 'active',
  teams: 'teams',
  completed: 'completed',
  hours: 'hoursSaved',
  spend: 'spend',
  oneOff: 'spend',
};

export const HEADLINE: Record<HeadlineId, Spec> = {
  outcomes: { title: 'Capability outcomes', kind: 'count', definition: DEFINITIONS.outcomes, value: (k) => k.outcomes },
  augmentation: {
    title: 'Augmentation share',
    kind: 'share',
    definition: DEFINITIONS.augmentationShare,
    value: (k) => share(k.activeNewCapability, k.active),
  },
  exploring: {
    title: 'Exploring share',
    kind: 'share',
    definition: DEFINITIONS.exploringShare,
    value: (k) => share(k.activeExploring, k.active),
  },
  evidence: {
    title: 'Capability evidence share',
    kind: 'share',
    definition: DEFINITIONS.evidenceShare,
    value: (k) => share(k.completedWithOutcome, k.completed),
  },
  active: { title: 'Active experiments', kind: 'count', definition: DEFINITIONS.active, value: (k) => k.active },
  teams: { title: 'Teams experimenting', kind: 'count', definition: DEFINITIONS.teams, value: (k) => k.teamsActive },
  completed: { title: 'Completed experiments', kind: 'count', definition: DEFINITIONS.completed, value: (k) => k.completed },
  hours: { title: 'Hours saved per month', kind: 'hours', definition: DEFINITIONS.hoursSaved, value: (k) => k.hoursSavedPerMonth },
  spend: { title: 'AI spend per month', kind: 'cents', definition: DEFINITIONS.spend, value: (k) => k.spendMonthlyCents },
  oneOff: { title: 'One-off AI spend', kind: 'cents', definition: DEFINITIONS.spend, value: (k) => k.spendOneOffCents },
};

export type HeadlineFigure = { id: HeadlineId; title: string; kind: ValueKind; definition: string; value: number | null; previous: number | null };

/** Every headline figure of the current period, with the previous period's value (null when there is none). */
export function headlineFigures(current: HeadlineKpis, previous: HeadlineKpis | null): HeadlineFigure[] {
  return HEADLINE_IDS.map((id) => {
    const s = HEADLINE[id];
    return { id, title: s.title, kind: s.kind, definition: s.definition, value: s.value(current), previous: previous ? s.value(previous) : null };
  });
}
