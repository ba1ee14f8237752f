import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { chooseFonts, fontsOf } from './fonts';
import type { ExecutiveReportData } from '@/db/queries/reports/executive-report';
import { headlineFigures } from '@/lib/metrics/headline';
import { change, describeChange, formatKpiValue, shareChange } from '@/lib/metrics/kpi';
import { formatterFor } from '@/lib/format';
import { NOT_SET } from '@/lib/labels';
import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import type { Messages } from '@/messages';
import { figureWords } from '../figure-words';
import { declineWords } from '@/lib/metrics/market-context';
import { MINDSET_MIX_KEYS } from '@/lib/metrics/shift';
import { GREYS, stackedBarChart } from './charts';
import { contentWidth, heading, INK, MUTED, PAPER, paragraph, RULE, table, tableSection, type Paper } from './layout';
import { methodsFor } from './methods';
import { localizedReportSummary } from './summary';
import { artifact, endStructure, startSection, tagDocument, tagged } from './tagging';
import { THEME } from './theme';
import { formatMicros, ratesText, unconvertedText, type SpendTotal } from '@/lib/metrics/usage-currency';
import { spendWordsFor } from '../spend-words';
import type { GapReason } from '@/lib/metrics/billed-vs-reported';

type Doc = InstanceType<typeof PDFDocument>;

/** `locale`: the reader's language (default English); Korean is drawn in Noto Sans KR (./fonts.ts). */
export type ReportContext = { organisation: string; currency: string; filterText: string; generatedAt: Date; paper: Paper; compress?: boolean; locale?: Locale };

/** The words and number formats of one report, in its reader's language. */
type Words = ReturnType<typeof wordsFor>;
function wordsFor(locale: Locale) {
  return { locale, t: translatorFor(locale, 'export'), tl: translatorFor(locale, 'labels'), f: formatterFor(locale), figures: figureWords(locale) };
}

/** The catalog key of a gap reason ("no-experiments" → "noExperiments"). */
const gapKey = (reason: GapReason) => reason.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof Messages['export']['gap'];

/** describeChange's words ("no change", "+5.0 pts", "+3 (new)") in the reader's language; the figures stay as they are. */
function changeText(t: Words['t'], text: string): string {
  if (text === 'no comparison') return t('change.noComparison');
  if (text === 'no change') return t('change.noChange');
  return text.replace(/ pts$/, t('change.points')).replace(/ \(new\)$/, t('change.new'));
}

/** The board-ready executive report as a PDF stream (pdfkit: vector text and charts; standard fonts in English). */
export function executiveReportPdf(data: ExecutiveReportData, ctx: ReportContext): ReadableStream<Uint8Array> {
  const w = wordsFor(ctx.locale ?? 'en');
  const { t } = w;
  const doc = new PDFDocument({
    size: PAPER[ctx.paper],
    margins: { top: 54, bottom: 60, left: 54, right: 54 },
    compress: ctx.compress ?? true,
    bufferPages: true, // page numbers are written once the page count is known
    info: { Title: t('pdf.title', { organisation: ctx.organisation }), Author: 'Uplift', Subject: t('values.period', { from: data.period.from, to: data.period.to }) },
    // Tagged PDF: a structure tree in reading order, the language, and the title shown by viewers.
    pdfVersion: '1.7',
    tagged: true,
    lang: w.locale === 'ko' ? 'ko-KR' : 'en-US',
    displayTitle: true,
  });
  chooseFonts(doc, w.locale);
  tagDocument(doc);
  titlePage(doc, data, ctx, w);
  doc.addPage();
  headlines(doc, data, ctx, w);
  ledgers(doc, data, ctx, w);
  usage(doc, data, w);
  doc.addPage();
  charts(doc, data, w);
  stories(doc, data, w);
  radar(doc, data, w);
  marketContext(doc, data, w);
  doc.addPage();
  methods(doc, w);
  endStructure(doc);
  footers(doc, ctx, w);
  doc.end();
  return Readable.toWeb(doc) as ReadableStream<Uint8Array>;
}

function titlePage(doc: Doc, data: ExecutiveReportData, ctx: ReportContext, { t, locale }: Words) {
  const left = doc.page.margins.left;
  startSection(doc, t('pdf.cover'));
  doc.y = doc.page.height * 0.2;
  tagged(doc, 'P', () => doc.font(fontsOf(doc).regular).fontSize(12).fillColor(MUTED).text(t('pdf.kicker'), left, doc.y, { characterSpacing: 1.5 }));
  doc.moveDown(0.8);
  tagged(doc, 'H1', () => doc.font(fontsOf(doc).bold).fontSize(30).fillColor(INK).text(ctx.organisation, { width: contentWidth(doc) }));
  doc.moveDown(0.3);
  tagged(doc, 'P', () => {
    doc.font(fontsOf(doc).regular).fontSize(16).fillColor(INK).text(t('pdf.period', { from: data.period.from, to: data.period.to }));
    doc.fontSize(11).fillColor(MUTED).text(t('pdf.comparedWith', { from: data.period.previousFrom, to: data.period.previousTo }));
  });
  doc.moveDown(1.2);
  const ruleY = doc.y;
  artifact(doc, () => doc.moveTo(left, ruleY).lineTo(left + contentWidth(doc), ruleY).lineWidth(1).strokeColor(THEME.capability).stroke());
  doc.moveDown(0.8);
  // The period in one paragraph, written from the figures the next pages show.
  tagged(doc, 'H2', () => doc.font(fontsOf(doc).bold).fontSize(12).fillColor(INK).text(t('pdf.inBrief'), left, doc.y, { width: contentWidth(doc) }));
  doc.moveDown(0.3);
  paragraph(
    doc,
    localizedReportSummary(
      {
        period: data.period,
        current: data.current,
        previous: data.previous,
        capabilityLedger: data.capabilityLedger,
        retestCount: data.retestCount,
        privacyCount: data.privacyCount,
        currency: ctx.currency,
      },
      locale,
    ),
    { size: 12 },
  );
  doc.moveDown(1.2);
  paragraph(doc, t('pdf.filters', { filters: ctx.filterText || t('workbook.filtersNone') }), { size: 10 });
  paragraph(doc, t('pdf.generated', { time: ctx.generatedAt.toISOString().slice(0, 16).replace('T', ' ') }), { size: 10, color: MUTED });
  doc.moveDown(0.5);
  paragraph(doc, t('pdf.internal'), { size: 9, color: MUTED });
}

/** The rates a billed total was converted at and the bills it left out, in the reader's language; '' when neither. */
export function usageNotes(spend: SpendTotal, currency: string, locale: Locale): string {
  const words = spendWordsFor(locale);
  return [ratesText(spend, currency, words), unconvertedText(spend, words, locale)].filter(Boolean).join('; ');
}

/** Measured usage and billed versus reported spend (the dashboard's telemetry section), when usage was imported. */
function usage(doc: Doc, data: ExecutiveReportData, { locale, t, f }: Words) {
  const u = data.usage;
  if (!u) return;
  // The standard PDF fonts (WinAnsi) have no U+2212 minus sign nor U+2013 in every viewer: a hyphen.
  const plain = (s: string) => s.replace(/[\u2212\u2013]/g, '-');
  heading(doc, t('pdf.billedVsReported'), 13);
  const total = u.total;
  const notes = usageNotes(total.spend, u.currency, locale);
  paragraph(
    doc,
    plain(
      t('pdf.usageSummary', {
        requests: f.formatNumber(total.requests),
        tokens: f.formatNumber(total.inputTokens + total.outputTokens),
        users: f.formatNumber(total.activeUsers ?? 0),
        billed: formatMicros(total.spend.reportingMicros, u.currency),
        notes: notes ? ` (${notes})` : '',
      }),
    ),
    { size: 9 },
  );
  doc.moveDown(0.3);
  table(doc, [
    { header: t('pdf.team'), width: 2.2, value: (r) => r.team },
    { header: t('pdf.billed'), width: 1.3, align: 'right', value: (r) => formatMicros(r.billed.reportingMicros, u.currency) + (r.billed.unconverted.length ? t('pdf.unconverted') : '') },
    { header: t('pdf.reported'), width: 1.3, align: 'right', value: (r) => (r.teamId == null ? '-' : formatMicros(r.reportedMicros, u.currency)) },
    { header: t('pdf.gap'), width: 1.3, align: 'right', value: (r) => `${r.gapMicros < 0 ? '-' : r.gapMicros > 0 ? '+' : ''}${formatMicros(Math.abs(r.gapMicros), u.currency)}` },
    { header: t('pdf.why'), width: 4, value: (r) => plain(t(`gap.${gapKey(r.reason)}`)) },
  ], u.billedVsReported, t('pdf.nothingInPeriod'));
}

function headlines(doc: Doc, data: ExecutiveReportData, ctx: ReportContext, { t, figures }: Words) {
  heading(doc, t('pdf.headlines'));
  // The dashboard's cards, titles and definitions (lib/metrics/headline.ts) for the same filters.
  const cards = headlineFigures(data.current, data.previous).map((f) => ({
    label: figures.title(f.id),
    value: formatKpiValue(f.value, f.kind, ctx.currency),
    // The standard PDF fonts (WinAnsi) have no U+2212 minus sign: an en dash prints in its place.
    change: t('pdf.versusPrevious', { change: changeText(t, describeChange(f.kind === 'share' ? shareChange(f.value, f.previous) : change(f.value ?? 0, f.previous), f.kind, ctx.currency)).replace(/\u2212/g, '\u2013') }),
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
      doc.font(fontsOf(doc).regular).fontSize(8.5).fillColor(MUTED).text(card.label.toUpperCase(), x + 8, y + 8, { width: width - 16 });
      doc.font(fontsOf(doc).bold).fontSize(18).fillColor(INK).text(card.value, x + 8, y + 21, { width: width - 16 });
      doc.font(fontsOf(doc).regular).fontSize(8.5).fillColor(INK).text(card.change, x + 8, y + 45, { width: width - 16 });
    });
  });
  doc.x = left;
  doc.y = top + Math.ceil(cards.length / 3) * (height + gap) + 8;
  paragraph(
    doc,
    t('pdf.headlinesNote'),
    { size: 8, color: MUTED },
  );
}

function ledgers(doc: Doc, data: ExecutiveReportData, ctx: ReportContext, { t, tl, f }: Words) {
  tableSection(doc, t('pdf.capabilityLedger'), t('pdf.capabilityLedgerAbout'), [
    { header: t('pdf.outcomeType'), width: 3, value: (r) => tl(`outcomeType.${r.type}`) },
    { header: t('pdf.outcomes'), width: 1.2, align: 'right', value: (r) => f.formatNumber(r.outcomes) },
    { header: t('pdf.experiments'), width: 1.2, align: 'right', value: (r) => f.formatNumber(r.experiments) },
    { header: t('pdf.averageImpact'), width: 1.6, align: 'right', value: (r) => r.averageImpact.toFixed(1) },
  ], data.capabilityLedger, t('pdf.nothingInPeriod'), THEME.capability);

  tableSection(doc, t('pdf.efficiencyLedger'), t('pdf.efficiencyLedgerAbout'), [
    { header: t('pdf.team'), width: 3, value: (r) => r.team },
    { header: t('pdf.experiments'), width: 1.2, align: 'right', value: (r) => f.formatNumber(r.experiments) },
    { header: t('pdf.hoursSavedPerMonth'), width: 1.6, align: 'right', value: (r) => f.formatNumber(r.hoursSavedPerMonth) },
    { header: t('pdf.spendPerMonth'), width: 1.5, align: 'right', value: (r) => f.formatMoneyCents(r.spendMonthlyCents, ctx.currency) },
    {
      header: t('pdf.spendPerHourSaved'),
      width: 1.6,
      align: 'right',
      value: (r) => (r.hoursSavedPerMonth > 0 ? f.formatMoneyCents(r.spendMonthlyCents / r.hoursSavedPerMonth, ctx.currency) : '-'),
    },
  ], data.efficiencyLedger, t('pdf.nothingInPeriod'), THEME.efficiency);
}

function months(to: string): string[] {
  const [y, m] = to.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

function charts(doc: Doc, data: ExecutiveReportData, { t, tl, locale }: Words) {
  heading(doc, t('pdf.adoption'));
  // "Mar 26" in English; "26.03" in Korean, as Korean reports write a month.
  const label = (month: string) =>
    locale === 'en' ? new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' }) + ` ${month.slice(2, 4)}` : `${month.slice(2, 4)}.${month.slice(5, 7)}`;
  const mindsetWord = (m: (typeof MINDSET_MIX_KEYS)[number]) => (m === NOT_SET ? tl('notSet') : tl(`mindsetShort.${m}`));
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
        title: t('pdf.startedTitle'),
        series: [{ label: t('pdf.startedSeries'), fill: GREYS[1] }],
        bars: axis.map((m) => ({ label: label(m), values: [count(m)] })),
        height: 120,
        unit: t('pdf.startedUnit'),
      }),
    { alt: t('pdf.startedAlt', { figures: started }) },
  );
  const mix = axis.map((m) => `${label(m)}: ${MINDSET_MIX_KEYS.map((s) => t('pdf.mixCount', { count: count(m, s), mindset: mindsetWord(s).toLowerCase() })).join(', ')}`).join('; ');
  tagged(
    doc,
    'Figure',
    () =>
      stackedBarChart(doc, {
        title: t('pdf.mixTitle'),
        // "Not set": quick-captured experiments whose lead has not chosen a mindset yet; a light grey of their own.
        series: MINDSET_MIX_KEYS.map((m, i) => ({ label: mindsetWord(m), fill: GREYS[i] ?? '#dcdcdc' })),
        bars: axis.map((m) => ({ label: label(m), values: MINDSET_MIX_KEYS.map((s) => count(m, s)) })),
        height: 150,
        unit: t('pdf.mixUnit'),
      }),
    { alt: t('pdf.mixAlt', { figures: mix }) },
  );
}

function stories(doc: Doc, data: ExecutiveReportData, { t, tl }: Words) {
  heading(doc, t('pdf.stories'), 13);
  if (data.stories.length === 0) paragraph(doc, t('pdf.noStories'), { size: 9, color: MUTED });
  for (const s of data.stories) {
    doc.moveDown(0.3);
    paragraph(doc, s.experiment, { bold: true, size: 10.5 });
    paragraph(doc, t('pdf.storyMeta', { team: s.team, type: tl(`outcomeType.${s.type}`), impact: s.impact, date: s.recordedOn }), { size: 8.5, color: MUTED });
    paragraph(doc, s.description, { size: 9.5 });
  }
}

function radar(doc: Doc, data: ExecutiveReportData, { t, f, locale }: Words) {
  tableSection(doc, t('pdf.radar'), t('pdf.radarAbout'), [
    { header: t('pdf.experiment'), width: 2.6, value: (r) => r.title },
    { header: t('pdf.team'), width: 1.4, value: (r) => r.team },
    { header: t('pdf.ended'), width: 1.1, value: (r) => r.endDate ?? '-' },
    { header: t('pdf.modelLacked'), width: 2.5, value: (r) => r.detail || '-' },
    { header: t('pdf.wouldUnblock'), width: 2.2, value: (r) => unblockingModel(r.unblockedBy, locale) },
  ], data.retest, t('pdf.noRetest'));

  tableSection(doc, t('pdf.privacy'), t('pdf.privacyAbout'), [
    { header: t('pdf.experiment'), width: 3, value: (r) => r.title },
    { header: t('pdf.team'), width: 1.6, value: (r) => r.team },
  ], data.privacy, t('pdf.noPrivacy'));

  const total = data.vendors.reduce((s, v) => s + v.experiments, 0);
  tableSection(doc, t('pdf.concentration'), t('pdf.concentrationAbout'), [
    { header: t('pdf.vendor'), width: 3, value: (r) => r.vendor },
    { header: t('pdf.experiments'), width: 1.2, align: 'right', value: (r) => f.formatNumber(r.experiments) },
    { header: t('pdf.share'), width: 1.2, align: 'right', value: (r) => `${Math.round((r.experiments / Math.max(1, total)) * 100)}%` },
  ], data.vendors, t('pdf.noVendors'));
}

/** What the dashboard's market context says: the price of GPT-4-level capability and the teams behind the frontier. */
function marketContext(doc: Doc, data: ExecutiveReportData, { t, f }: Words) {
  const d = data.market.priceOfCapability;
  const headline = d
    ? t('pdf.marketHeadline', declineWords(d, f, (rate) => t('pdf.marketPerYear', { rate })))
    : t('pdf.marketNoHeadline');
  tableSection(doc, t('pdf.market'), `${t('pdf.marketAbout')} ${headline}`, [
    { header: t('pdf.team'), width: 1.6, value: (r) => r.teamName },
    { header: t('pdf.uses'), width: 2, value: (r) => r.used.name },
    { header: t('pdf.newer'), width: 3.4, value: (r) => t('pdf.better', { model: r.better.name, gain: r.gain.toFixed(1), price: f.formatUsd(r.better.price) }) },
  ], data.market.behind, t('pdf.noneBehind'));
}

/** The radar's best candidate as the re-test row names it: "GPT-6 by OpenAI, high effort" (no effort when the API default or unstated). */
export function unblockingModel(m: { name: string; vendor: string; effort: string } | null, locale: Locale = 'en'): string {
  if (!m) return '-';
  const byVendor = translatorFor(locale, 'export')('pdf.modelByVendor', { model: m.name, vendor: m.vendor });
  if (!m.effort || m.effort === 'default') return byVendor;
  // describeEffort's words ("32K thinking tokens", "high effort") in the reader's language.
  const t = translatorFor(locale, 'export');
  return `${byVendor}, ${/^\d+K$/.test(m.effort) ? t('pdf.thinkingTokens', { effort: m.effort }) : t('pdf.effort', { effort: m.effort })}`;
}

function methods(doc: Doc, w: Words) {
  heading(doc, w.t('pdf.methods'));
  for (const m of methodsFor(w.locale)) {
    doc.moveDown(0.25);
    paragraph(doc, m.term, { bold: true, size: 10 });
    paragraph(doc, m.definition, { size: 9.5 });
  }
}

function footers(doc: Doc, ctx: ReportContext, { t }: Words) {
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
        doc.font(fontsOf(doc).regular).fontSize(8).fillColor(MUTED);
        doc.text(t('pdf.footer', { organisation: ctx.organisation }), left, y, { width: contentWidth(doc), align: 'left', lineBreak: false });
        doc.text(t('pdf.page', { page: i + 1, count: range.count }), left, y, { width: contentWidth(doc), align: 'right', lineBreak: false });
      },
      'Pagination',
    );
    doc.page.margins.bottom = margin;
  }
  doc.flushPages();
}

