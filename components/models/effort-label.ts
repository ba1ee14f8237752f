import { getTranslations } from 'next-intl/server';

/**
 * A reasoning effort as a reader sees it, in the page's language ('' = the benchmark's single score per model).
 * The same rules as effortLabel in lib/catalog/benchmark-axis.ts, which stays English for exports and the API.
 */
export async function getEffortLabel() {
  const t = await getTranslations('models.effort');
  return (effort: string): string => {
    if (effort === '') return '';
    if (effort === 'default') return t('default');
    if (effort === 'unknown') return t('unknown');
    if (/^\d+K$/.test(effort)) return t('tokens', { effort });
    return t('named', { effort });
  };
}
