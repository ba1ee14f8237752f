import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import { DEFINITIONS, type DefinitionKey } from '@/lib/metrics/definitions';
import { figureWords } from '../figure-words';

const TERMS = ['capabilityOutcome', 'mindset', 'retestCandidate', 'privacyFlag', 'sources'] as const;

/**
 * The report's methods page in the reader's language: the dashboard's own definitions of every figure
 * (lib/metrics/definitions.ts, word for word in English), then the terms the report adds and where the data comes from.
 */
export function methodsFor(locale: Locale): { term: string; definition: string }[] {
  const t = translatorFor(locale, 'export');
  const words = figureWords(locale);
  return [
    // The standard PDF fonts have no minus sign (U+2212): write a hyphen-minus.
    ...(Object.keys(DEFINITIONS) as DefinitionKey[]).map((k) => ({ term: words.definitionTitle(k), definition: words.definition(k).replace(/\u2212/g, '-') })),
    ...TERMS.map((k) => ({ term: t(`methods.${k}.term`), definition: t(`methods.${k}.definition`) })),
  ];
}

/** The methods page in English. */
export const METHODS = methodsFor('en');
