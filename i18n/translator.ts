import { createTranslator } from 'next-intl';
import { MESSAGES, type Messages } from '@/messages';
import type { Locale } from './locales';

/**
 * Translations outside a page request — mails, exports, the PDF and jobs — for a reader whose language is
 * known (a recipient's user.locale, an export's requester): next-intl's request config is not there.
 */
export function translatorFor<Area extends keyof Messages>(locale: Locale, area: Area) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: area });
}
