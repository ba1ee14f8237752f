import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import type { DefinitionKey } from '@/lib/metrics/definitions';
import type { HeadlineId } from '@/lib/metrics/headline';

/** Which definition each headline figure is read under (lib/metrics/headline.ts pairs them the same way). */
const FIGURE_DEFINITION: Record<HeadlineId, DefinitionKey> = {
  outcomes: 'outcomes',
  augmentation: 'augmentationShare',
  exploring: 'exploringShare',
  evidence: 'evidenceShare',
  active: 'active',
  teams: 'teams',
  completed: 'completed',
  hours: 'hoursSaved',
  spend: 'spend',
  oneOff: 'spend',
};

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
    figureDefinition: (id: HeadlineId) => t(`definitions.${FIGURE_DEFINITION[id]}`),
  };
}
