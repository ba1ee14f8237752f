import { isLocale, type Locale } from '@/i18n/locales';

/** The language menu's value for "no choice of mine: follow the browser" (user.locale null, no cookie). */
export const BROWSER_LOCALE = 'browser';
export type LanguageChoice = Locale | typeof BROWSER_LOCALE;

/** What the menu shows as chosen: the person's own choice, else this browser's cookie, else the browser. */
export function languageChoiceOf(userLocale: string | null | undefined, cookie: string | undefined): LanguageChoice {
  if (isLocale(userLocale)) return userLocale;
  return isLocale(cookie) ? cookie : BROWSER_LOCALE;
}
