'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { firstRows, PREVIEW_ROWS } from '@/lib/table/preview';

/**
 * A long table's first rows, and a button under it that shows the rest in place. A table of every team is most
 * of a dashboard view at 50+ teams; the page sends each row's data once, and renders only what is shown.
 */
export function useRowPreview<T>(rows: readonly T[], limit = PREVIEW_ROWS) {
  const [expanded, setExpanded] = useState(false);
  const shown = firstRows(rows, limit, expanded);
  return { shown, more: rows.length - shown.length, total: rows.length, expand: () => setExpanded(true) };
}

export function ShowAllRows({ more, total, onClick, testId }: { more: number; total: number; onClick: () => void; testId: string }) {
  const t = useTranslations('common');
  if (more <= 0) return null;
  return (
    <p className="mt-2 flex items-center gap-3 text-xs text-muted-foreground">
      <span>{t('shownRows', { shown: total - more, count: total })}</span>
      <button type="button" onClick={onClick} className="font-medium text-foreground underline underline-offset-2" data-testid={`${testId}-show-all`}>
        {t('showAllRows', { count: total })}
      </button>
    </p>
  );
}
