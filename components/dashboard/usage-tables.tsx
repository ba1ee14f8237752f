'use client';

// In the browser: the rows travel once as data, and a long table renders its first rows until "Show all".
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ShowAllRows, useRowPreview, type RowsOrError } from '@/components/ui/row-preview';
import { Table, Td, Th } from '@/components/ui/table';

/** A billed amount as shown: the converted figure, the rate(s) it used, and what it could not convert (flagged). */
export type SpendCell = { text: string; rates: string | null; unconverted: string | null };

export type UsageTableRow = {
  key: string;
  label: string;
  /** where the name leads: the dashboard narrowed to this team, model or vendor */
  href: string | null;
  sub?: string;
  activeUsers: string;
  requests: string;
  tokens: string;
  spend: SpendCell;
};

/** A long table's first rows and how to fetch the rest (components/ui/row-preview.tsx). */
type Paged<T> = { total?: number; loadAll?: () => Promise<RowsOrError<T>> };

/** The warning sign before an amount left unconverted: a symbol, the same in every language. */
const WARNING = '⚠';

export function SpendText({ cell }: { cell: SpendCell }) {
  return (
    <>
        <span className="font-medium">{cell.text}</span>
        {cell.rates ? <span className="block text-xs text-muted-foreground">{cell.rates}</span> : null}
        {cell.unconverted ? (
          <span className="block text-xs text-warning" data-testid="unconverted">
            {WARNING} {cell.unconverted}
          </span>
        ) : null}
    </>
  );
}

/** Telemetry by team, model or vendor: one row each, the name a drill-down into the dashboard. */
export function UsageBreakdownTable({
  rows,
  nameHeader,
  testId,
  currency,
  whole,
  total,
  loadAll,
}: {
  rows: UsageTableRow[];
  nameHeader: string;
  testId: string;
  currency: string;
  /** every row at once (a time series reads as a whole) */
  whole?: boolean;
} & Paged<UsageTableRow>) {
  const t = useTranslations('dashboard.usageTables');
  const preview = useRowPreview(rows, { total, loadAll, limit: whole ? rows.length : undefined });
  return (
    <>
      <Table data-testid={testId}>
        <thead>
          <tr>
            <Th>{nameHeader}</Th>
            <Th className="text-right">{t('activeUsers')}</Th>
            <Th className="text-right">{t('requests')}</Th>
            <Th className="text-right">{t('tokens')}</Th>
            <Th className="text-right">{t('billedSpend', { currency })}</Th>
          </tr>
        </thead>
        <tbody>
          {preview.cut(preview.rows).map((r) => (
            <tr key={r.key} data-testid={`${testId}-row`}>
              <Td>
                {r.href ? (
                  <Link href={r.href} className="quiet-link">
                    {r.label}
                  </Link>
                ) : (
                  r.label
                )}
                {r.sub ? <span className="block text-xs text-muted-foreground">{r.sub}</span> : null}
              </Td>
              <Td className="num">{r.activeUsers}</Td>
              <Td className="num">{r.requests}</Td>
              <Td className="num">{r.tokens}</Td>
              <Td className="num">
                <SpendText cell={r.spend} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <ShowAllRows {...preview} testId={testId} />
    </>
  );
}

export type BilledVsReportedView = {
  key: string;
  team: string;
  href: string | null;
  billed: SpendCell;
  reported: string;
  reportingExperiments: string;
  gap: string;
  gapSign: 'over' | 'under' | 'even';
  why: string;
};

/** Each team's billed spend beside what its experiments report, the gap, and why. */
export function BilledVsReportedTable({ rows, currency, total, loadAll }: { rows: BilledVsReportedView[]; currency: string } & Paged<BilledVsReportedView>) {
  const t = useTranslations('dashboard.usageTables');
  const preview = useRowPreview(rows, { total, loadAll });
  return (
    <>
      <Table data-testid="billed-vs-reported">
        <thead>
          <tr>
            <Th>{t('team')}</Th>
            <Th className="text-right">{t('billed', { currency })}</Th>
            <Th className="text-right">{t('reported')}</Th>
            <Th className="text-right">{t('gap')}</Th>
            <Th>{t('why')}</Th>
          </tr>
        </thead>
        <tbody>
          {preview.cut(preview.rows).map((r) => (
            <tr key={r.key} data-testid="billed-vs-reported-row">
              <Td>
                {r.href ? (
                  <Link href={r.href} className="quiet-link">
                    {r.team}
                  </Link>
                ) : (
                  r.team
                )}
              </Td>
              <Td className="num">
                <SpendText cell={r.billed} />
              </Td>
              <Td className="num">
                <span className="font-medium">{r.reported}</span>
                <span className="block text-xs text-muted-foreground">{r.reportingExperiments}</span>
              </Td>
              <Td className="text-right font-medium tabular-nums" data-gap={r.gapSign}>{r.gap}</Td>
              <Td className="max-w-md text-xs">{r.why}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <ShowAllRows {...preview} testId="billed-vs-reported" />
    </>
  );
}
