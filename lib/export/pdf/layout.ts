import type PDFDocument from 'pdfkit';
import { fontsOf } from './fonts';
import { artifact, startSection, tagged, taggedTable } from './tagging';
import { THEME } from './theme';

type Doc = InstanceType<typeof PDFDocument>;

/** Paper sizes the report is laid out for: every position is computed from the page, never fixed to one size. */
export const PAPER = { a4: 'A4', letter: 'LETTER' } as const;
export type Paper = keyof typeof PAPER;

// The app's text colours (app/globals.css): near-black and a slate grey that keeps 7:1 on white.
export const INK = THEME.foreground;
export const MUTED = THEME.mutedForeground;
export const RULE = '#94a3b8';

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** A section heading (H1 at 16 pt, else H2) that opens a new tagged section; `accent` colours it. */
export function heading(doc: Doc, text: string, size = 16, accent?: string) {
  ensureSpace(doc, size * 4);
  startSection(doc, text);
  // A bookmark per section: the viewer's navigation pane lists the report's sections.
  doc.outline.addItem(text);
  doc.moveDown(0.6);
  const left = doc.page.margins.left;
  const y = doc.y;
  if (accent) artifact(doc, () => doc.rect(left, y + 1, 4, size * 0.85).fill(accent));
  tagged(doc, size >= 16 ? 'H1' : 'H2', () => {
    doc.font(fontsOf(doc).bold).fontSize(size).fillColor(accent ?? INK).text(text, left + (accent ? 10 : 0), y, { width: contentWidth(doc) - (accent ? 10 : 0) });
  });
  doc.x = left;
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, options: { size?: number; color?: string; bold?: boolean } = {}) {
  tagged(doc, 'P', () => {
    doc
      .font(options.bold ? fontsOf(doc).bold : fontsOf(doc).regular)
      .fontSize(options.size ?? 10)
      .fillColor(options.color ?? INK)
      .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
  });
}

export type TableColumn<R> = { header: string; width: number; align?: 'left' | 'right'; value: (row: R) => string };

/** A titled section that is one table: its H2 heading, a line saying what the table holds, the table; `accent` colours heading and table. */
export function tableSection<R>(doc: Doc, title: string, about: string, columns: TableColumn<R>[], rows: R[], empty?: string, accent?: string) {
  heading(doc, title, 13, accent);
  paragraph(doc, about, { size: 9, color: MUTED });
  doc.moveDown(0.3);
  table(doc, columns, rows, empty, accent);
}

/**
 * A ruled table, tagged as Table > TR > TH/TD; the header repeats after a page break. With `accent`
 * (a ledger's colour from the app) the header gets a light tint of it, its text and a thick rule in
 * it; the body stays black on white, so it still prints in black and white.
 */
export function table<R>(doc: Doc, columns: TableColumn<R>[], rows: R[], empty = 'Nothing in this period.', accent?: string) {
  const left = doc.page.margins.left;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const scale = contentWidth(doc) / total;
  const widths = columns.map((c) => c.width * scale);
  const pad = 4;

  taggedTable(doc, (tagRow) => {
    const drawRow = (cells: string[], header: boolean) => {
      doc.font(header ? fontsOf(doc).bold : fontsOf(doc).regular).fontSize(9);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }))) + 2 * pad;
      if (doc.y + height > bottom(doc)) {
        doc.addPage();
        if (!header) drawRow(columns.map((c) => c.header), true);
      }
      const top = doc.y;
      if (header && accent) artifact(doc, () => doc.rect(left, top, contentWidth(doc), height).fillOpacity(0.1).fill(accent).fillOpacity(1));
      let x = left;
      tagRow(
        header,
        cells.map((cell, i) => {
          const at = x;
          x += widths[i];
          return () => {
            doc.font(header ? fontsOf(doc).bold : fontsOf(doc).regular).fontSize(9);
            doc.fillColor(header && accent ? accent : INK).text(cell, at + pad, top + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' });
          };
        }),
      );
      artifact(doc, () =>
        doc
          .moveTo(left, top + height)
          .lineTo(left + contentWidth(doc), top + height)
          .lineWidth(header ? (accent ? 1.5 : 1) : 0.4)
          .strokeColor(header ? (accent ?? INK) : RULE)
          .stroke(),
      );
      doc.x = left;
      doc.y = top + height;
    };
    drawRow(columns.map((c) => c.header), true);
    for (const r of rows) drawRow(columns.map((c) => c.value(r)), false);
  });
  if (rows.length === 0) {
    doc.moveDown(0.3);
    paragraph(doc, empty, { color: MUTED, size: 9 });
    return;
  }
  doc.moveDown(0.5);
}
