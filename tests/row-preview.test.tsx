// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamTable, type TeamTableRow } from '@/components/dashboard/team-table';
import { BilledVsReportedTable, UsageBreakdownTable, type BilledVsReportedView, type UsageTableRow } from '@/components/dashboard/usage-tables';
import { clientMessages } from '@/i18n/client-areas';
import { MESSAGES } from '@/messages';

afterEach(cleanup);

const inEnglish = (ui: React.ReactNode) =>
  render(
    <NextIntlClientProvider locale="en" messages={clientMessages(MESSAGES.en)}>
      {ui}
    </NextIntlClientProvider>,
  );

// 30 teams; team i has i outcomes, so the default sort (outcomes, most first) puts Team 30 on top.
const teams: TeamTableRow[] = Array.from({ length: 30 }, (_, n) => {
  const i = n + 1;
  return { teamId: i, team: `Team ${String(i).padStart(2, '0')}`, experiments: 100 - i, outcomes: i, outcomeExperiments: i, hoursSavedPerMonth: i, spendMonthlyCents: i * 100, activeHref: `/a/${i}`, outcomesHref: `/o/${i}`, outcomesNote: '' };
});
const names = (testId: string) => screen.getAllByTestId(testId).map((r) => within(r).getAllByRole('cell')[0].textContent);

describe('a long dashboard table shows its top ten, and every row after "Show all"', () => {
  it('the team table: the top ten of the sorted column; sorting another column re-cuts from all 30 teams', async () => {
    inEnglish(<TeamTable rows={teams} currency="USD" />);
    expect(names('team-table-row')).toEqual(Array.from({ length: 10 }, (_, k) => `Team ${30 - k}`));
    expect(screen.getByText('Showing 10 of 30')).toBeTruthy();

    // Most experiments first: team 1 has 99. The top ten come from all the rows, not from the ten shown.
    fireEvent.click(screen.getByRole('button', { name: /Active experiments/ }));
    expect(names('team-table-row')).toEqual(Array.from({ length: 10 }, (_, k) => `Team ${String(k + 1).padStart(2, '0')}`));

    fireEvent.click(screen.getByTestId('team-table-show-all'));
    await waitFor(() => expect(screen.getAllByTestId('team-table-row')).toHaveLength(30));
    expect(screen.queryByTestId('team-table-show-all')).toBeNull();
  });

  it('usage by team and billed vs reported; a time series stays whole', async () => {
    const spend = { text: '$1.00', rates: null, unconverted: null };
    const usage: UsageTableRow[] = teams.map((t) => ({ key: String(t.teamId), label: t.team, href: null, activeUsers: '1', requests: '2', tokens: '3', spend }));
    const billed: BilledVsReportedView[] = teams.map((t) => ({ key: String(t.teamId), team: t.team, href: null, billed: spend, reported: '$1.00', reportingExperiments: '', gap: '$0.00', gapSign: 'even', why: '' }));
    inEnglish(
      <>
        <UsageBreakdownTable rows={usage} nameHeader="Team" testId="telemetry-by-team" currency="USD" />
        <UsageBreakdownTable rows={usage} nameHeader="Week" testId="telemetry-by-time" currency="USD" whole />
        <BilledVsReportedTable rows={billed} currency="USD" />
      </>,
    );
    expect(screen.getAllByTestId('telemetry-by-team-row')).toHaveLength(10);
    expect(screen.getAllByTestId('telemetry-by-time-row')).toHaveLength(30);
    expect(screen.queryByTestId('telemetry-by-time-show-all')).toBeNull();
    expect(screen.getAllByTestId('billed-vs-reported-row')).toHaveLength(10);

    fireEvent.click(screen.getByTestId('billed-vs-reported-show-all'));
    await waitFor(() => expect(screen.getAllByTestId('billed-vs-reported-row')).toHaveLength(30));
    expect(screen.getAllByTestId('telemetry-by-team-row')).toHaveLength(10);
    fireEvent.click(screen.getByTestId('telemetry-by-team-show-all'));
    await waitFor(() => expect(names('telemetry-by-team-row')).toEqual(teams.map((t) => t.team)));
  });

  it('a page that sent only the top ten fetches the rest once: for "Show all", or to sort by another column', async () => {
    const byOutcomes = [...teams].reverse();
    let calls = 0;
    const loadAll = async () => {
      calls++;
      return { rows: teams };
    };
    inEnglish(<TeamTable rows={byOutcomes.slice(0, 10)} total={30} currency="USD" loadAll={loadAll} />);
    expect(names('team-table-row')).toEqual(byOutcomes.slice(0, 10).map((t) => t.team));
    expect(screen.getByText('Showing 10 of 30')).toBeTruthy();
    expect(calls).toBe(0);

    // By name: the first ten names of all thirty teams, which the page did not all send.
    fireEvent.click(screen.getByRole('button', { name: /^Team/ }));
    await waitFor(() => expect(names('team-table-row')).toEqual(teams.slice(0, 10).map((t) => t.team)));
    expect(calls).toBe(1);
    fireEvent.click(screen.getByTestId('team-table-show-all'));
    await waitFor(() => expect(screen.getAllByTestId('team-table-row')).toHaveLength(30));
    expect(calls).toBe(1);
  });

  it('says so when the other rows could not be fetched, and tries again on the next click', async () => {
    let fail = true;
    const loadAll = async () => {
      if (fail) throw new Error('offline');
      return { rows: teams };
    };
    inEnglish(<TeamTable rows={teams.slice(0, 10)} total={30} currency="USD" loadAll={loadAll} />);
    fireEvent.click(screen.getByTestId('team-table-show-all'));
    expect((await screen.findByTestId('team-table-show-all-rows-failed')).textContent).toBe('The other rows could not be loaded. Try again.');
    expect(screen.getAllByTestId('team-table-row')).toHaveLength(10);
    fail = false;
    fireEvent.click(screen.getByTestId('team-table-show-all'));
    await waitFor(() => expect(screen.getAllByTestId('team-table-row')).toHaveLength(30));
    expect(screen.queryByTestId('team-table-show-all-rows-failed')).toBeNull();
  });
});
