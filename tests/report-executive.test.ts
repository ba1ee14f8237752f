import { and, between, desc, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { capabilityOutcomes, experiments } from '@/db/schema';
import { executiveReportData } from '@/db/queries/reports/executive-report';
import { getDashboardKpis } from '@/db/queries/dashboard/kpis';
import { headlineFilters, parseDashboardParams, resolveDashboardFilters } from '@/lib/validation/dashboard-filters';
import { niceStep } from '@/lib/export/pdf/charts';
import { executiveReportPdf, unblockingModel } from '@/lib/export/pdf/executive-report';
import { getRetestRadar } from '@/db/queries/insights/radar';
import { getMarketContext } from '@/db/queries/dashboard/market-context';
import { reportSummary } from '@/lib/metrics/report-summary';
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
        // A fall prints with a dash the standard fonts have (U+2212 would print as a quote mark).
        expect(text).not.toMatch(/"\d/);
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

    it('the cover carries the summary of the period; each re-test row names the radar\'s best candidate', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const data = await executiveReportData(ctx.db, parseExperimentFilters({}), { today });
      expect(data.retest.length).toBeGreaterThan(0);
      const radar = await getRetestRadar(ctx.db, { today });
      for (const row of data.retest) {
        const best = radar.find((r) => r.id === row.id)!.candidates[0];
        expect(row.unblockedBy).toEqual({ name: best.name, vendor: best.vendor, effort: best.effort });
      }
      expect(data.retestCount).toBe(radar.length);

      const pdf = await bytesOf(executiveReportPdf(data, { organisation: 'Acme Test', currency: 'USD', filterText: '', generatedAt: new Date(), paper: 'a4' }));
      // Wrapped lines come out one per line, some with their trailing space.
      const text = extractPdfText(pdf).replace(/-\n/g, '-').replace(/\s+/g, ' ');
      const summary = reportSummary({ ...data, currency: 'USD' });
      expect(summary).toContain(`${formatNumber(data.current.active)} active experiments`);
      expect(text).toContain(summary);
      // On the cover: before the second page's first heading.
      expect(text.indexOf(summary)).toBeLessThan(text.indexOf('Headlines'));
      const named = unblockingModel(data.retest[0].unblockedBy);
      expect(named).toContain(data.retest[0].unblockedBy!.name);
      expect(text).toContain('Would unblock it');
      expect(text).toContain(named);
    });

    it("carries the dashboard's market context: the price of GPT-4-level capability and the teams behind the frontier", async () => {
      const today = new Date().toISOString().slice(0, 10);
      const data = await executiveReportData(ctx.db, parseExperimentFilters({}), { today });
      expect(data.market).toEqual(await getMarketContext(ctx.db, { teamIds: null, today }));
      const decline = data.market.priceOfCapability!;
      expect(decline.first.slug).toBe('gpt-4');
      expect(data.market.behind.length).toBeGreaterThan(0); // the demo has teams on older models

      const pdf = await bytesOf(executiveReportPdf(data, { organisation: 'Acme Test', currency: 'USD', filterText: '', generatedAt: new Date(), paper: 'a4' }));
      const text = extractPdfText(pdf).replace(/-\n/g, '-').replace(/\s+/g, ' ');
      expect(text).toContain('Market context');
      expect(text).toContain(`the price of GPT-4-level capability fell ${decline.factor >= 10 ? formatNumber(Math.round(decline.factor)) : decline.factor.toFixed(1)}× in ${Math.round(decline.months)} months`);
      const first = data.market.behind[0];
      expect(text).toContain(`${first.better.name}: ${first.gain.toFixed(1)} points higher`);
    });

    it('the PDF is tagged: marked, with a language, a displayed title and a structure tree in reading order', async () => {
      const data = await executiveReportData(ctx.db, parseExperimentFilters({}));
      const pdf = await bytesOf(
        executiveReportPdf(data, { organisation: 'Acme Test', currency: 'USD', filterText: '', generatedAt: new Date(), paper: 'a4', compress: false }),
      );
      const raw = pdf.toString('latin1');
      const object = (n: string) => raw.slice(raw.indexOf(`\n${n} 0 obj`), raw.indexOf('endobj', raw.indexOf(`\n${n} 0 obj`)));
      const catalog = raw.slice(raw.lastIndexOf('\n', raw.indexOf('/Type /Catalog') - 1), raw.indexOf('endobj', raw.indexOf('/Type /Catalog')));
      expect(catalog).toContain('/Lang (en-US)');
      const markInfo = /\/MarkInfo (\d+) 0 R/.exec(catalog)?.[1];
      expect(object(markInfo!)).toMatch(/\/Marked true/);
      const treeRoot = /\/StructTreeRoot (\d+) 0 R/.exec(catalog)?.[1];
      expect(object(treeRoot!)).toContain('/Type /StructTreeRoot');
      const prefs = /\/ViewerPreferences (\d+) 0 R/.exec(catalog)?.[1];
      expect(object(prefs!)).toContain('/DisplayDocTitle true');
      const title = /\/Title (\d+) 0 R/.exec(raw)?.[1];
      expect(object(title!)).toContain('(Acme Test: AI adoption report)');
      // Headings, paragraphs, tables with column headers and figures with alternative text.
      for (const type of ['Document', 'Sect', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(raw, type).toContain(`/S /${type}\n`);
      expect(raw).toContain('/Scope /Column');
      expect(raw).toMatch(/\/Alt \(Bar chart of experiments started per month\./);
      // The sections come in reading order: cover, headlines, the two ledgers, ..., methods.
      const titles = [...raw.matchAll(/\/S \/Sect\n\/T \(([^)]*)\)/g)].map((m) => m[1]);
      expect(titles.slice(0, 4)).toEqual(['Cover', 'Headlines', 'Capability ledger', 'Efficiency ledger']);
      expect(titles.at(-1)).toBe('Methods and sources');
      expect(raw).toMatch(/\/Parent \d+ 0 R\n\/Title \(Efficiency ledger\)/); // a bookmark per section
      // Nothing is drawn outside a marked sequence (pdfkit writes one operator per line, uncompressed here).
      const unmarked: string[] = [];
      for (const [, stream] of raw.matchAll(/stream\n([\s\S]*?)endstream/g)) {
        let depth = 0;
        for (const line of stream.split('\n')) {
          if (/\b(BDC|BMC)$/.test(line)) depth++;
          else if (line === 'EMC') depth--;
          else if (depth === 0 && /^(BT|.* (re|l|m)|S|f|B)$/.test(line)) unmarked.push(line);
        }
      }
      expect(unmarked).toEqual([]);
      // Every page's content is marked: text in structure, rules and footers as artifacts.
      expect(raw).toContain('/Artifact BMC');
      expect(raw).toContain('/Artifact <<\n/Type /Pagination\n>> BDC');
      expect(raw).toMatch(/\/P <<\n\/MCID \d+\n>> BDC/);
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
