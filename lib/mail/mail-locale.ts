import { isLocale, type Locale } from '@/i18n/locales';

/** The language of a person's mails: their own choice (user.locale), else English, as no browser is there to ask. */
export const mailLocale = (locale: string | null | undefined): Locale => (isLocale(locale) ? locale : 'en');
