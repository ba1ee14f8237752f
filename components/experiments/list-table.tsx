import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import type { ExperimentListRow } from '@/db/queries/experiments/list';
import { formatDate, formatMoneyCents, formatNumber } from '@/lib/format';
import { formatKpiValue } from '@/lib/metrics/kpi';
import { MINDSET_SHORT, STATUS_LABEL, WORK_TYPE_LABEL, labelOrNotSet } from '@/lib/labels';
import { experimentFiltersToSearch, type ExperimentFilters, type SortKey } from '@/lib/validation/experiment-filters';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'title', label: 'Title' },
  { key: 'team', label: 'Team' },
  { key: 'status', label: 'Status' },
  { key: 'mindset', label: 'Mindset' },
  { key: 'workType', label: 'Work type' },
  { key: 'startDate', label: 'Started' },
  { key: 'hoursSaved', label: 'Hours saved / month', numeric: true },
  { key: 'spend', label: 'Spend / month', numeric: true },
  { key: 'outcomes', label: 'Outcomes', numeric: true },
  { key: 'updatedAt', label: 'Updated' },
];

/** Sorting is a link: same filters, this column, the other direction when it is already sorted by it. */
function SortHeader({ f, col }: { f: ExperimentFilters; col: (typeof COLUMNS)[number] }) {
  const active = f.sort === col.key;
  const dir = active ? (f.dir ?? 'asc') : undefined;
  const next = active && dir === 'asc' ? 'desc' : 'asc';
  const href = `/experiments?${experimentFiltersToSearch({ ...f, sort: col.key, dir: next, page: 1 })}`;
  return (
    <Th className={col.numeric ? 'text-right' : undefined} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
      <Link href={href} className="hover:underline">
        {col.label}
        {dir ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Link>
    </Th>
  );
}

export function ExperimentsTable({ rows, f, currency }: { rows: ExperimentListRow[]; f: ExperimentFilters; currency: string }) {
  return (
    <Table data-testid="experiments-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <SortHeader key={c.key} f={f} col={c} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id}>
            <Td className="min-w-48 font-medium">
              <Link href={`/experiments/${e.id}`} className="hover:underline">
                {e.title}
              </Link>
              {e.archivedAt ? <Badge tone="warning" className="ml-2">Archived</Badge> : null}
              {e.exploration ? <Badge tone="primary" className="ml-2">Exploration</Badge> : null}
              {e.blockedByModel ? <Badge tone="danger" className="ml-2">Blocked</Badge> : null}
            </Td>
            <Td>{e.team}</Td>
            <Td>
              <Badge>{STATUS_LABEL[e.status]}</Badge>
            </Td>
            <Td>{labelOrNotSet(MINDSET_SHORT, e.mindset)}</Td>
            <Td>{labelOrNotSet(WORK_TYPE_LABEL, e.workType)}</Td>
            <Td className="whitespace-nowrap">{formatDate(e.startDate)}</Td>
            <Td className="text-right">
              {formatNumber(e.hoursSavedPerMonth == null ? null : Number(e.hoursSavedPerMonth))}
              {e.hoursFromCheckin ? <FromCheckin /> : null}
            </Td>
            <Td className="text-right">
              {formatMoneyCents(e.spendMonthlyCents, currency)}
              {e.spendFromCheckin ? <FromCheckin /> : null}
            </Td>
            <Td className="text-right">{e.outcomes}</Td>
            <Td className="whitespace-nowrap">{new Date(e.updatedAt).toISOString().slice(0, 10)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Marks a figure taken from the latest check-in rather than the experiment's own estimate. */
function FromCheckin() {
  return (
    <span className="ml-1 text-xs text-muted-foreground" title="From the latest check-in">
      ✓<span className="sr-only"> from the latest check-in</span>
    </span>
  );
}

/** The current figures summed over every page, before rounding: a dashboard drill-down's total is its bar's value. */
export function ListSums({ total, sums, currency }: { total: number; sums: { hoursSavedPerMonth: number; spendMonthlyCents: number }; currency: string }) {
  return (
    <p className="mt-2 text-sm text-muted-foreground" data-testid="list-sums">
      All {formatNumber(total)} experiments together: <strong data-testid="list-sum-hours">{formatKpiValue(sums.hoursSavedPerMonth, 'hours', currency)}</strong> hours saved
      per month for <strong data-testid="list-sum-spend">{formatKpiValue(sums.spendMonthlyCents, 'cents', currency)}</strong> a month. Figures are current: the latest
      check-in (✓), else the experiment&apos;s own estimate, as the dashboard counts them.
    </p>
  );
}

export function Pagination({ f, page, pages, total }: { f: ExperimentFilters; page: number; pages: number; total: number }) {
  const link = (p: number) => `/experiments?${experimentFiltersToSearch({ ...f, page: p })}`;
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
      <span data-testid="result-count">
        {total.toLocaleString('en-US')} experiment{total === 1 ? '' : 's'} · page {page} of {pages}
      </span>
      <span className="flex gap-3">
        {page > 1 ? <Link href={link(page - 1)} rel="prev" className="hover:underline">← Previous</Link> : null}
        {page < pages ? <Link href={link(page + 1)} rel="next" className="hover:underline">Next →</Link> : null}
      </span>
    </nav>
  );
}
