import { formatMoneyCents } from '@/lib/format';
import { OUTCOME_TYPE_LABEL } from '@/lib/labels';
import type { HeadlineKpis } from './headline';
import { formatKpiValue, share } from './kpi';

export type ReportSummaryInput = {
  period: { from: string; to: string };
  current: HeadlineKpis;
  previous: HeadlineKpis | null;
  /** The capability ledger, most frequent kind first (db/queries/report.ts). */
  capabilityLedger: { type: keyof typeof OUTCOME_TYPE_LABEL; outcomes: number }[];
  retestCount: number;
  privacyCount: number;
  currency: string;
};

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The report cover's one-paragraph summary of the period, written from the figures the report shows
 * (the dashboard's headline figures, the capability ledger, the re-test and privacy counts): no
 * figure is typed, so the paragraph never disagrees with the pages after it.
 */
export function reportSummary(input: ReportSummaryInput): string {
  const { current: c, previous: p, period } = input;
  const sentences: string[] = [];

  if (c.active === 0) sentences.push(`From ${period.from} to ${period.to}, no experiment was active.`);
  else {
    const diff = p ? c.active - p.active : null;
    const versus =
      diff == null ? '' : diff === 0 ? ', as many as in the previous period' : `, ${Math.abs(diff).toLocaleString('en-US')} ${diff > 0 ? 'more' : 'fewer'} than in the previous period`;
    sentences.push(`From ${period.from} to ${period.to}, ${count(c.teamsActive, 'team')} ran ${count(c.active, 'active experiment')}${versus}.`);
  }

  const top = input.capabilityLedger.find((r) => r.outcomes > 0);
  const outcomes =
    c.outcomes === 0
      ? 'No capability outcome was recorded'
      : `They recorded ${count(c.outcomes, 'capability outcome')}${top ? ` (most often: ${OUTCOME_TYPE_LABEL[top.type]})` : ''}`;
  const evidence = share(c.completedWithOutcome, c.completed);
  sentences.push(
    evidence == null
      ? `${outcomes}, and no experiment was completed.`
      : `${outcomes}; ${c.completedWithOutcome.toLocaleString('en-US')} of the ${count(c.completed, 'experiment')} completed showed one (${formatKpiValue(evidence, 'share', input.currency)}).`,
  );

  if (c.active > 0) {
    const hours = Math.round(c.hoursSavedPerMonth);
    const perHour = hours > 0 && c.spendMonthlyCents > 0 ? `, ${formatMoneyCents(c.spendMonthlyCents / c.hoursSavedPerMonth, input.currency)} per hour saved` : '';
    sentences.push(`Together they save ${count(hours, 'hour')} a month for ${formatMoneyCents(c.spendMonthlyCents, input.currency)} a month in AI spend${perHour}.`);
  }

  const watch: string[] = [];
  if (input.retestCount > 0) watch.push(`${count(input.retestCount, 'blocked experiment')} could now be re-tested with a newer model`);
  if (input.privacyCount > 0)
    watch.push(`${count(input.privacyCount, 'experiment')} ${input.privacyCount === 1 ? 'sends' : 'send'} confidential or restricted data to a model without a recorded mitigation`);
  sentences.push(watch.length ? `${watch.join(', and ')}.` : 'No blocked experiment awaits a re-test, and no privacy flag is open.');

  return sentences.join(' ');
}
