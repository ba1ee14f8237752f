/**
 * The sentence on vendor concentration by billed spend, in the reader's language: the dashboard's telemetry section
 * shows it under its vendor chart and the digest repeats it, so both read the same words. Undefined with no spend.
 */
import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import { formatterFor } from '@/lib/format';
import type { ConcentrationSummary } from './concentration';

export function billedConcentrationText(c: ConcentrationSummary, locale: Locale): string | undefined {
  if (c.hhi == null || !c.level || !c.largest) return undefined;
  const level = translatorFor(locale, 'insights')(`levelExplain.${c.level}`);
  const share = formatterFor(locale).formatPercent(c.largest.share);
  return translatorFor(locale, 'dashboard')('telemetry.billedConcentration', { hhi: c.hhi.toFixed(2), level, vendor: c.largest.key, share });
}
