import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { FiltersDisclosure } from '@/components/filters/filters-disclosure';
import { PendingNote } from '@/components/filters/pending-note';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { MINDSET_SHORT, NOT_SET, OUTCOME_TYPE_LABEL, SENSITIVITY_LABEL, STATUS_LABEL, WORK_TYPE_LABEL } from '@/lib/labels';

type Options = { teams: { id: number; name: string }[]; models: { slug: string; name: string }[]; vendors: string[] };

const LINK_ONLY = ['completedFrom', 'completedTo', 'outcomeFrom', 'outcomeTo', 'impact'] as const;

function Pick({ name, label, any, value, options }: { name: string; label: string; any: string; value: readonly (string | number)[] | string | undefined; options: readonly (readonly [string, string])[] }) {
  // Several values (from a link) are one choice of their own, so the select shows them and Apply keeps them.
  const values = (Array.isArray(value) ? value : value ? [value] : []).map(String);
  const several = values.length > 1 ? values.join(',') : null;
  const text = (v: string) => options.find(([k]) => k === v)?.[1] ?? v;
  return (
    <label className="text-xs font-medium">
      {label}
      <Select name={name} defaultValue={several ?? values[0] ?? ''} className="mt-1 py-1.5">
        <option value="">{any}</option>
        {several ? <option value={several}>{values.map(text).join(', ')}</option> : null}
        {options.map(([v, t]) => (
          <option key={v} value={v}>
            {t}
          </option>
        ))}
      </Select>
    </label>
  );
}

function Flag({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} value="yes" defaultChecked={checked} /> {label}
    </label>
  );
}

/**
 * The filters as a plain GET form: the URL carries them (lib/validation/experiment-filters.ts), so a
 * copied link reproduces the view and it works without JavaScript. Multi-value filters arriving by
 * link are kept: the select offers them together as one choice, selected.
 */
export function ListFilters({ f, options }: { f: ExperimentFilters; options: Options }) {
  const t = useTranslations('filters.experiments');
  const tl = useTranslations('labels');
  const keys = <K extends string>(o: Record<K, string>) => Object.keys(o) as K[];
  // The enum choices in the reader's language; "not set" last where a field may be left empty.
  const notSet = [NOT_SET, tl('notSet')] as const;
  const status = keys(STATUS_LABEL).map((k) => [k, tl(`status.${k}`)] as const);
  const mindset = [...keys(MINDSET_SHORT).map((k) => [k, tl(`mindsetShort.${k}`)] as const), notSet];
  const workType = [...keys(WORK_TYPE_LABEL).map((k) => [k, tl(`workType.${k}`)] as const), notSet];
  const sensitivity = [...keys(SENSITIVITY_LABEL).map((k) => [k, tl(`sensitivity.${k}`)] as const), notSet];
  const outcomeType = keys(OUTCOME_TYPE_LABEL).map((k) => [k, tl(`outcomeType.${k}`)] as const);
  const any = t('any');
  return (
    <form method="get" action="/experiments" aria-label={t('label')} className="mb-4 space-y-3 rounded-lg border border-border bg-card p-4">
      <div className="flex flex-wrap gap-2">
        <label htmlFor="q" className="sr-only">{t('search')}</label>
        <Input id="q" name="q" type="search" defaultValue={f.q ?? ''} placeholder={t('searchPlaceholder')} className="max-w-md" />
        <Button type="submit">{t('apply')}</Button>
        <Link href="/experiments" className={buttonClasses('ghost')}>{t('clear')}</Link>
        <PendingNote />
      </div>
      <FiltersDisclosure>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Pick name="team" label={t('team')} any={any} value={f.team} options={options.teams.map((t) => [String(t.id), t.name] as const)} />
          <Pick name="status" label={t('status')} any={any} value={f.status} options={status} />
          <Pick name="mindset" label={t('mindset')} any={any} value={f.mindset} options={mindset} />
          <Pick name="workType" label={t('workType')} any={any} value={f.workType} options={workType} />
          <Pick name="model" label={t('model')} any={any} value={f.model} options={options.models.map((m) => [m.slug, m.name] as const)} />
          <Pick name="vendor" label={t('vendor')} any={any} value={f.vendor} options={options.vendors.map((v) => [v, v] as const)} />
          <Pick name="sensitivity" label={t('sensitivity')} any={any} value={f.sensitivity} options={sensitivity} />
          <Pick name="outcomeType" label={t('outcomeType')} any={any} value={f.outcomeType} options={outcomeType} />
          <Pick name="hasOutcomes" label={t('hasOutcomes')} any={any} value={f.hasOutcomes} options={[['yes', t('hasSome')], ['no', t('noneYet')]]} />
          <Pick name="exploration" label={t('kind')} any={any} value={f.exploration} options={[['yes', t('exploration')], ['no', t('measured')]]} />
          <Pick name="minImpact" label={t('minImpact')} any={any} value={f.minImpact ? String(f.minImpact) : undefined} options={[1, 2, 3, 4, 5].map((n) => [String(n), `${n}+`] as const)} />
          <label className="text-xs font-medium">
            {t('activeFrom')}
            <Input type="date" name="from" defaultValue={f.from ?? ''} className="mt-1 py-1.5" />
          </label>
          <label className="text-xs font-medium">
            {t('activeTo')}
            <Input type="date" name="to" defaultValue={f.to ?? ''} className="mt-1 py-1.5" />
          </label>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <Flag name="blocked" label={t('blocked')} checked={Boolean(f.blocked)} />
          <Flag name="privacy" label={t('privacy')} checked={Boolean(f.privacy)} />
          <Flag name="retest" label={t('retest')} checked={Boolean(f.retest)} />
          <Flag name="mine" label={t('mine')} checked={Boolean(f.mine)} />
          <label className="flex items-center gap-2 text-sm">
            {t('archived')}
            <Select name="archived" defaultValue={f.archived ?? ''} className="w-auto py-1">
              <option value="">{t('archivedLeftOut')}</option>
              <option value="include">{t('archivedIncluded')}</option>
              <option value="only">{t('archivedOnly')}</option>
            </Select>
          </label>
          {/* Filters only a link sets (a drill-down's windows and impacts): kept by Apply, shown as chips. */}
          {LINK_ONLY.map((k) => (f[k] ? <input key={k} type="hidden" name={k} value={Array.isArray(f[k]) ? f[k].join(',') : String(f[k])} /> : null))}
          {f.sort ? <input type="hidden" name="sort" value={f.sort} /> : null}
          {f.dir ? <input type="hidden" name="dir" value={f.dir} /> : null}
        </div>
      </FiltersDisclosure>
    </form>
  );
}
