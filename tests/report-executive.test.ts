import { and, between, desc, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { capabilityOutcomes, experiments } from '@/db/schema';
import { executiveReportData } from '@/db/queries/reports/executive-report';
import { getDashboardKpis } from '@/db/queries/dashboard/kpis';
import { headlineFilters, parseDashboardParams, resolveDashboardFilters } from '@/lib/validation/dashboard-filters';
import { niceStep } from '@/lib/export/pdf/charts';
import { executiveReportPdf } from '@/lib/export/pdf/executive-report';
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
  it("the report's period is the dashboard's: the filters' from/to, else the last 90 days, and the previous period of the same length", () => {
    const noDates = headlineFilters({}, { today: '2026-03-31' });
    expect([noDates.period, noDates.previous]).toEqual([{ from: '2026-01-01', to: '2026-03-31' }, { from: '2025-10-03', to: '2025-12-31' }]);
    const april = headlineFilters({ from: '2026-04-01', to: '2026-04-30' }, { today: '2026-06-01' });
    expect([april.period, april.previous]).toEqual([{ from: '2026-04-01', to: '2026-04-30' }, { from: '2026-03-02', to: '2026-03-31' }]);
    // "Active to" alone opens the period at the first experiment's start, as the dashboard's custom period does.
    expect(headlineFilters({ to: '2026-04-30' }, { today: '2026-06-01', earliest: '2025-01-01' }).period).toEqual({ from: '2025-01-01', to: '2026-04-30' });
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
      expect(data.current).toEqual(dashboard.current);
      expect(data.previous).toEqual(dashboard.previous);
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
        expect(text).toContain(formatNumber(data.current.active));
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
      expect(team.current.teamsActive).toBe(1);
      expect(team.current.active).toBeLessThan(all.current.active);
      expect(team.efficiencyLedger.length).toBe(1);
    });
  },
  { demo: true },
);
