import type { TeamRow } from '@/db/queries/dashboard/teams';

/** A column of the team table, and how it is sorted. */
export type TeamSortKey = 'team' | 'experiments' | 'outcomes' | 'hoursSavedPerMonth' | 'spendMonthlyCents';
export type TeamSort = { key: TeamSortKey; dir: 'asc' | 'desc' };

/** The table opens with the teams that recorded the most capability outcomes first. */
export const DEFAULT_TEAM_SORT: TeamSort = { key: 'outcomes', dir: 'desc' };

/** One order for the server (which sends the top rows first) and the table (which re-sorts): ties by name. */
export function compareTeams(sort: TeamSort) {
  return (a: TeamRow, b: TeamRow) => {
    const x = a[sort.key];
    const y = b[sort.key];
    const cmp = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
    return (sort.dir === 'asc' ? cmp : -cmp) || a.team.localeCompare(b.team);
  };
}
