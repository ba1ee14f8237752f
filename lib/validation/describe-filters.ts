import { MINDSET_SHORT_OR_NOT_SET, OUTCOME_TYPE_LABEL, SENSITIVITY_OR_NOT_SET, STATUS_LABEL, WORK_TYPE_OR_NOT_SET } from '@/lib/labels';
import type { ExperimentFilters } from './experiment-filters';

/** One active filter as a reader says it, and the filter keys that removing it clears. */
export type FilterChip = { id: string; text: string; clears: (keyof ExperimentFilters)[] };

export type FilterNames = { teams: Map<number, string>; models: Map<string, string> };

/** Names for the chips and covers, from team and model lists. */
export const filterNames = (teams: { id: number; name: string }[], models: { slug: string; name: string }[]): FilterNames => ({
  teams: new Map(teams.map((t) => [t.id, t.name])),
  models: new Map(models.map((m) => [m.slug, m.name])),
});

const range = (from?: string, to?: string) => (from && to ? `${from} to ${to}` : from ? `from ${from}` : `until ${to}`);
const labelled = <K extends string>(values: readonly K[] | undefined, labels: Record<K, string>) => values?.map((v) => labels[v] ?? v).join(', ');

/**
 * Every filter the URL applies, in words: "Teams: Finance, Marketing", "Work type: Analysis",
 * "Active: 2026-01-01 to 2026-03-31", including those the filter panel has no field for (a drill-down's
 * outcome window), so nothing filters the list unseen. Sort and page are not filters.
 */
export function describeFilters(f: Partial<ExperimentFilters>, names: FilterNames): FilterChip[] {
  const chips: FilterChip[] = [];
  const add = (id: string, text: string | undefined, ...clears: (keyof ExperimentFilters)[]) => {
    if (text) chips.push({ id, text, clears: clears.length ? clears : [id as keyof ExperimentFilters] });
  };
  add('q', f.q && `Search: “${f.q}”`);
  add('team', f.team?.length ? `${f.team.length > 1 ? 'Teams' : 'Team'}: ${f.team.map((t) => names.teams.get(t) ?? `team ${t}`).join(', ')}` : undefined);
  add('mine', f.mine ? 'My teams' : undefined);
  add('status', f.status?.length ? `Status: ${labelled(f.status, STATUS_LABEL)}` : undefined);
  add('mindset', f.mindset?.length ? `Mindset: ${labelled(f.mindset, MINDSET_SHORT_OR_NOT_SET)}` : undefined);
  add('workType', f.workType?.length ? `Work type: ${labelled(f.workType, WORK_TYPE_OR_NOT_SET)}` : undefined);
  add('sensitivity', f.sensitivity?.length ? `Data sensitivity: ${labelled(f.sensitivity, SENSITIVITY_OR_NOT_SET)}` : undefined);
  add('vendor', f.vendor?.length ? `${f.vendor.length > 1 ? 'Vendors' : 'Vendor'}: ${f.vendor.join(', ')}` : undefined);
  add('model', f.model?.length ? `${f.model.length > 1 ? 'Models' : 'Model'}: ${f.model.map((m) => names.models.get(m) ?? m).join(', ')}` : undefined);
  add('active', f.from || f.to ? `Active: ${range(f.from, f.to)}` : undefined, 'from', 'to');
  add('completed', f.completedFrom || f.completedTo ? `Completed: ${range(f.completedFrom, f.completedTo)}` : undefined, 'completedFrom', 'completedTo');
  add('outcomeRecorded', f.outcomeFrom || f.outcomeTo ? `Outcome recorded: ${range(f.outcomeFrom, f.outcomeTo)}` : undefined, 'outcomeFrom', 'outcomeTo');
  add('outcomeType', f.outcomeType?.length ? `Outcome type: ${labelled(f.outcomeType, OUTCOME_TYPE_LABEL)}` : undefined);
  add('hasOutcomes', f.hasOutcomes ? `Capability outcomes: ${f.hasOutcomes === 'yes' ? 'has some' : 'none yet'}` : undefined);
  add('exploration', f.exploration ? (f.exploration === 'yes' ? 'Explorations' : 'Measured experiments') : undefined);
  add('impact', f.impact?.length ? `Impact: ${f.impact.join(', ')}` : undefined);
  add('minImpact', f.minImpact ? `Minimum impact: ${f.minImpact}+` : undefined);
  add('blocked', f.blocked ? 'Blocked by model' : undefined);
  add('privacy', f.privacy ? 'Privacy-flagged' : undefined);
  add('retest', f.retest ? 'Re-test candidate' : undefined);
  add('archived', f.archived ? (f.archived === 'only' ? 'Archived only' : 'Archived included') : undefined);
  return chips;
}

/** The filters as one line for a file's cover: "Teams: Finance, Marketing · Work type: Analysis". */
export function filtersSentence(f: Partial<ExperimentFilters>, names: FilterNames): string {
  const chips = describeFilters(f, names);
  return chips.length ? chips.map((c) => c.text).join(' · ') : 'None: every experiment not archived';
}

/** The filters without one chip's keys (the chip's "remove" link), back on page 1. */
export function withoutChip(f: Partial<ExperimentFilters>, chip: FilterChip): Partial<ExperimentFilters> {
  const next: Partial<ExperimentFilters> = { ...f, page: 1 };
  for (const k of chip.clears) delete next[k];
  return next;
}
