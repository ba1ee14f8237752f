import { describe, expect, it } from 'vitest';
import { reportSummary, type ReportSummaryInput } from '@/lib/metrics/report-summary';
import type { HeadlineKpis } from '@/lib/metrics/headline';

const kpis = (over: Partial<HeadlineKpis> = {}): HeadlineKpis => ({
  active: 48,
  teamsActive: 9,
  completed: 20,
  completedWithOutcome: 12,
  activeNewCapability: 30, activeExploring: 0,
  hoursSavedPerMonth: 4032.4,
  spendMonthlyCents: 3_674_000,
  spendOneOffCents: 0,
  outcomes: 31,
  ...over,
});

const input = (over: Partial<ReportSummaryInput> = {}): ReportSummaryInput => ({
  period: { from: '2026-01-01', to: '2026-03-31' },
  current: kpis(),
  previous: kpis({ active: 42 }),
  capabilityLedger: [
    { type: 'insight', outcomes: 14 },
    { type: 'new_capability', outcomes: 10 },
  ],
  retestCount: 3,
  privacyCount: 2,
  currency: 'USD',
  ...over,
});

describe('the report cover summary', () => {
  it('is one paragraph written from the figures', () => {
    expect(reportSummary(input())).toBe(
      'From 2026-01-01 to 2026-03-31, 9 teams ran 48 active experiments, 6 more than in the previous period. ' +
        'They recorded 31 capability outcomes (most often: Insight); 12 of the 20 experiments completed showed one (60%). ' +
        'Together they save 4,032 hours a month for $36,740 a month in AI spend, $9 per hour saved. ' +
        '3 blocked experiments could now be re-tested with a newer model, and 2 experiments send confidential or restricted data to a model without a recorded mitigation.',
    );
  });

  it('says fewer, as many, singular and nothing-to-watch in words', () => {
    expect(
      reportSummary(
        input({
          current: kpis({ active: 1, teamsActive: 1, outcomes: 1, completed: 1, completedWithOutcome: 1, hoursSavedPerMonth: 1, spendMonthlyCents: 2_000 }),
          previous: kpis({ active: 4 }),
          capabilityLedger: [{ type: 'quality_uplift', outcomes: 1 }],
          retestCount: 0,
          privacyCount: 1,
          currency: 'EUR',
        }),
      ),
    ).toBe(
      'From 2026-01-01 to 2026-03-31, 1 team ran 1 active experiment, 3 fewer than in the previous period. ' +
        'They recorded 1 capability outcome (most often: Quality uplift); 1 of the 1 experiment completed showed one (100%). ' +
        'Together they save 1 hour a month for €20 a month in AI spend, €20 per hour saved. ' +
        '1 experiment sends confidential or restricted data to a model without a recorded mitigation.',
    );
    expect(reportSummary(input({ previous: kpis(), retestCount: 0, privacyCount: 0 }))).toContain(
      '9 teams ran 48 active experiments, as many as in the previous period. ',
    );
    expect(reportSummary(input({ retestCount: 0, privacyCount: 0 }))).toMatch(/ No blocked experiment awaits a re-test, and no privacy flag is open\.$/);
  });

  it('an empty period says so instead of printing zeros', () => {
    const empty = kpis({ active: 0, teamsActive: 0, completed: 0, completedWithOutcome: 0, outcomes: 0, hoursSavedPerMonth: 0, spendMonthlyCents: 0 });
    expect(reportSummary(input({ current: empty, previous: null, capabilityLedger: [], retestCount: 0, privacyCount: 0 }))).toBe(
      'From 2026-01-01 to 2026-03-31, no experiment was active. No capability outcome was recorded, and no experiment was completed. ' +
        'No blocked experiment awaits a re-test, and no privacy flag is open.',
    );
  });

  it('leaves out the cost per hour when no hours are saved', () => {
    expect(reportSummary(input({ current: kpis({ hoursSavedPerMonth: 0 }) }))).toContain('Together they save 0 hours a month for $36,740 a month in AI spend. ');
  });
});
