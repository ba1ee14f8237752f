import { getLocale } from 'next-intl/server';
import { formatYears } from '@/lib/metrics/trend-series';

// Korean counts large numbers in 만 (10^4): "63만 년" where English says "634 thousand years".
const KOREAN_COMPACT = new Intl.NumberFormat('ko-KR', { notation: 'compact', maximumSignificantDigits: 2 });

/** A number of years as the reader says it (the phone scale of training compute); English is formatYears unchanged. */
export async function getYearsText() {
  const locale = await getLocale();
  return (years: number) => (locale === 'ko' ? `${KOREAN_COMPACT.format(years)} 년` : formatYears(years));
}
