import type { Locale } from './i18n/locales';
import type { Messages } from './messages';

// next-intl checks every t('key') against the English catalogs at compile time.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
