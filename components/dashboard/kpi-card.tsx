import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/i18n/format';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { describeChange, formatKpiValue, type Change, type ValueKind } from '@/lib/metrics/kpi';
import { DefinitionPopover } from './definition-popover';

export type KpiCardProps = {
  id: string;
  title: string;
  value: number | null;
  previous: number | null | undefined;
  change: Change | null;
  kind: ValueKind;
  /** the experiments behind the figure */
  href: string;
  definition: string;
  /** a second line, e.g. "of 7 teams" or "average impact 3.8" */
  detail?: string;
  /** capability figures are the product's point: they get the accent */
  accent?: 'capability' | 'efficiency';
  /** more is neither good nor bad (spend): the change is not coloured */
  neutralChange?: boolean;
  /** the organisation's currency (org_settings.currency) for money figures */
  currency: string;
};

/** One headline figure: its value for the period, the previous period's and the change, linking to its experiments. */
export async function KpiCard({ id, title, value, previous, change, kind, href, definition, detail, accent, neutralChange, currency }: KpiCardProps) {
  const [t, f] = await Promise.all([getTranslations('dashboard.kpiCard'), getFormat()]);
  const words = { none: t('change.none'), flat: t('change.flat'), points: (points: string) => t('change.points', { points }), fresh: t('change.new') };
  const shown = formatKpiValue(value, kind, currency, f);
  const tone = neutralChange ? 'text-foreground' : change?.direction === 'up' ? 'text-success' : change?.direction === 'down' ? 'text-danger' : 'text-muted-foreground';
  return (
    <Card
      className={cn(
        'flex flex-col gap-1',
        accent === 'capability' && 'border-t-4 border-t-[var(--chart-capability)]',
        accent === 'efficiency' && 'border-t-4 border-t-[var(--chart-efficiency)]',
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-muted-foreground">{title}</h3>
        <DefinitionPopover title={title} definition={definition} />
      </div>
      <Link href={href} className="text-3xl font-semibold tabular-nums hover:underline" data-testid={`kpi-${id}`} aria-label={t('link', { title, value: shown })}>
        {shown}
      </Link>
      {detail ? <p className="text-xs text-muted-foreground">{detail}</p> : null}
      <p className="text-xs">
        <span className={cn('font-medium', tone)} data-testid={`kpi-${id}-change`}>
          {change?.direction === 'up' ? '▲ ' : change?.direction === 'down' ? '▼ ' : ''}
          {describeChange(change, kind, currency, words, f)}
        </span>
        {previous !== undefined ? <span className="text-muted-foreground">{t('previous', { value: formatKpiValue(previous, kind, currency, f) })}</span> : null}
      </p>
    </Card>
  );
}
