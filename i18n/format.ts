import { getLocale } from 'next-intl/server';
import { formatterFor } from '@/lib/format';
import { asLocale } from './locales';

/** The formatters (lib/format.ts) in this request's language, for server components and route handlers. */
export async function getFormat() {
  const locale = await getLocale();
  return formatterFor(asLocale(locale));
}
