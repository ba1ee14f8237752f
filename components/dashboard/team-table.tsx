'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ShowAllRows, useRowPreview } from '@/components/ui/row-preview';
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

type Key = 'team' | 'experiments' | 'outcomes' | 'hoursSavedPerMonth' | 'spendMonthlyCents';
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

/** Per-team figures, sortable by any column (the rows are one per team, so sorting here is cheap). */
export function TeamTable({ rows, currency }: { rows: TeamTableRow[]; currency: string }) {
  const t = useTranslations('dashboard.teamTable');
  const f = useFormat();
  const [sort, setSort] = useState<{ key: Key; dir: 'asc' | 'desc' }>({ key: 'outcomes', dir: 'desc' });
  const sorted = [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    const cmp = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
    return (sort.dir === 'asc' ? cmp : -cmp) || a.team.localeCompare(b.team);
  });
  // Sorted first, then cut: the first rows are the top of whichever column the reader sorts by.
  const preview = useRowPreview(sorted);
  return (
    <>
      <Table data-testid="team-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <Th key={c.key} className={c.format ? 'text-right' : undefined} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button
                  type="button"
                  className="inline-flex items-center gap-1 hover:underline"
                  onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key && s.dir === 'desc' ? 'asc' : c.key === 'team' && s.key !== c.key ? 'asc' : 'desc' }))}
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
          {preview.shown.map((r) => (
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
      <ShowAllRows {...preview} onClick={preview.expand} testId="team-table" />
    </>
  );
}
