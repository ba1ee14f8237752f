import { useTranslations } from 'next-intl';
import { PendingNote } from '@/components/filters/pending-note';
import { buttonClasses } from '@/components/ui/button';
import { inputClasses } from '@/components/ui/field';
import { MINDSET_SHORT, STATUS_LABEL } from '@/lib/labels';
import { NOT_SET } from '@/lib/metrics/not-set';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';

/**
 * The filters of /reports as a plain GET form: the URL carries the same parameters as /experiments,
 * so the exports below reproduce the list for the same link. Works without JavaScript.
 */
export function ReportFilters({ filters, teams, paper }: { filters: ExperimentFilters; teams: { id: number; name: string }[]; paper: string }) {
  const t = useTranslations('reports.filters');
  const tl = useTranslations('labels');
  const one = <T,>(values: T[] | undefined) => (values && values.length === 1 ? String(values[0]) : '');
  // Filters that arrived by link and have no field here (work type, model…, or several teams) are kept by
  // Apply as hidden fields and shown as chips above, never dropped silently.
  const shown = new Set<string>(['from', 'to', 'q', 'page', 'sort', 'dir']);
  if (!filters.team || filters.team.length === 1) shown.add('team');
  if (!filters.status || filters.status.length === 1) shown.add('status');
  if (!filters.mindset || filters.mindset.length === 1) shown.add('mindset');
  const carried = Object.entries(filters).filter(([k, v]) => v !== undefined && !shown.has(k));
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t('label')}>
      {carried.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={Array.isArray(v) ? v.join(',') : v === true ? 'yes' : String(v)} />
      ))}
      <label className="space-y-1 text-sm font-medium">
        <span className="block">{t('activeFrom')}</span>
        <input type="date" name="from" defaultValue={filters.from ?? ''} className={inputClasses} />
      </label>
      <label className="space-y-1 text-sm font-medium">
        <span className="block">{t('activeTo')}</span>
        <input type="date" name="to" defaultValue={filters.to ?? ''} className={inputClasses} />
      </label>
      <OneOf label={t('team')} name="team" value={one(filters.team)} any={t('allTeams')} options={teams.map((team) => [String(team.id), team.name])} />
      <OneOf label={t('status')} name="status" value={one(filters.status)} any={t('anyStatus')} options={keysOf(STATUS_LABEL).map((s) => [s, tl(`status.${s}`)])} />
      <OneOf
        label={t('mindset')}
        name="mindset"
        value={one(filters.mindset)}
        any={t('anyMindset')}
        options={[...keysOf(MINDSET_SHORT).map((m): [string, string] => [m, tl(`mindsetShort.${m}`)]), [NOT_SET, tl('notSet')]]}
      />
      <label className="space-y-1 text-sm font-medium">
        <span className="block">{t('text')}</span>
        <input type="search" name="q" defaultValue={filters.q ?? ''} className={inputClasses} placeholder={t('textPlaceholder')} />
      </label>
      <label className="space-y-1 text-sm font-medium">
        <span className="block">{t('paper')}</span>
        <select name="paper" defaultValue={paper} className={inputClasses}>
          <option value="a4">{t('a4')}</option>
          <option value="letter">{t('letter')}</option>
        </select>
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses('primary')}>
          {t('apply')}
        </button>
        <a href="/reports" className={buttonClasses('ghost')}>
          {t('clear')}
        </a>
      </div>
      <div className="sm:col-span-2 lg:col-span-4">
        <PendingNote />
      </div>
    </form>
  );
}

/** The coded values of a label table (lib/labels.ts), in its order; their words come from the `labels` catalog. */
const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as K[];

/** A filter that takes one value of a list, or any (the empty choice). */
function OneOf({ label, name, value, any, options }: { label: string; name: string; value: string; any: string; options: [string, string][] }) {
  return (
    <label className="space-y-1 text-sm font-medium">
      <span className="block">{label}</span>
      <select name={name} defaultValue={value} className={inputClasses}>
        <option value="">{any}</option>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
