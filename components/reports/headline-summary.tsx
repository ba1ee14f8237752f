import { useTranslations } from 'next-intl';
import type { HeadlineFigure } from '@/lib/metrics/headline';
import { formatKpiValue } from '@/lib/metrics/kpi';
import { formatPeriod, type Period } from '@/lib/metrics/period';

/**
 * The dashboard's headline figures for the Reports page's filters: the same values, titles and definitions
 * as the dashboard's cards, the PDF and the workbook's Summary sheet (lib/metrics/headline.ts).
 */
export function HeadlineSummary({ figures, period, currency }: { figures: HeadlineFigure[]; period: Period; currency: string }) {
  const t = useTranslations('reports.headline');
  return (
    <div className="mb-4">
      <p className="mb-2 text-sm text-muted-foreground" data-testid="report-period">
        {t('intro', { period: formatPeriod(period) })}
      </p>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        {figures.map((f) => (
          <div key={f.id} title={f.definition}>
            <dt className="text-muted-foreground">{f.title}</dt>
            <dd className="font-semibold tabular-nums" data-testid={`report-figure-${f.id}`}>
              {formatKpiValue(f.value, f.kind, currency)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
