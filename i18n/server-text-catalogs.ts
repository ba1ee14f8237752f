import koreanServerText from '@/messages/ko/server-text.json';
import type { Locale } from './locales';
import { compileDictionary, translateServerTextWith, type CompiledDictionary, type Dictionary } from './server-text';

// Server-side and in tests only: client components load the dictionary on demand (use-server-text.ts), so
// English readers never download it.
const COMPILED: Partial<Record<Locale, CompiledDictionary>> = { ko: compileDictionary(koreanServerText as Dictionary) };

/** A server message in the reader's language: English as it is, else its translation, sentence by sentence; unknown sentences stay English. */
export const translateServerText = (text: string, locale: Locale): string => translateServerTextWith(text, COMPILED[locale]);
