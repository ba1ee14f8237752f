import type PDFDocument from 'pdfkit';
import { fontsOf } from './fonts';
import { contentWidth, ensureSpace, INK, MUTED, RULE } from './layout';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Vector charts drawn with pdfkit's own primitives from the same data the dashboard charts use.
 * Recharts draws SVG in the browser only; these read in black and white: grey levels plus outlines,
 * every bar labelled with its value.
 */
export type Series = { label: string; fill: string };
export type StackedBar = { label: string; values: number[] };

/** Grey levels far enough apart to tell apart on a laser printer, each outlined. */
export const GREYS = ['#ffffff', '#b0b0b0', '#404040'];

export function stackedBarChart(doc: Doc, options: { title: string; series: Series[]; bars: StackedBar[]; height?: number; unit?: string }) {
  const height = options.height ?? 170;
  ensureSpace(doc, height + 70);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(fontsOf(doc).bold).fontSize(11).fillColor(INK).text(options.title, left, doc.y, { width });
  doc.moveDown(0.4);

  // Legend: a swatch and a name per series.
  let lx = left;
  const ly = doc.y;
  for (const s of options.series) {
    doc.rect(lx, ly, 10, 10).lineWidth(0.8).fillAndStroke(s.fill, INK);
    doc.font(fontsOf(doc).regular).fontSize(8.5).fillColor(INK).text(s.label, lx + 14, ly + 1, { lineBreak: false });
    lx += 14 + doc.widthOfString(s.label) + 16;
  }
  doc.y = ly + 18;

  const axisLeft = left + 28;
  const plotWidth = width - 28;
  const top = doc.y;
  const base = top + height;
  const max = Math.max(1, ...options.bars.map((b) => b.values.reduce((a, v) => a + v, 0)));
  const step = Math.max(1, niceStep(max));
  const ceiling = Math.ceil(max / step) * step;

  // Grid lines and axis labels.
  for (let v = 0; v <= ceiling; v += step) {
    const y = base - (v / ceiling) * height;
    doc.moveTo(axisLeft, y).lineTo(axisLeft + plotWidth, y).lineWidth(0.3).strokeColor(RULE).stroke();
    doc.font(fontsOf(doc).regular).fontSize(7.5).fillColor(MUTED).text(String(v), left, y - 4, { width: 24, align: 'right' });
  }

  const slot = plotWidth / Math.max(1, options.bars.length);
  const barWidth = Math.min(36, slot * 0.65);
  options.bars.forEach((bar, i) => {
    const x = axisLeft + i * slot + (slot - barWidth) / 2;
    let y = base;
    bar.values.forEach((v, si) => {
      if (v <= 0) return;
      const h = (v / ceiling) * height;
      y -= h;
      doc.rect(x, y, barWidth, h).lineWidth(0.8).fillAndStroke(options.series[si].fill, INK);
      if (h >= 11 && options.series.length > 1) {
        const dark = options.series[si].fill === GREYS[2];
        doc.font(fontsOf(doc).regular).fontSize(7).fillColor(dark ? '#ffffff' : INK).text(String(v), x, y + h / 2 - 3.5, { width: barWidth, align: 'center' });
      }
    });
    const total = bar.values.reduce((a, v) => a + v, 0);
    doc.font(fontsOf(doc).bold).fontSize(7.5).fillColor(INK).text(String(total), x - 6, y - 11, { width: barWidth + 12, align: 'center' });
    doc.font(fontsOf(doc).regular).fontSize(7.5).fillColor(MUTED).text(bar.label, axisLeft + i * slot, base + 4, { width: slot, align: 'center' });
  });
  doc.moveTo(axisLeft, base).lineTo(axisLeft + plotWidth, base).lineWidth(1).strokeColor(INK).stroke();
  doc.x = left;
  doc.y = base + 22;
  if (options.unit) {
    doc.font(fontsOf(doc).regular).fontSize(8).fillColor(MUTED).text(options.unit, left, doc.y, { width });
    doc.moveDown(0.5);
  }
}

/** 1, 2 or 5 times a power of ten, giving about five grid lines. */
export function niceStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const n = raw / power;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * power;
}
