'use client';
import { useLocale } from 'next-intl';
import { formatterFor } from '@/lib/format';
import { isLocale, DEFAULT_LOCALE } from './locales';

/** The formatters (lib/format.ts) in the page's language, for client components. */
export function useFormat() {
  const locale = useLocale();
  return formatterFor(isLocale(locale) ? locale : DEFAULT_LOCALE);
}
