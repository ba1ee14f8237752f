import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

/**
 * Filters folded behind a "Filters" button on a phone; on a wide screen (64rem and up) the button goes and
 * the filters always show (app/globals.css, .filters-disclosure). `open` keeps them unfolded, e.g. when the
 * page was reached with filters set.
 */
export function FiltersDisclosure({ open, children }: { open?: boolean; children: ReactNode }) {
  const t = useTranslations('filters');
  return (
    <details className="filters-disclosure" open={open}>
      <summary className="mb-4 inline-flex cursor-pointer items-center gap-1 rounded-md border border-border bg-card px-3 py-1.5 text-sm font-medium">
        {t('disclosure')}
      </summary>
      {children}
    </details>
  );
}
