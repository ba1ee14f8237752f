import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/** Paper sizes the report is laid out for: every position is computed from the page, never fixed to one size. */
export const PAPER = { a4: 'A4', letter: 'LETTER' } as const;
export type Paper = keyof typeof PAPER;

export const INK = '#111111';
export const MUTED = '#555555';
export const RULE = '#999999';

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: Doc, text: string, size = 16) {
  ensureSpace(doc, size * 4);
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, options: { size?: number; color?: string; bold?: boolean } = {}) {
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? INK)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
}

export type TableColumn<R> = { header: string; width: number; align?: 'left' | 'right'; value: (row: R) => string };

/** A plain ruled table (no fills: it prints the same in black and white); the header repeats after a page break. */
export function table<R>(doc: Doc, columns: TableColumn<R>[], rows: R[], empty = 'Nothing in this period.') {
  const left = doc.page.margins.left;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const scale = contentWidth(doc) / total;
  const widths = columns.map((c) => c.width * scale);
  const pad = 4;

  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      if (!bold) drawRow(columns.map((c) => c.header), true);
    }
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.fillColor(INK).text(cell, x + pad, top + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' });
      x += widths[i];
    });
    doc.moveTo(left, top + height).lineTo(left + contentWidth(doc), top + height).lineWidth(bold ? 1 : 0.4).strokeColor(bold ? INK : RULE).stroke();
    doc.x = left;
    doc.y = top + height;
  };

  drawRow(columns.map((c) => c.header), true);
  if (rows.length === 0) {
    doc.moveDown(0.3);
    paragraph(doc, empty, { color: MUTED, size: 9 });
    return;
  }
  for (const r of rows) drawRow(columns.map((c) => c.value(r)), false);
  doc.moveDown(0.5);
}
