import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { DefinitionPopover } from './definition-popover';

/** A titled dashboard panel with an optional definition and an empty state when the filter leaves nothing. */
export function ChartCard({
  title,
  description,
  definition,
  empty,
  emptyText,
  children,
  className,
  testId,
}: {
  title: string;
  description?: ReactNode;
  definition?: string;
  empty?: boolean;
  emptyText?: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const t = useTranslations('dashboard');
  return (
    <Card className={className} data-testid={testId}>
      <div className="mb-2 flex items-start justify-between gap-2">
        <div>
          <h3 className="text-sm font-semibold">{title}</h3>
          {description ? <p className="text-xs text-muted-foreground">{description}</p> : null}
        </div>
        {definition ? <DefinitionPopover title={title} definition={definition} /> : null}
      </div>
      {empty ? (
        <div className="flex h-40 items-center justify-center rounded-md border border-dashed border-border text-sm text-muted-foreground">{emptyText ?? t('chartEmpty')}</div>
      ) : (
        children
      )}
    </Card>
  );
}
