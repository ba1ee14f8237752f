import { useTranslations } from 'next-intl';
import { buttonClasses } from '@/components/ui/button';
import { Select } from '@/components/ui/field';

type Props = { options: { slug: string; label: string }[]; selected: string; keep: [string, string][]; benchmark: string };

/** Chooses the capability level (a model's score on the chosen benchmark) for the price-over-time chart; a GET form, so it lives in the URL. */
export function LevelPicker({ options, selected, keep, benchmark }: Props) {
  const t = useTranslations('models.levelPicker');
  return (
    <form method="get" action="/trends" aria-label={t('formLabel')} className="flex flex-wrap items-end gap-2">
      {keep.map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
      <div>
        <label htmlFor="level" className="block text-xs font-medium">
          {t('label', { benchmark })}
        </label>
        <Select id="level" name="level" defaultValue={selected} className="w-72 max-w-full">
          {options.map((o) => (
            <option key={o.slug} value={o.slug}>
              {o.label}
            </option>
          ))}
        </Select>
      </div>
      <button type="submit" className={buttonClasses('secondary', 'sm')}>
        {t('show')}
      </button>
    </form>
  );
}
