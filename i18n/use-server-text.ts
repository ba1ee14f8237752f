'use client';
import { useLocale } from 'next-intl';
import { DEFAULT_LOCALE, isLocale } from './locales';
import { translateServerText } from './server-text';

/** For client components that show what a server action answered: (text) => that text in the page's language. */
export function useServerText(): (text: string) => string {
  const locale = useLocale();
  const reader = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return (text) => translateServerText(text, reader);
}
