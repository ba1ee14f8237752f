'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ShowAllRows, useRowPreview, type RowsOrError } from '@/components/ui/row-preview';
import { compareTeams, DEFAULT_TEAM_SORT, type TeamSort, type TeamSortKey } from './team-sort';
import { Table, Td, Th } from '@/components/ui/table';
import { useFormat } from '@/i18n/use-format';
import { formatValue, type ValueFormat } from '@/lib/metrics/dashboard-series';
import type { TeamRow } from '@/db/queries/dashboard/teams';

export type TeamTableRow = TeamRow & {
  /** drill-downs: the team's active experiments, and those with an outcome in the period */
  activeHref: string;
  outcomesHref: string;
  /** the outcomes figure's tooltip: how many outcomes from how many experiments */
  outcomesNote: string;
};

type Key = TeamSortKey;
/** The columns; each one's heading is dashboard.teamTable.<key> in the catalog. */
const COLUMNS: { key: Key; format?: ValueFormat }[] = [
  { key: 'team' },
  { key: 'experiments', format: 'count' },
  { key: 'outcomes', format: 'count' },
  { key: 'hoursSavedPerMonth', format: 'hours' },
  { key: 'spendMonthlyCents', format: 'cents' },
];
/** The numeric columns: every figure links to the experiments behind it. */
const FIGURES = COLUMNS.filter((c): c is { key: Exclude<Key, 'team'>; format: ValueFormat } => c.format !== undefined);

/**
 * Per-team figures, sortable by any column. A long table shows its top ten of the sorted column: the page sends
 * the top of the default order (`total` tells how many there are), and the first sort by another column, or
 * "Show all", fetches every team once (`loadAll`).
 */
export function TeamTable({ rows, currency, total, loadAll }: { rows: TeamTableRow[]; currency: string; total?: number; loadAll?: () => Promise<RowsOrError<TeamTableRow>> }) {
  const t = useTranslations('dashboard.teamTable');
  const f = useFormat();
  const [sort, setSort] = useState<TeamSort>(DEFAULT_TEAM_SORT);
  const preview = useRowPreview(rows, { total, loadAll });
  // Sorted first, then cut: the first rows are the top of whichever column the reader sorts by.
  const shown = preview.cut([...preview.rows].sort(compareTeams(sort)));
  const sortBy = (key: Key) => {
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'desc' ? 'asc' : key === 'team' && s.key !== key ? 'asc' : 'desc' }));
    void preview.load();
  };
  return (
    <>
      <Table data-testid="team-table" aria-busy={preview.status === 'loading'}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <Th key={c.key} className={c.format ? 'text-right' : undefined} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button
                  type="button"
                  className="inline-flex items-center gap-1 hover:underline"
                  onClick={() => sortBy(c.key)}
                >
                  {t(c.key)}
                  <span aria-hidden className="text-xs text-muted-foreground">
                    {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.teamId} data-testid="team-table-row">
              <Td className="font-medium">{r.team}</Td>
              {FIGURES.map((c) => (
                <Td key={c.key} className="num">
                  {/* Outcomes list the experiments with an outcome in the period; the other figures, the active ones. */}
                  <Link href={c.key === 'outcomes' ? r.outcomesHref : r.activeHref} className="hover:underline" title={c.key === 'outcomes' ? r.outcomesNote : undefined}>
                    {formatValue(r[c.key], c.format, currency, f)}
                  </Link>
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      <ShowAllRows {...preview} testId="team-table" />
    </>
  );
}
