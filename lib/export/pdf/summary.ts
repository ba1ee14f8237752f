import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import { formatterFor } from '@/lib/format';
import { formatKpiValue, share } from '@/lib/metrics/kpi';
import type { ReportSummaryInput } from '@/lib/metrics/report-summary';

/**
 * The report cover's paragraph (lib/metrics/report-summary.ts) in the reader's language: the same figures, the
 * same sentences, from the export catalog. English is word for word reportSummary (tests/export-i18n.test.ts).
 */
export function localizedReportSummary(input: ReportSummaryInput, locale: Locale): string {
  const t = translatorFor(locale, 'export');
  const tl = translatorFor(locale, 'labels');
  const f = formatterFor(locale);
  const { current: c, previous: p, period } = input;
  const sentences: string[] = [];

  if (c.active === 0) sentences.push(t('summary.noneActive', period));
  else {
    const diff = p ? c.active - p.active : null;
    const versus =
      diff == null ? '' : diff === 0 ? t('summary.versusSame') : t(diff > 0 ? 'summary.versusMore' : 'summary.versusFewer', { count: f.formatNumber(Math.abs(diff)) });
    sentences.push(t('summary.ran', { ...period, teams: c.teamsActive, active: c.active, versus }));
  }

  const top = input.capabilityLedger.find((r) => r.outcomes > 0);
  const mostOften = top ? t('summary.mostOften', { type: tl(`outcomeType.${top.type}`) }) : '';
  const evidence = share(c.completedWithOutcome, c.completed);
  const outcomes = { outcomes: c.outcomes, top: mostOften };
  if (evidence == null) sentences.push(c.outcomes === 0 ? t('summary.noOutcomesNoneCompleted') : t('summary.outcomesNoneCompleted', outcomes));
  else {
    const completed = { completed: c.completed, shown: f.formatNumber(c.completedWithOutcome), share: formatKpiValue(evidence, 'share', input.currency) };
    sentences.push(c.outcomes === 0 ? t('summary.noOutcomesCompleted', completed) : t('summary.outcomesCompleted', { ...outcomes, ...completed }));
  }

  if (c.active > 0) {
    const hours = Math.round(c.hoursSavedPerMonth);
    const perHour = hours > 0 && c.spendMonthlyCents > 0 ? t('summary.perHour', { amount: f.formatMoneyCents(c.spendMonthlyCents / c.hoursSavedPerMonth, input.currency) }) : '';
    sentences.push(t('summary.save', { hours, spend: f.formatMoneyCents(c.spendMonthlyCents, input.currency), perHour }));
  }

  const { retestCount: retest, privacyCount: privacy } = input;
  sentences.push(
    retest > 0 && privacy > 0
      ? t('summary.watchBoth', { retest, privacy })
      : retest > 0
        ? t('summary.watchRetest', { retest })
        : privacy > 0
          ? t('summary.watchPrivacy', { privacy })
          : t('summary.watchNone'),
  );
  return sentences.join(' ');
}
