/**
 * The usage CSV read from a stream a piece at a time, so a file of a million rows is never held whole: each piece
 * the stream gives (64 kB from a file) is parsed with papaparse's parser up to its last complete row, the rest is
 * kept for the next piece, and each row becomes a record with the rules of lib/usage/sources/csv.ts. The first bad
 * row stops the read with its sentence (UsageParseError). Parsing a piece at a time rather than a row at a time
 * (papaparse's Node stream mode) reads 10^6 rows about four times faster.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import type { UsageRecord } from './record';
import { UsageParseError } from './sources/common';
import { checkCsvHeader, csvRowToRecord } from './sources/csv';

/** A row longer than this is a quote left open, not data: stop rather than hold the rest of the file. */
const MAX_ROW_CHARS = 1_000_000;

type Newline = '\r\n' | '\n' | '\r';
/**
 * The file's line ending (papaparse's own parser does not guess it), or null while the text read so far does not
 * show it: no line break yet, or only a CR at the very end, whose LF may come with the next piece.
 */
function newlineOf(text: string, final: boolean): Newline | null {
  if (text.includes('\r\n')) return '\r\n';
  if (text.includes('\n')) return '\n';
  const cr = text.indexOf('\r');
  if (cr >= 0 && (cr < text.length - 1 || final)) return '\r';
  return final ? '\n' : null;
}
/** papaparse's skipEmptyLines: 'greedy': a row of nothing but blanks and delimiters is no row. */
const isBlank = (cells: string[]) => cells.join('').trim() === '';

type Parsed = { data: string[][]; errors: { type: string; code: string }[]; meta: { cursor: number } };

/** The rows of each piece; `final` parses what is left at the end, where an open quote is an error. */
async function* csvRows(input: Readable): AsyncGenerator<string[][]> {
  const decoder = new StringDecoder('utf8');
  let newline: Newline | null = null;
  let rest = '';
  /** The whole rows of `text`; what follows them is kept in `rest` for the next piece. */
  const wholeRows = (text: string, final: boolean): string[][] => {
    newline ??= newlineOf(text, final);
    if (!newline) {
      rest = text; // not one whole row yet
      return [];
    }
    const parsed = new Papa.Parser({ delimiter: ',', newline }).parse(text, 0, !final) as Parsed;
    // Only a quote still open at the end is an error; a stray quote inside a quoted cell is read as papaparse reads
    // it, wherever its row falls (lib/usage/sources/csv.ts reads whole files the same way).
    const quote = final ? parsed.errors.find((e) => e.code === 'MissingQuotes') : undefined;
    if (quote) throw new UsageParseError('The CSV has a quote that is never closed.');
    rest = final ? '' : text.slice(parsed.meta.cursor);
    return parsed.data;
  };
  const parse = (text: string, final: boolean): string[][] => {
    const rows = wholeRows(text, final);
    if (rest.length > MAX_ROW_CHARS) throw new UsageParseError('The CSV has a row longer than 1 MB: a quote is probably never closed.');
    return rows.filter((cells) => !isBlank(cells));
  };
  for await (const chunk of input) {
    const rows = parse(rest + decoder.write(chunk as Buffer), false);
    if (rows.length) yield rows;
  }
  const last = rest + decoder.end();
  if (last) yield parse(last, true);
}

export async function* csvRecords(input: Readable): AsyncGenerator<UsageRecord> {
  let line = 0;
  try {
    for await (const rows of csvRows(input)) {
      for (const cells of rows) {
        line += 1;
        if (line === 1) {
          const wrong = checkCsvHeader(cells);
          if (wrong) throw new UsageParseError(wrong);
          continue;
        }
        const r = csvRowToRecord(cells, line);
        if (typeof r === 'string') throw new UsageParseError(r);
        yield r;
      }
    }
  } finally {
    input.destroy();
  }
  if (line === 0) throw new UsageParseError('The CSV is empty.');
  if (line === 1) throw new UsageParseError('The CSV has a header but no rows.');
}
