import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from './cn';

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    // Focusable, so a keyboard can scroll a table wider than its card (on a phone, most are); relative, so
    // the scroll clips the table's sr-only labels too (absolute, they would otherwise widen the page).
    <div tabIndex={0} className="relative overflow-x-auto rounded-lg border border-border bg-card">
      <table className={cn('w-full border-collapse text-sm', className)} {...props} />
    </div>
  );
}
export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn('head-cell', className)} {...props} />;
}
/** The header of a column of row buttons: named for screen readers, blank on screen (the buttons say it). */
export function ThActions({ label }: { label?: string }) {
  const t = useTranslations('common');
  return (
    <Th>
      <span className="sr-only">{label ?? t('actions')}</span>
    </Th>
  );
}
export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('cell', className)} {...props} />;
}

/** A column of TableHead: its name, or its name and whether it holds figures (aligned right, like them). */
export type Column = string | { label: ReactNode; numeric?: boolean };

/** A table's header row from its columns; `actions` names a last column of row buttons (see ThActions). */
export function TableHead({ columns, actions }: { columns: readonly Column[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) =>
          typeof c === 'string' ? (
            <Th key={i}>{c}</Th>
          ) : (
            <Th key={i} className={c.numeric ? 'text-right' : undefined}>
              {c.label}
            </Th>
          ),
        )}
        {actions ? <ThActions label={actions} /> : null}
      </tr>
    </thead>
  );
}
