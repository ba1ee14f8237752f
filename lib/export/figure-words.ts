import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import type { DefinitionKey } from '@/lib/metrics/definitions';
import { HEADLINE_DEFINITION, type HeadlineId } from '@/lib/metrics/headline';

/**
 * The dashboard's figure titles and definitions in the reader's language, for the workbook's Summary and the PDF.
 * The English catalog holds lib/metrics' words verbatim (tests/export-i18n.test.ts keeps them equal).
 */
export function figureWords(locale: Locale) {
  const t = translatorFor(locale, 'export');
  return {
    title: (id: HeadlineId) => t(`headline.${id}`),
    definition: (key: DefinitionKey) => t(`definitions.${key}`),
    definitionTitle: (key: DefinitionKey) => t(`definitionTitle.${key}`),
    figureDefinition: (id: HeadlineId) => t(`definitions.${HEADLINE_DEFINITION[id]}`),
  };
}
