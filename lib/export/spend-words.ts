import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import type { SpendWords } from '@/lib/metrics/usage-currency';

/**
 * The words around a converted figure's rates and unconverted bills (lib/metrics/usage-currency.ts), in the
 * reader's language: the dashboard's telemetry catalog, shared by the dashboard and the PDF. The English ones
 * are ENGLISH_SPEND_WORDS word for word (tests/i18n-dashboard-insights.test.ts).
 */
export function spendWordsFor(locale: Locale): SpendWords {
  const t = translatorFor(locale, 'dashboard');
  return {
    at: (rates) => t('telemetry.spend.at', { rates }),
    atMonthly: (months, ranges) => t('telemetry.spend.atMonthly', { months, ranges }),
    unconverted: (amount, currency, months) => t('telemetry.spend.unconverted', { amount, currency, months }),
    months: (count) => t('telemetry.spend.months', { count }),
  };
}
