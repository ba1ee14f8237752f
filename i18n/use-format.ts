import { useLocale } from 'next-intl';
import { formatterFor } from '@/lib/format';
import { asLocale } from './locales';

/**
 * The formatters (lib/format.ts) in the page's language, for client components and for server components that
 * are not async (next-intl's useLocale works in both; no 'use client' here, or a server component could not call it).
 */
export function useFormat() {
  const locale = useLocale();
  return formatterFor(asLocale(locale));
}
