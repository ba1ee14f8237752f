import { useTranslations } from 'next-intl';
import { DEFINITIONS, type DefinitionKey } from '@/lib/metrics/definitions';

/** Every figure's definition in one place at the foot of the dashboard (also behind each ⓘ). */
export function DefinitionsList() {
  const t = useTranslations('dashboard');
  return (
    <section aria-labelledby="definitions-heading" className="mt-10 rounded-lg border border-border bg-card p-4" data-testid="definitions">
      <h2 id="definitions-heading" className="mb-3 text-base font-semibold">
        {t('definitionsHeading')}
      </h2>
      <dl className="grid gap-x-6 gap-y-3 text-sm md:grid-cols-2">
        {(Object.keys(DEFINITIONS) as DefinitionKey[]).map((k) => (
          <div key={k}>
            <dt className="font-medium">{t(`definitionTitles.${k}`)}</dt>
            <dd className="text-muted-foreground">{t(`definitions.${k}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
