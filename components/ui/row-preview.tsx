'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { firstRows, PREVIEW_ROWS } from '@/lib/table/preview';

/** What fetching every row answers: the rows, or why they could not be read. */
export type RowsOrError<T> = { rows: T[] } | { error: string };

type Options<T> = {
  /** how many rows there are in all, when `rows` holds only the first ones */
  total?: number;
  /** fetches every row (a server action): the page sends only the first rows of a long table */
  loadAll?: () => Promise<RowsOrError<T>>;
  limit?: number;
};

/**
 * A long table's first rows, and "Show all" under it. A table of every team was most of a dashboard view at 50+
 * teams: the page renders the first rows, and the rest arrive when asked for (at once when the page sent them all,
 * else from `loadAll`).
 */
export function useRowPreview<T>(rows: readonly T[], { total: counted = rows.length, loadAll, limit = PREVIEW_ROWS }: Options<T> = {}) {
  const [expanded, setExpanded] = useState(false);
  const [loaded, setLoaded] = useState<readonly T[] | null>(null);
  const [status, setStatus] = useState<'idle' | 'loading' | 'failed'>('idle');
  const complete = loaded ?? (loadAll && rows.length < counted ? null : rows);
  // Once every row is here, their number is the count (the data may have changed since the page counted them).
  const total = loaded ? loaded.length : counted;

  /** Every row, fetched once if the page did not send them all; null if that failed (the reader can retry). */
  const load = async (): Promise<readonly T[] | null> => {
    if (complete) return complete;
    setStatus('loading');
    try {
      const got = await loadAll!();
      if ('error' in got) throw new Error(got.error);
      const all = got.rows;
      setLoaded(all);
      setStatus('idle');
      return all;
    } catch {
      setStatus('failed');
      return null;
    }
  };

  return {
    /** the rows at hand: all of them once loaded */
    rows: complete ?? rows,
    /** the rows to show of a list in the table's order */
    cut: (list: readonly T[]) => firstRows(list, limit, expanded),
    more: expanded ? 0 : total - firstRows(complete ?? rows, limit, false).length,
    total,
    status,
    load,
    expand: async () => {
      if (await load()) setExpanded(true);
    },
  };
}

export function ShowAllRows({
  more,
  total,
  status,
  expand,
  testId,
}: {
  more: number;
  total: number;
  status: 'idle' | 'loading' | 'failed';
  expand: () => void;
  testId: string;
}) {
  const t = useTranslations('common');
  if (more <= 0) return null;
  return (
    <p className="mt-2 flex flex-wrap items-center gap-3 text-xs text-muted-foreground" aria-live="polite">
      <span>{t('shownRows', { shown: total - more, count: total })}</span>
      <button
        type="button"
        onClick={expand}
        disabled={status === 'loading'}
        aria-busy={status === 'loading'}
        className="font-medium text-foreground underline underline-offset-2 disabled:opacity-60"
        data-testid={`${testId}-show-all`}
      >
        {status === 'loading' ? t('loading') : t('showAllRows', { count: total })}
      </button>
      {status === 'failed' ? (
        <span className="text-danger" role="alert" data-testid={`${testId}-show-all-rows-failed`}>
          {t('rowsFailed')}
        </span>
      ) : null}
    </p>
  );
}
