import type filterWords from '@/messages/en/filters.json';
import type labelWords from '@/messages/en/labels.json';
import { NOT_SET } from '@/lib/labels';
import { describeFilters, type FilterChip, type FilterNames } from '@/lib/validation/describe-filters';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';

type ChipKey = `chips.${keyof (typeof filterWords)['chips']}` | `experiments.${keyof (typeof filterWords)['experiments']}`;
type LabelKey =
  | 'notSet'
  | `status.${keyof (typeof labelWords)['status']}`
  | `mindsetShort.${keyof (typeof labelWords)['mindsetShort']}`
  | `workType.${keyof (typeof labelWords)['workType']}`
  | `sensitivity.${keyof (typeof labelWords)['sensitivity']}`
  | `outcomeType.${keyof (typeof labelWords)['outcomeType']}`;

/** The translators a chip needs: filters and labels (useTranslations/getTranslations/translatorFor all fit). */
export type ChipWords = { t: (key: ChipKey, values?: Record<string, string | number>) => string; tl: (key: LabelKey) => string };

/**
 * A chip's text in the reader's language: describeFilters (lib/validation/describe-filters.ts) decides which chips
 * there are and what removing one clears, and writes them in English for files; this says the same in the catalog's
 * words (English identical), so the chip on a page follows the reader. An unknown chip keeps describeFilters' text.
 */
export function chipText(chip: FilterChip, f: Partial<ExperimentFilters>, names: FilterNames, { t, tl }: ChipWords): string {
  const list = (values: readonly (string | number)[]) => values.join(', ');
  const orNotSet = <V extends string>(v: V, say: (v: Exclude<V, typeof NOT_SET>) => string) => (v === NOT_SET ? tl('notSet') : say(v as Exclude<V, typeof NOT_SET>));
  const range = (from?: string, to?: string) => (from && to ? t('chips.rangeBoth', { from, to }) : from ? t('chips.rangeFrom', { from }) : t('chips.rangeUntil', { to: to ?? '' }));
  switch (chip.id) {
    case 'q':
      return t('chips.search', { q: f.q ?? '' });
    case 'team':
      return t((f.team?.length ?? 0) > 1 ? 'chips.teamMany' : 'chips.teamOne', { names: list((f.team ?? []).map((id) => names.teams.get(id) ?? t('chips.teamFallback', { id: String(id) }))) });
    case 'mine':
      return t('experiments.mine');
    case 'status':
      return t('chips.status', { values: list((f.status ?? []).map((v) => tl(`status.${v}`))) });
    case 'mindset':
      return t('chips.mindset', { values: list((f.mindset ?? []).map((v) => orNotSet(v, (k) => tl(`mindsetShort.${k}`)))) });
    case 'workType':
      return t('chips.workType', { values: list((f.workType ?? []).map((v) => orNotSet(v, (k) => tl(`workType.${k}`)))) });
    case 'sensitivity':
      return t('chips.sensitivity', { values: list((f.sensitivity ?? []).map((v) => orNotSet(v, (k) => tl(`sensitivity.${k}`)))) });
    case 'vendor':
      return t((f.vendor?.length ?? 0) > 1 ? 'chips.vendorMany' : 'chips.vendorOne', { names: list(f.vendor ?? []) });
    case 'model':
      return t((f.model?.length ?? 0) > 1 ? 'chips.modelMany' : 'chips.modelOne', { names: list((f.model ?? []).map((m) => names.models.get(m) ?? m)) });
    case 'active':
      return t('chips.active', { range: range(f.from, f.to) });
    case 'completed':
      return t('chips.completed', { range: range(f.completedFrom, f.completedTo) });
    case 'outcomeRecorded':
      return t('chips.outcomeRecorded', { range: range(f.outcomeFrom, f.outcomeTo) });
    case 'outcomeType':
      return t('chips.outcomeType', { values: list((f.outcomeType ?? []).map((v) => tl(`outcomeType.${v}`))) });
    case 'hasOutcomes':
      return f.hasOutcomes === 'yes' ? t('chips.hasOutcomesYes') : t('chips.hasOutcomesNo');
    case 'exploration':
      return f.exploration === 'yes' ? t('chips.explorations') : t('chips.measured');
    case 'impact':
      return t('chips.impact', { values: list(f.impact ?? []) });
    case 'minImpact':
      return t('chips.minImpact', { value: String(f.minImpact ?? '') });
    case 'blocked':
      return t('experiments.blocked');
    case 'privacy':
      return t('experiments.privacy');
    case 'retest':
      return t('experiments.retest');
    case 'archived':
      return f.archived === 'only' ? t('chips.archivedOnly') : t('chips.archivedIncluded');
    default:
      return chip.text;
  }
}

/** The filters as one line for a file's cover, in the reader's language ("Teams: Finance, Marketing · …"); '' without filters. */
export function filtersLine(f: Partial<ExperimentFilters>, names: FilterNames, words: ChipWords): string {
  return describeFilters(f, names)
    .map((chip) => chipText(chip, f, names, words))
    .join(' · ');
}
