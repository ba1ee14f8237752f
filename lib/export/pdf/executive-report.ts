import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { ExecutiveReportData } from '@/db/queries/reports/executive-report';
import { headlineFigures } from '@/lib/metrics/headline';
import { change, describeChange, formatKpiValue, shareChange } from '@/lib/metrics/kpi';
import { formatMoneyCents, formatNumber } from '@/lib/format';
import { MINDSET_SHORT_OR_NOT_SET, NOT_SET, OUTCOME_TYPE_LABEL } from '@/lib/labels';
import { MINDSET_MIX_KEYS } from '@/lib/metrics/shift';
import { GREYS, stackedBarChart } from './charts';
import { contentWidth, heading, INK, MUTED, PAPER, paragraph, RULE, table, tableSection, type Paper } from './layout';
import { METHODS } from './methods';
import { reportSummary } from '@/lib/metrics/report-summary';
import { describeEffort } from '@/lib/metrics/retest';
import { artifact, endStructure, startSection, tagDocument, tagged } from './tagging';
import { THEME } from './theme';
import { GAP_EXPLANATION } from '@/lib/metrics/billed-vs-reported';
import { formatMicros, ratesText, unconvertedText } from '@/lib/metrics/usage-currency';

type Doc = InstanceType<typeof PDFDocument>;

export type ReportContext = { organisation: string; currency: string; filterText: string; generatedAt: Date; paper: Paper; compress?: boolean };

/** The board-ready executive report as a PDF stream (pdfkit: vector text and charts, standard fonts). */
export function executiveReportPdf(data: ExecutiveReportData, ctx: ReportContext): ReadableStream<Uint8Array> {
  const doc = new PDFDocument({
    size: PAPER[ctx.paper],
    margins: { top: 54, bottom: 60, left: 54, right: 54 },
    compress: ctx.compress ?? true,
    bufferPages: true, // page numbers are written once the page count is known
    info: { Title: `${ctx.organisation}: AI adoption report`, Author: 'Uplift', Subject: `${data.period.from} to ${data.period.to}` },
    // Tagged PDF: a structure tree in reading order, the language, and the title shown by viewers.
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-US',
    displayTitle: true,
  });
  tagDocument(doc);
  titlePage(doc, data, ctx);
  doc.addPage();
  headlines(doc, data, ctx);
  ledgers(doc, data, ctx);
  usage(doc, data);
  doc.addPage();
  charts(doc, data);
  stories(doc, data);
  radar(doc, data);
  doc.addPage();
  methods(doc);
  endStructure(doc);
  footers(doc, ctx);
  doc.end();
  return Readable.toWeb(doc) as ReadableStream<Uint8Array>;
}

function titlePage(doc: Doc, data: ExecutiveReportData, ctx: ReportContext) {
  const left = doc.page.margins.left;
  startSection(doc, 'Cover');
  doc.y = doc.page.height * 0.2;
  tagged(doc, 'P', () => doc.font('Helvetica').fontSize(12).fillColor(MUTED).text('UPLIFT  |  AI ADOPTION REPORT', left, doc.y, { characterSpacing: 1.5 }));
  doc.moveDown(0.8);
  tagged(doc, 'H1', () => doc.font('Helvetica-Bold').fontSize(30).fillColor(INK).text(ctx.organisation, { width: contentWidth(doc) }));
  doc.moveDown(0.3);
  tagged(doc, 'P', () => {
    doc.font('Helvetica').fontSize(16).fillColor(INK).text(`Period: ${data.period.from} to ${data.period.to}`);
    doc.fontSize(11).fillColor(MUTED).text(`Compared with ${data.period.previousFrom} to ${data.period.previousTo}`);
  });
  doc.moveDown(1.2);
  const ruleY = doc.y;
  artifact(doc, () => doc.moveTo(left, ruleY).lineTo(left + contentWidth(doc), ruleY).lineWidth(1).strokeColor(THEME.capability).stroke());
  doc.moveDown(0.8);
  // The period in one paragraph, written from the figures the next pages show.
  tagged(doc, 'H2', () => doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text('The period in brief', left, doc.y, { width: contentWidth(doc) }));
  doc.moveDown(0.3);
  paragraph(
    doc,
    reportSummary({
      period: data.period,
      current: data.current,
      previous: data.previous,
      capabilityLedger: data.capabilityLedger,
      retestCount: data.retestCount,
      privacyCount: data.privacyCount,
      currency: ctx.currency,
    }),
    { size: 12 },
  );
  doc.moveDown(1.2);
  paragraph(doc, `Filters: ${ctx.filterText || 'none (every experiment not archived)'}`, { size: 10 });
  paragraph(doc, `Generated ${ctx.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC from the live experiment log.`, { size: 10, color: MUTED });
  doc.moveDown(0.5);
  paragraph(doc, 'Internal: contains experiment details of the organisation.', { size: 9, color: MUTED });
}

/** Measured usage and billed versus reported spend (the dashboard's telemetry section), when usage was imported. */
function usage(doc: Doc, data: ExecutiveReportData) {
  const u = data.usage;
  if (!u) return;
  // The standard PDF fonts (WinAnsi) have no U+2212 minus sign nor U+2013 in every viewer: a hyphen.
  const plain = (s: string) => s.replace(/[\u2212\u2013]/g, '-');
  heading(doc, 'Billed versus reported', 13);
  const t = u.total;
  const notes = [ratesText(t.spend, u.currency), unconvertedText(t.spend)].filter(Boolean).join('; ');
  paragraph(
    doc,
    plain(
      `Imported usage in the period: ${formatNumber(t.requests)} requests, ${formatNumber(t.inputTokens + t.outputTokens)} tokens, at most ${formatNumber(t.activeUsers ?? 0)} active users on a day (a daily maximum, never a sum), billed ${formatMicros(t.spend.reportingMicros, u.currency)}${notes ? ` (${notes})` : ''}.`,
    ),
    { size: 9 },
  );
  doc.moveDown(0.3);
  table(doc, [
    { header: 'Team', width: 2.2, value: (r) => r.team },
    { header: 'Billed', width: 1.3, align: 'right', value: (r) => formatMicros(r.billed.reportingMicros, u.currency) + (r.billed.unconverted.length ? ' + unconverted' : '') },
    { header: 'Reported', width: 1.3, align: 'right', value: (r) => (r.teamId == null ? '-' : formatMicros(r.reportedMicros, u.currency)) },
    { header: 'Gap', width: 1.3, align: 'right', value: (r) => `${r.gapMicros < 0 ? '-' : r.gapMicros > 0 ? '+' : ''}${formatMicros(Math.abs(r.gapMicros), u.currency)}` },
    { header: 'Why', width: 4, value: (r) => plain(GAP_EXPLANATION[r.reason]) },
  ], u.billedVsReported);
}

function headlines(doc: Doc, data: ExecutiveReportData, ctx: ReportContext) {
  heading(doc, 'Headlines');
  // The dashboard's cards, titles and definitions (lib/metrics/headline.ts) for the same filters.
  const cards = headlineFigures(data.current, data.previous).map((f) => ({
    label: f.title,
    value: formatKpiValue(f.value, f.kind, ctx.currency),
    // The standard PDF fonts (WinAnsi) have no U+2212 minus sign: an en dash prints in its place.
    change: `${describeChange(f.kind === 'share' ? shareChange(f.value, f.previous) : change(f.value ?? 0, f.previous), f.kind, ctx.currency).replace(/\u2212/g, '\u2013')} vs previous period`,
  }));
  const left = doc.page.margins.left;
  const gap = 10;
  const width = (contentWidth(doc) - 2 * gap) / 3;
  const height = 62;
  const top = doc.y;
  cards.forEach((card, i) => {
    const x = left + (i % 3) * (width + gap);
    const y = top + Math.floor(i / 3) * (height + gap);
    artifact(doc, () => doc.rect(x, y, width, height).lineWidth(0.8).strokeColor(THEME.border).stroke());
    // One paragraph per card, read as "label, value, change".
    tagged(doc, 'P', () => {
      doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(card.label.toUpperCase(), x + 8, y + 8, { width: width - 16 });
      doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(card.value, x + 8, y + 21, { width: width - 16 });
      doc.font('Helvetica').fontSize(8.5).fillColor(INK).text(card.change, x + 8, y + 45, { width: width - 16 });
    });
  });
  doc.x = left;
  doc.y = top + Math.ceil(cards.length / 3) * (height + gap) + 8;
  paragraph(
    doc,
    'These are the dashboard\u2019s figures for the same filters and period, under its definitions (listed under Methods). Hours and spend are monthly run-rates of the experiments active in the period (latest check-in, else their own figures); outcomes are those recorded in the period.',
    { size: 8, color: MUTED },
  );
}

function ledgers(doc: Doc, data: ExecutiveReportData, ctx: ReportContext) {
  tableSection(doc, 'Capability ledger', 'What AI made possible that was not possible before, by kind of outcome.', [
    { header: 'Outcome type', width: 3, value: (r) => OUTCOME_TYPE_LABEL[r.type] },
    { header: 'Outcomes', width: 1.2, align: 'right', value: (r) => formatNumber(r.outcomes) },
    { header: 'Experiments', width: 1.2, align: 'right', value: (r) => formatNumber(r.experiments) },
    { header: 'Average impact (1-5)', width: 1.6, align: 'right', value: (r) => r.averageImpact.toFixed(1) },
  ], data.capabilityLedger, undefined, THEME.capability);

  tableSection(doc, 'Efficiency ledger', 'Time saved and money spent by team, for experiments active in the period.', [
    { header: 'Team', width: 3, value: (r) => r.team },
    { header: 'Experiments', width: 1.2, align: 'right', value: (r) => formatNumber(r.experiments) },
    { header: 'Hours saved / month', width: 1.6, align: 'right', value: (r) => formatNumber(r.hoursSavedPerMonth) },
    { header: 'Spend / month', width: 1.5, align: 'right', value: (r) => formatMoneyCents(r.spendMonthlyCents, ctx.currency) },
    {
      header: 'Spend per hour saved',
      width: 1.6,
      align: 'right',
      value: (r) => (r.hoursSavedPerMonth > 0 ? formatMoneyCents(r.spendMonthlyCents / r.hoursSavedPerMonth, ctx.currency) : '-'),
    },
  ], data.efficiencyLedger, undefined, THEME.efficiency);
}

function months(to: string): string[] {
  const [y, m] = to.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

function charts(doc: Doc, data: ExecutiveReportData) {
  heading(doc, 'Adoption and mindset shift');
  const label = (month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' }) + ` ${month.slice(2, 4)}`;
  const axis = months(data.period.to);
  const count = (month: string, mindset?: string) =>
    data.monthly.filter((r) => r.month === month && (!mindset || (r.mindset ?? NOT_SET) === mindset)).reduce((s, r) => s + r.started, 0);
  // Each chart is one Figure whose alternative text gives its figures, for readers who cannot see it.
  const started = axis.map((m) => `${label(m)}: ${count(m)}`).join(', ');
  tagged(
    doc,
    'Figure',
    () =>
      stackedBarChart(doc, {
        title: 'Experiments started per month',
        series: [{ label: 'Experiments started', fill: GREYS[1] }],
        bars: axis.map((m) => ({ label: label(m), values: [count(m)] })),
        height: 120,
        unit: 'Twelve months to the end of the period. Each bar is labelled with its count.',
      }),
    { alt: `Bar chart of experiments started per month. ${started}.` },
  );
  const mix = axis.map((m) => `${label(m)}: ${MINDSET_MIX_KEYS.map((s) => `${count(m, s)} ${MINDSET_SHORT_OR_NOT_SET[s].toLowerCase()}`).join(', ')}`).join('; ');
  tagged(
    doc,
    'Figure',
    () =>
      stackedBarChart(doc, {
        title: 'Mindset of new experiments (automate, accelerate, new capability, not set)',
        // "Not set": quick-captured experiments whose lead has not chosen a mindset yet; a light grey of their own.
        series: MINDSET_MIX_KEYS.map((m, i) => ({ label: MINDSET_SHORT_OR_NOT_SET[m], fill: GREYS[i] ?? '#dcdcdc' })),
        bars: axis.map((m) => ({ label: label(m), values: MINDSET_MIX_KEYS.map((s) => count(m, s)) })),
        height: 150,
        unit: 'A rising dark segment means teams move from doing the same work faster to doing new things.',
      }),
    { alt: `Stacked bar chart of new experiments per month by mindset. ${mix}.` },
  );
}

function stories(doc: Doc, data: ExecutiveReportData) {
  heading(doc, 'Top capability stories', 13);
  if (data.stories.length === 0) paragraph(doc, 'No capability outcomes were recorded in this period.', { size: 9, color: MUTED });
  for (const s of data.stories) {
    doc.moveDown(0.3);
    paragraph(doc, s.experiment, { bold: true, size: 10.5 });
    paragraph(doc, `${s.team}  |  ${OUTCOME_TYPE_LABEL[s.type]}  |  impact ${s.impact} of 5  |  ${s.recordedOn}`, { size: 8.5, color: MUTED });
    paragraph(doc, s.description, { size: 9.5 });
  }
}

function radar(doc: Doc, data: ExecutiveReportData) {
  tableSection(doc, 'Re-test radar', 'Experiments blocked because the model was not capable enough, where a newer model now scores higher on the chosen benchmark.', [
    { header: 'Experiment', width: 2.6, value: (r) => r.title },
    { header: 'Team', width: 1.4, value: (r) => r.team },
    { header: 'Ended', width: 1.1, value: (r) => r.endDate ?? '-' },
    { header: 'What the model lacked', width: 2.5, value: (r) => r.detail || '-' },
    { header: 'Would unblock it', width: 2.2, value: (r) => unblockingModel(r.unblockedBy) },
  ], data.retest, 'No re-test candidates.');

  tableSection(doc, 'Privacy', 'Confidential or restricted data sent to a model whose provider trains on it by default or whose policy is unknown, without a recorded mitigation.', [
    { header: 'Experiment', width: 3, value: (r) => r.title },
    { header: 'Team', width: 1.6, value: (r) => r.team },
  ], data.privacy, 'No privacy flags.');

  const total = data.vendors.reduce((s, v) => s + v.experiments, 0);
  tableSection(doc, 'Concentration', 'Share of experiments active in the period by the vendor of their primary model.', [
    { header: 'Vendor', width: 3, value: (r) => r.vendor },
    { header: 'Experiments', width: 1.2, align: 'right', value: (r) => formatNumber(r.experiments) },
    { header: 'Share', width: 1.2, align: 'right', value: (r) => `${Math.round((r.experiments / Math.max(1, total)) * 100)}%` },
  ], data.vendors, 'No primary models recorded.');
}

/** The radar's best candidate as the re-test row names it: "GPT-6 by OpenAI, high effort" (no effort when the API default or unstated). */
export function unblockingModel(m: { name: string; vendor: string; effort: string } | null): string {
  if (!m) return '-';
  const byVendor = `${m.name} by ${m.vendor}`;
  return m.effort && m.effort !== 'default' ? `${byVendor}, ${describeEffort(m.effort)}` : byVendor;
}

function methods(doc: Doc) {
  heading(doc, 'Methods and sources');
  for (const m of METHODS) {
    doc.moveDown(0.25);
    paragraph(doc, m.term, { bold: true, size: 10 });
    paragraph(doc, m.definition, { size: 9.5 });
  }
}

function footers(doc: Doc, ctx: ReportContext) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom + 20;
    const left = doc.page.margins.left;
    // Writing below the bottom margin would add a page: lift the margin while the footer is drawn.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    // Running footers are pagination artifacts: screen readers skip them.
    artifact(
      doc,
      () => {
        doc.moveTo(left, y - 6).lineTo(left + contentWidth(doc), y - 6).lineWidth(0.4).strokeColor(RULE).stroke();
        doc.font('Helvetica').fontSize(8).fillColor(MUTED);
        doc.text(`${ctx.organisation}  |  AI adoption report`, left, y, { width: contentWidth(doc), align: 'left', lineBreak: false });
        doc.text(`Page ${i + 1} of ${range.count}`, left, y, { width: contentWidth(doc), align: 'right', lineBreak: false });
      },
      'Pagination',
    );
    doc.page.margins.bottom = margin;
  }
  doc.flushPages();
}

