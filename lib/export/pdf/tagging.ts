import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;
type Element = PDFKit.PDFStructureElement;
type ElementOptions = Parameters<Doc['struct']>[1];

/**
 * Tagged PDF (title, language, structure tree in reading order) with pdfkit's own marking API: every
 * piece of text is drawn inside a structure element of the current section, every rule, box or footer
 * is an artifact that screen readers skip. A document that was not opened with `tagged: true` is
 * drawn the same, untagged (the helpers then just draw).
 */
const sections = new WeakMap<Doc, Element>();
const roots = new WeakMap<Doc, Element>();
const taggedDocs = new WeakSet<Doc>();
const rootOf = (doc: Doc) => roots.get(doc);

/** Starts tagging: call once after creating a `tagged: true` document; sections hang from its Document element. */
export function tagDocument(doc: Doc): void {
  const root = doc.struct('Document');
  doc.addStructure(root);
  roots.set(doc, root);
  sections.set(doc, root);
  taggedDocs.add(doc);
}

/** Opens a section (Sect) under the document: what follows is tagged inside it until the next one. */
export function startSection(doc: Doc, title: string): void {
  const root = rootOf(doc);
  if (!root) return;
  const previous = sections.get(doc);
  if (previous && previous !== root) previous.end();
  const sect = doc.struct('Sect', { title });
  root.add(sect);
  sections.set(doc, sect);
}


/** Draws `draw` as one structure element (P, H1, H2, Figure…) of the current section. */
export function tagged(doc: Doc, type: string, draw: () => void, options: ElementOptions = {}): Element | null {
  const parent = sections.get(doc);
  if (!parent) {
    draw();
    return null;
  }
  const element = doc.struct(type, options, draw);
  parent.add(element);
  return element;
}

/** Draws a table as Table > TR > TH/TD, each cell's text inside its own element; `draw` gets a cell tagger. */
export function taggedTable(doc: Doc, draw: (row: (header: boolean, cells: (() => void)[]) => void) => void): void {
  const parent = sections.get(doc);
  if (!parent) {
    draw((_header, cells) => cells.forEach((c) => c()));
    return;
  }
  const table = doc.struct('Table');
  parent.add(table);
  draw((header, cells) => {
    const tr = doc.struct('TR');
    table.add(tr);
    for (const cell of cells) tr.add(doc.struct(header ? 'TH' : 'TD', (header ? { scope: 'Column' } : {}) as ElementOptions, cell));
    tr.end();
  });
  table.end();
}

/** Draws decoration (rules, boxes, page footers) outside the structure tree. */
export function artifact(doc: Doc, draw: () => void, type?: 'Pagination' | 'Layout'): void {
  if (!taggedDocs.has(doc)) {
    draw();
    return;
  }
  doc.markContent('Artifact', type ? { type } : undefined);
  draw();
  doc.endMarkedContent();
}

/** Closes the structure: call before doc.end(). */
export function endStructure(doc: Doc): void {
  const current = sections.get(doc);
  const root = rootOf(doc);
  if (current && current !== root) current.end();
  root?.end();
  sections.delete(doc);
}
