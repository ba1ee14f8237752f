import type { SourceWords } from '@/lib/sources';

type Translate = (key: 'noSource' | 'enteredBy' | 'importedBy', values?: Record<string, string>) => string;

/**
 * lib/sources.ts's own words ("no source", "entered by … on …") in the reader's language, for sourceText: pass
 * getTranslations('models'). The sources' names stay as they are cited.
 */
export function sourceWordsIn(t: Translate): SourceWords {
  return { none: t('noSource'), enteredBy: (who, date) => t('enteredBy', { who, date }), importedBy: (who, date) => t('importedBy', { who, date }) };
}
