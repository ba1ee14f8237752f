import { inflateSync } from 'node:zlib';

/** A stream's bytes as text, inflated when compressed. */
function streamText(bytes: Buffer): string {
  try {
    return inflateSync(bytes).toString('latin1');
  } catch {
    return bytes.toString('latin1');
  }
}

/** Every object of the file by number: its dictionary and, for a stream, its (inflated) content. */
function objectsOf(pdf: Buffer): Map<string, { dict: string; stream?: string }> {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream?: string }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\b/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endobj', start);
    const body = raw.slice(start, end);
    const at = body.search(/stream\r?\n/);
    if (at < 0) objects.set(m[1], { dict: body });
    else {
      const from = start + at + body.slice(at).match(/stream\r?\n/)![0].length;
      objects.set(m[1], { dict: body.slice(0, at), stream: streamText(pdf.subarray(from, raw.indexOf('endstream', from))) });
    }
  }
  return objects;
}

/** A ToUnicode CMap as pdfkit writes it for an embedded font: `<start> <end> [<utf-16be> …]` ranges, 2-byte codes (a ligature's entry holds several units). */
function readCmap(cmap: string): Map<number, string> {
  const codes = new Map<number, string>();
  for (const r of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]+>\s*\[([^\]]*)\]/g)) {
    const start = parseInt(r[1], 16);
    [...r[2].matchAll(/<([0-9a-fA-F ]*)>/g)].forEach((u, i) => codes.set(start + i, Buffer.from(u[1].replace(/ /g, ''), 'hex').swap16().toString('utf16le')));
  }
  return codes;
}

/** Font resource names (F1, F2…) of embedded fonts → their code-to-text maps; standard fonts have none. */
function embeddedFonts(objects: Map<string, { dict: string; stream?: string }>): Map<string, Map<number, string>> {
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const ref of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(ref[2]);
      const cmapRef = font?.dict.match(/\/ToUnicode (\d+) 0 R/)?.[1];
      const cmap = cmapRef ? objects.get(cmapRef)?.stream : undefined;
      if (cmap) fonts.set(ref[1], readCmap(cmap));
    }
  }
  return fonts;
}

/**
 * The text of a pdfkit PDF, one line per text-showing operator: enough for tests to check what a
 * report says without a system PDF tool. Works for pdfkit's output (hex strings in TJ arrays), compressed
 * or not: standard fonts as WinAnsi bytes, embedded fonts (the Korean report) through their ToUnicode maps.
 * It is not a general PDF parser.
 */
export function extractPdfText(pdf: Buffer): string {
  const objects = objectsOf(pdf);
  const fonts = embeddedFonts(objects);
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream) continue;
    let font: Map<number, string> | undefined;
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:[^\]]|\\\])*)\]\s*TJ/g)) {
      if (op[1]) {
        font = fonts.get(op[1]);
        continue;
      }
      const hex = [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      if (!font) lines.push(Buffer.from(hex, 'hex').toString('latin1'));
      else lines.push((hex.match(/.{4}/g) ?? []).map((code) => font!.get(parseInt(code, 16)) ?? '').join(''));
    }
  }
  return lines.join('\n');
}

/** Page count, from the page objects. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
