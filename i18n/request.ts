import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/session';
import { getRequestSettings } from '@/lib/request-settings';
import { MESSAGES } from '@/messages';
import { LOCALE_COOKIE, chooseLocale } from './locales';

/** next-intl's per-request configuration (see i18n/locales.ts for how the language is chosen). */
export default getRequestConfig(async () => {
  const [user, cookieStore, headerList] = await Promise.all([getCurrentUser().catch(() => null), cookies(), headers()]);
  const locale = chooseLocale({
    user: user?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
  // Dates that next-intl formats are the organisation's dates: its time zone, as "today" is (lib/metrics/today.ts).
  const { timeZone } = await getRequestSettings();
  return { locale, messages: MESSAGES[locale], timeZone };
});
