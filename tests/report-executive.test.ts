import { and, between, desc, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { capabilityOutcomes, experiments } from '@/db/schema';
import { executiveReportData, reportPeriod } from '@/db/queries/report';
import { getDashboardKpis } from '@/db/queries/dashboard-kpis';
import { parseDashboardParams, resolveDashboardFilters } from '@/lib/validation/dashboard-filters';
import { niceStep } from '@/lib/export/pdf/charts';
import { changeText, executiveReportPdf } from '@/lib/export/pdf/executive-report';
import { extractPdfText, pdfPageCount } from '@/lib/export/pdf/extract-text';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { formatNumber } from '@/lib/format';
import { describeEachDb } from './helpers/db';

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

describe('report helpers', () => {
  it('the default period is the 90 days to today, the previous period the 90 days before', () => {
    expect(reportPeriod({}, '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31', previousFrom: '2025-10-03', previousTo: '2025-12-31' });
    expect(reportPeriod({ from: '2026-04-01', to: '2026-04-30' })).toEqual({ from: '2026-04-01', to: '2026-04-30', previousFrom: '2026-03-02', previousTo: '2026-03-31' });
  });

  it('describes period-over-period change in words', () => {
    expect(changeText(12, 10)).toBe('+20% vs previous period');
    expect(changeText(5, 10)).toBe('-50% vs previous period');
    expect(changeText(3, 0)).toBe('new this period');
    expect(changeText(0, 0)).toBe('no change vs previous period');
  });

  it('chooses round chart steps', () => {
    expect(niceStep(8)).toBe(2);
    expect(niceStep(40)).toBe(10);
    expect(niceStep(230)).toBe(50);
  });
});

describeEachDb(
  'executive report',
  (ctx) => {
    it('states the same headline figures as the dashboard for the same period', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const data = await executiveReportData(ctx.db, parseExperimentFilters({}), { today });
      const dashboard = await getDashboardKpis(
        ctx.db,
        resolveDashboardFilters(parseDashboardParams({ from: data.period.from, to: data.period.to }), { today }),
      );
      expect(data.current.experiments).toBe(dashboard.current.active);
      expect(data.current.teams).toBe(dashboard.current.teamsActive);
      expect(data.current.hoursSavedPerMonth).toBeCloseTo(dashboard.current.hoursSavedPerMonth, 2);
      expect(data.current.spendMonthlyCents).toBe(dashboard.current.spendMonthlyCents);
      expect(data.current.outcomes).toBe(dashboard.current.outcomes);
    });

    it('the PDF states the period, the headline figures, a top story and the methods, on A4 and Letter', async () => {
      const filters = parseExperimentFilters({});
      const data = await executiveReportData(ctx.db, filters);
      const { from, to } = data.period;
      const [top] = await ctx.db
        .select({ description: capabilityOutcomes.description, title: experiments.title })
        .from(capabilityOutcomes)
        .innerJoin(experiments, eq(experiments.id, capabilityOutcomes.experimentId))
        .where(and(isNull(experiments.archivedAt), between(capabilityOutcomes.recordedOn, from, to)))
        .orderBy(desc(capabilityOutcomes.impact), desc(capabilityOutcomes.recordedOn), desc(capabilityOutcomes.id))
        .limit(1);
      expect(top).toBeDefined();

      for (const paper of ['a4', 'letter'] as const) {
        const pdf = await bytesOf(
          executiveReportPdf(data, { organisation: 'Acme Test', currency: 'USD', filterText: '', generatedAt: new Date(), paper }),
        );
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const text = extractPdfText(pdf);
        expect(text).toContain('Acme Test');
        expect(text).toContain(`Period: ${from} to ${to}`);
        expect(text).toContain('Hours saved per month'.toUpperCase());
        expect(text).toContain(formatNumber(data.current.hoursSavedPerMonth));
        expect(text).toContain(formatNumber(data.current.experiments));
        expect(text).toContain('Capability ledger');
        expect(text).toContain('Efficiency ledger');
        expect(text).toContain('Re-test radar');
        expect(text).toContain('Methods and sources');
        expect(text.replace(/\n/g, ' ')).toContain(top.description.slice(0, 30));
        const pages = pdfPageCount(pdf);
        expect(pages).toBeGreaterThanOrEqual(4);
        expect(text).toContain(`Page ${pages} of ${pages}`);
      }
    });

    it('a filter narrows every figure: one team only', async () => {
      const all = await executiveReportData(ctx.db, parseExperimentFilters({}));
      const [one] = await ctx.db.select({ teamId: experiments.teamId }).from(experiments).where(eq(experiments.status, 'running')).limit(1);
      const team = await executiveReportData(ctx.db, parseExperimentFilters({ team: String(one.teamId) }));
      expect(team.current.teams).toBe(1);
      expect(team.current.experiments).toBeLessThan(all.current.experiments);
      expect(team.efficiencyLedger.length).toBe(1);
    });
  },
  { demo: true },
);
