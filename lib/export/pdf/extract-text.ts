import { inflateSync } from 'node:zlib';

/**
 * The text of a pdfkit PDF, one line per text-showing operator: enough for tests to check what a
 * report says without a system PDF tool. Works for pdfkit's standard-font output (hex strings in TJ
 * arrays), compressed or not; it is not a general PDF parser.
 */
export function extractPdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  const streams = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const op of content.matchAll(/\[((?:[^\]]|\\\])*)\]\s*TJ/g)) {
      const hex = [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
    streams.lastIndex = end + 'endstream'.length;
  }
  return lines.join('\n');
}

/** Page count, from the page objects. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
