import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import type { ExperimentListRow } from '@/db/queries/experiments/list';
import { getFormat } from '@/i18n/format';
import { experimentFiltersToSearch, type ExperimentFilters, type SortKey } from '@/lib/validation/experiment-filters';

// Each column's heading is the catalog's experiments.table.<key>.
// The list sorts by end date only through a link (no column of its own).
const COLUMNS: { key: Exclude<SortKey, 'endDate'>; numeric?: boolean }[] = [
  { key: 'title' },
  { key: 'team' },
  { key: 'status' },
  { key: 'mindset' },
  { key: 'workType' },
  { key: 'startDate' },
  { key: 'hoursSaved', numeric: true },
  { key: 'spend', numeric: true },
  { key: 'outcomes', numeric: true },
  { key: 'updatedAt' },
];

/** Sorting is a link: same filters, this column, the other direction when it is already sorted by it. */
function SortHeader({ f, col, label }: { f: ExperimentFilters; col: (typeof COLUMNS)[number]; label: string }) {
  const active = f.sort === col.key;
  const dir = active ? (f.dir ?? 'asc') : undefined;
  const next = active && dir === 'asc' ? 'desc' : 'asc';
  const href = `/experiments?${experimentFiltersToSearch({ ...f, sort: col.key, dir: next, page: 1 })}`;
  return (
    <Th className={col.numeric ? 'text-right' : undefined} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
      <Link href={href} className="hover:underline">
        {label}
        {dir ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Link>
    </Th>
  );
}

export async function ExperimentsTable({ rows, f, currency }: { rows: ExperimentListRow[]; f: ExperimentFilters; currency: string }) {
  const [t, tl, fmt] = await Promise.all([getTranslations('experiments.table'), getTranslations('labels'), getFormat()]);
  return (
    <Table data-testid="experiments-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <SortHeader key={c.key} f={f} col={c} label={t(c.key)} />
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
              {e.archivedAt ? <Badge tone="warning" className="ml-2">{t('archived')}</Badge> : null}
              {e.exploration ? <Badge tone="primary" className="ml-2">{t('exploration')}</Badge> : null}
              {e.blockedByModel ? <Badge tone="danger" className="ml-2">{t('blocked')}</Badge> : null}
            </Td>
            <Td>{e.team}</Td>
            <Td>
              <Badge>{tl(`status.${e.status}`)}</Badge>
            </Td>
            <Td>{e.mindset ? tl(`mindsetShort.${e.mindset}`) : tl('notSet')}</Td>
            <Td>{e.workType ? tl(`workType.${e.workType}`) : tl('notSet')}</Td>
            <Td className="whitespace-nowrap">{fmt.formatDate(e.startDate)}</Td>
            <Td className="text-right">
              {fmt.formatNumber(e.hoursSavedPerMonth == null ? null : Number(e.hoursSavedPerMonth))}
              {e.hoursFromCheckin ? <FromCheckin title={t('fromCheckin')} sr={t('fromCheckinSr')} /> : null}
            </Td>
            <Td className="text-right">
              {fmt.formatMoneyCents(e.spendMonthlyCents, currency)}
              {e.spendFromCheckin ? <FromCheckin title={t('fromCheckin')} sr={t('fromCheckinSr')} /> : null}
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
function FromCheckin({ title, sr }: { title: string; sr: string }) {
  return (
    <span className="ml-1 text-xs text-muted-foreground" title={title}>
      ✓<span className="sr-only">{sr}</span>
    </span>
  );
}

/** The current figures summed over every page, before rounding: a dashboard drill-down's total is its bar's value. */
export async function ListSums({ total, sums, currency }: { total: number; sums: { hoursSavedPerMonth: number; spendMonthlyCents: number }; currency: string }) {
  const [t, fmt] = await Promise.all([getTranslations('experiments.table'), getFormat()]);
  return (
    <p className="mt-2 text-sm text-muted-foreground" data-testid="list-sums">
      {t.rich('sums', {
        count: fmt.formatNumber(total),
        hours: fmt.formatNumber(sums.hoursSavedPerMonth),
        spend: fmt.formatMoneyCents(sums.spendMonthlyCents, currency),
        hoursFigure: (chunks) => <strong data-testid="list-sum-hours">{chunks}</strong>,
        spendFigure: (chunks) => <strong data-testid="list-sum-spend">{chunks}</strong>,
      })}
    </p>
  );
}

export async function Pagination({ f, page, pages, total }: { f: ExperimentFilters; page: number; pages: number; total: number }) {
  const [t, tc] = await Promise.all([getTranslations('experiments.table'), getTranslations('common')]);
  const link = (p: number) => `/experiments?${experimentFiltersToSearch({ ...f, page: p })}`;
  return (
    <nav aria-label={t('pages')} className="mt-3 flex items-center justify-between text-sm">
      <span data-testid="result-count">
        {t('resultCount', { count: total, page: String(page), pages: String(pages) })}
      </span>
      <span className="flex gap-3">
        {page > 1 ? <Link href={link(page - 1)} rel="prev" className="hover:underline">← {tc('previous')}</Link> : null}
        {page < pages ? <Link href={link(page + 1)} rel="next" className="hover:underline">{tc('next')} →</Link> : null}
      </span>
    </nav>
  );
}
