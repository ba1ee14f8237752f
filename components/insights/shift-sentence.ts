import type { ShiftReading } from '@/lib/metrics/shift';

type Translate = (key: 'empty' | 'noBase' | 'up' | 'down' | 'same' | 'yearAgo' | 'inQuarter', values?: Record<string, string>) => string;

/**
 * The shift sentence (lib/metrics/shift.ts's englishShiftSentence) in the reader's language, from the reading:
 * pass `useTranslations('insights.shift.sentence')` or its getTranslations twin. Waits for db/queries/insights
 * (getShift, getInsightsSummary) to carry the reading beside the English sentence.
 */
export function shiftSentenceIn(t: Translate, percent: (share: number) => string) {
  return (r: ShiftReading): string => {
    if (r.kind === 'empty') return t('empty');
    if (r.kind === 'noBase') return t('noBase', { share: percent(r.share) });
    const when = r.yearAgo ? t('yearAgo') : t('inQuarter', { quarter: r.base });
    return t(r.kind, { share: percent(r.share), then: percent(r.then), when });
  };
}
