import { InsightsHhiChart } from '@/components/charts/insights-hhi-chart';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { ConcentrationReport } from '@/db/queries/insights/concentration';
import { LEVEL_EXPLAIN, type ConcentrationLevel, type ConcentrationSummary } from '@/lib/metrics/concentration';
import { Explain, hhiText, pct } from './explain';

const TONE = { diversified: 'success', moderate: 'warning', concentrated: 'danger' } as const;

export function LevelBadge({ level }: { level: ConcentrationLevel | null }) {
  if (!level) return <Badge>no data</Badge>;
  return <Badge tone={TONE[level]}>{level}</Badge>;
}

function Measure({ label, summary, unit }: { label: string; summary: ConcentrationSummary; unit: string }) {
  return (
    <div className="rounded-md border border-border p-3">
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="mt-1 flex items-center gap-2 text-2xl font-semibold">
        {hhiText(summary.hhi)} <LevelBadge level={summary.level} />
      </p>
      <p className="mt-1 text-xs text-muted-foreground">
        {summary.largest ? `Largest: ${summary.largest.key}, ${pct(summary.largest.share)} of ${unit}` : 'Nothing recorded yet'}
      </p>
    </div>
  );
}

export function ConcentrationPanel({ report }: { report: ConcentrationReport }) {
  const level = report.byVendor.level;
  return (
    <Card id="concentration" aria-labelledby="concentration-title">
      <CardHeader title={<span id="concentration-title">Model and vendor concentration</span>} />
      <Explain>
        Capabilities move every few months, so relying on one vendor or one model is a risk. The Herfindahl–Hirschman index (HHI) adds
        up the squared shares: 1 means everything on one vendor, 1/n means n vendors used equally. Thresholds: {LEVEL_EXPLAIN.diversified};{' '}
        {LEVEL_EXPLAIN.moderate}; {LEVEL_EXPLAIN.concentrated}. Each experiment counts for its primary model; spend is the monthly run rate.
      </Explain>
      {level === 'concentrated' && report.byVendor.largest ? (
        <p role="alert" data-testid="concentration-warning" className="mb-4 rounded-md border border-danger/50 p-3 text-sm text-danger">
          Concentrated: {pct(report.byVendor.largest.share)} of experiments run on {report.byVendor.largest.key} (vendor HHI{' '}
          {hhiText(report.byVendor.hhi)}). Try the next experiments on a second vendor so that switching stays cheap.
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Measure label="Experiments across vendors" summary={report.byVendor} unit="experiments" />
        <Measure label="Experiments across models" summary={report.byModel} unit="experiments" />
        <Measure label="Spend across vendors" summary={report.spendByVendor} unit="spend" />
        <Measure label="Spend across models" summary={report.spendByModel} unit="spend" />
        <div className="rounded-md border border-border p-3">
          <p className="text-sm text-muted-foreground">Portability</p>
          <p className="mt-1 text-2xl font-semibold" data-testid="portability">
            {pct(report.portability)}
          </p>
          <p className="mt-1 text-xs text-muted-foreground">of {report.completed} completed experiments were tried on two or more models</p>
        </div>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold">Vendor concentration per quarter</h3>
          <InsightsHhiChart data={report.overTime} />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold">Share of experiments by vendor</h3>
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
      <h3 className="mb-2 mt-6 text-sm font-semibold">Per team</h3>
      <Table>
        <thead>
          <tr>
            <Th>Team</Th>
            <Th className="text-right">Experiments</Th>
            <Th className="text-right">Vendor HHI</Th>
            <Th>Level</Th>
            <Th>Largest vendor</Th>
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
