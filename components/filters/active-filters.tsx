import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { experimentFiltersToSearch } from '@/lib/validation/filter-search';
import { describeFilters, filterNames, withoutChip, type FilterNames } from '@/lib/validation/describe-filters';
import { chipText } from './chip-text';

/**
 * Every filter the URL applies, as removable chips: what the panel shows and what only a link carries
 * (a drill-down's outcome window), so the list is never narrowed by something the reader cannot see.
 */
export function ActiveFilters({ f, names, path }: { f: Partial<ExperimentFilters>; names: FilterNames; path: string }) {
  const t = useTranslations('filters');
  const tl = useTranslations('labels');
  const chips = describeFilters(f, names).map((chip) => ({ ...chip, text: chipText(chip, f, names, { t, tl }) }));
  if (!chips.length) return null;
  const href = (next: Partial<ExperimentFilters>) => {
    const search = experimentFiltersToSearch(next);
    return search ? `${path}?${search}` : path;
  };
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2" aria-label={t('active.label')} role="group">
      <span className="text-sm text-muted-foreground">{t('active.filteredBy')}</span>
      {chips.map((chip) => (
        <span key={chip.id} data-testid="filter-chip" className="inline-flex items-center gap-1 rounded-full border border-border bg-muted px-3 py-1 text-sm">
          {chip.text}
          <Link href={href(withoutChip(f, chip))} aria-label={t('active.remove', { filter: chip.text })} className="rounded-full px-1 text-muted-foreground hover:bg-card hover:text-foreground" scroll={false}>
            ×
          </Link>
        </span>
      ))}
      {chips.length > 1 ? (
        <Link href={href({ sort: f.sort, dir: f.dir })} className="text-sm underline">
          {t('active.clearAll')}
        </Link>
      ) : null}
    </div>
  );
}


export { filterNames };
