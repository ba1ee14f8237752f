import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClasses } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';

type Props = {
  action: string;
  vendors: string[];
  selected: { vendor: string[]; reasoning?: string; open?: string; from?: string; to?: string; q?: string; bench?: string };
  /** The capability benchmarks to choose from (the first control), and the one shown. */
  benchmarks?: { key: string; name: string }[];
  benchmark?: string;
  /** Extra URL parameters to keep (sort order, capability level). */
  keep?: Record<string, string | undefined>;
  search?: boolean;
};

/** The catalog/trends filters as a plain GET form, so every view is a shareable URL. */
export function ModelFilters({ action, vendors, selected, keep = {}, search = false, benchmarks, benchmark }: Props) {
  const t = useTranslations('models.filters');
  const tc = useTranslations('common');
  return (
    <form method="get" action={action} aria-label={t('formLabel')} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-border bg-card p-3">
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {benchmarks?.length ? (
        <div>
          <label htmlFor="bench" className="block text-xs font-medium">
            {t('benchmark')}
          </label>
          <Select id="bench" name="bench" defaultValue={benchmark} className="w-64" data-testid="benchmark-select">
            {benchmarks.map((b) => (
              <option key={b.key} value={b.key}>
                {b.name}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      {search ? (
        <div className="w-48">
          <label htmlFor="q" className="block text-xs font-medium">
            {tc('search')}
          </label>
          <Input id="q" name="q" defaultValue={selected.q ?? ''} placeholder={t('searchPlaceholder')} />
        </div>
      ) : null}
      <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <legend className="text-xs font-medium">{t('vendors')}</legend>
        {vendors.map((v) => (
          <label key={v} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="vendor" value={v} defaultChecked={selected.vendor.includes(v)} /> {v}
          </label>
        ))}
      </fieldset>
      <FlagFilter name="reasoning" checked={selected.reasoning === '1'} label={t('reasoningOnly')} />
      <FlagFilter name="open" checked={selected.open === '1'} label={t('openOnly')} />
      <DateFilter name="from" value={selected.from} label={t('releasedFrom')} />
      <DateFilter name="to" value={selected.to} label={t('releasedTo')} />
      <button type="submit" className={buttonClasses('primary', 'sm')}>
        {tc('apply')}
      </button>
      <Link href={action} className={buttonClasses('ghost', 'sm')}>
        {t('clear')}
      </Link>
    </form>
  );
}

/** A "only these" checkbox: sends `<name>=1` when ticked. */
function FlagFilter({ name, checked, label }: { name: string; checked: boolean; label: string }) {
  return (
    <label className="flex items-center gap-1 text-sm">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} /> {label}
    </label>
  );
}

/** One end of the release-date range, its label above it. */
function DateFilter({ name, value, label }: { name: string; value: string | undefined; label: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-xs font-medium">
        {label}
      </label>
      <Input id={name} name={name} type="date" defaultValue={value ?? ''} />
    </div>
  );
}
