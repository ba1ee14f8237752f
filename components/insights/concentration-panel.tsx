import { useTranslations } from 'next-intl';
import { InsightsHhiChart } from '@/components/charts/insights-hhi-chart';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { ConcentrationReport } from '@/db/queries/insights/concentration';
import type { ConcentrationLevel, ConcentrationSummary } from '@/lib/metrics/concentration';
import { Explain, hhiText, pct } from './explain';

const TONE = { diversified: 'success', moderate: 'warning', concentrated: 'danger' } as const;

export function LevelBadge({ level }: { level: ConcentrationLevel | null }) {
  const t = useTranslations('insights.concentration');
  if (!level) return <Badge>{t('noData')}</Badge>;
  return <Badge tone={TONE[level]}>{t(`level.${level}`)}</Badge>;
}

function Measure({ label, summary, unit }: { label: string; summary: ConcentrationSummary; unit: 'experiments' | 'spend' }) {
  const t = useTranslations('insights.concentration');
  return (
    <div className="rounded-md border border-border p-3">
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="mt-1 flex items-center gap-2 text-2xl font-semibold">
        {hhiText(summary.hhi)} <LevelBadge level={summary.level} />
      </p>
      <p className="mt-1 text-xs text-muted-foreground">
        {summary.largest ? t(`largest.${unit}`, { name: summary.largest.key, share: pct(summary.largest.share) }) : t('nothingYet')}
      </p>
    </div>
  );
}

export function ConcentrationPanel({ report }: { report: ConcentrationReport }) {
  const t = useTranslations('insights');
  const level = report.byVendor.level;
  return (
    <Card id="concentration" aria-labelledby="concentration-title">
      <CardHeader title={<span id="concentration-title">{t('concentration.title')}</span>} />
      <Explain>
        {t('concentration.explain', { diversified: t('levelExplain.diversified'), moderate: t('levelExplain.moderate'), concentrated: t('levelExplain.concentrated') })}
      </Explain>
      {level === 'concentrated' && report.byVendor.largest ? (
        <p role="alert" data-testid="concentration-warning" className="mb-4 rounded-md border border-danger/50 p-3 text-sm text-danger">
          {t('concentration.warning', { share: pct(report.byVendor.largest.share), vendor: report.byVendor.largest.key, hhi: hhiText(report.byVendor.hhi) })}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Measure label={t('concentration.experimentsAcrossVendors')} summary={report.byVendor} unit="experiments" />
        <Measure label={t('concentration.experimentsAcrossModels')} summary={report.byModel} unit="experiments" />
        <Measure label={t('concentration.spendAcrossVendors')} summary={report.spendByVendor} unit="spend" />
        <Measure label={t('concentration.spendAcrossModels')} summary={report.spendByModel} unit="spend" />
        <div className="rounded-md border border-border p-3">
          <p className="text-sm text-muted-foreground">{t('concentration.portability')}</p>
          <p className="mt-1 text-2xl font-semibold" data-testid="portability">
            {pct(report.portability)}
          </p>
          <p className="mt-1 text-xs text-muted-foreground">{t('concentration.portabilityNote', { completed: report.completed })}</p>
        </div>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t('concentration.perQuarter')}</h3>
          <InsightsHhiChart data={report.overTime} />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t('concentration.byVendor')}</h3>
          <ul className="space-y-2 text-sm">
            {report.vendorShares.map((v) => (
              <li key={v.vendor}>
                <div className="flex justify-between">
                  <span>{v.vendor}</span>
                  <span className="text-muted-foreground">
                    {v.experiments} · {pct(v.share)}
                  </span>
                </div>
                <div className="mt-1 h-2 rounded bg-muted" aria-hidden>
                  <div className="h-2 rounded bg-primary" style={{ width: `${Math.round(v.share * 100)}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <h3 className="mb-2 mt-6 text-sm font-semibold">{t('concentration.perTeam')}</h3>
      <Table>
        <thead>
          <tr>
            <Th>{t('concentration.columns.team')}</Th>
            <Th className="text-right">{t('concentration.columns.experiments')}</Th>
            <Th className="text-right">{t('concentration.columns.hhi')}</Th>
            <Th>{t('concentration.columns.level')}</Th>
            <Th>{t('concentration.columns.largest')}</Th>
          </tr>
        </thead>
        <tbody>
          {report.perTeam.map((t) => (
            <tr key={t.team}>
              <Td className="font-medium">{t.team}</Td>
              <Td className="text-right">{t.experiments}</Td>
              <Td className="text-right">{hhiText(t.summary.hhi)}</Td>
              <Td>
                <LevelBadge level={t.summary.level} />
              </Td>
              <Td>{t.summary.largest ? `${t.summary.largest.key} (${pct(t.summary.largest.share)})` : '—'}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
