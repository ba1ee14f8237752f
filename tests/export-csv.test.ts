import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Column } from '@/lib/export/columns';
import { csvChunk, csvField, neutralizeCell, UTF8_BOM } from '@/lib/export/csv';

describe('neutralizeCell: formula injection', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['-1+1', "'-1+1"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tleading tab', "'\tleading tab"],
    ['\rleading CR', "'\rleading CR"],
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
  ])('neutralises %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it.each([
    ['-1', '-1'],
    ['-12.5', '-12.5'],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('leaves %j alone', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it('writes numbers, booleans, dates and empties plainly', () => {
    expect(neutralizeCell(-1)).toBe('-1');
    expect(neutralizeCell(3.25)).toBe('3.25');
    expect(neutralizeCell(true)).toBe('yes');
    expect(neutralizeCell(null)).toBe('');
    expect(neutralizeCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
  });
});

type Row = { a: string | number | null };
const columns: Column<Row>[] = [
  { header: 'Value', kind: 'text', value: (r) => r.a },
  { header: 'Length', kind: 'int', value: (r) => (r.a == null ? null : String(r.a).length) },
];

describe('csvChunk: RFC 4180', () => {
  const tricky = ['say "hi"', 'a,b', 'line one\nline two', 'crlf\r\ninside', ' padded ', 'ünïcødé ✓', -1, '-cmd', null];

  it('round-trips through papaparse: quotes, commas, newlines, unicode', () => {
    const text = UTF8_BOM + csvChunk(columns, tricky.map((a) => ({ a })), true);
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['Value', 'Length']);
    expect(parsed.data.slice(1).map((r) => r[0])).toEqual([
      'say "hi"', 'a,b', 'line one\nline two', 'crlf\r\ninside', ' padded ', 'ünïcødé ✓', '-1', "'-cmd", '',
    ]);
  });

  it('quotes embedded quotes by doubling them and ends every line with CRLF', () => {
    const text = csvChunk(columns, [{ a: 'say "hi"' }], false);
    expect(text).toBe('"say ""hi""",8\r\n');
  });

  it('chunks concatenate into one file with a single header', () => {
    const text = csvChunk(columns, [{ a: 'x' }], true) + csvChunk(columns, [{ a: 'y' }], false);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.data).toEqual([['Value', 'Length'], ['x', '1'], ['y', '1']]);
  });

  it('an empty chunk without header is empty', () => {
    expect(csvChunk(columns, [], false)).toBe('');
  });
});

describe('csvField: the same bytes papaparse writes', () => {
  // Every rule papaparse applies with quotes: false — comma, quote, CR, LF, BOM, a space at either end.
  const cells = [
    '', 'plain', 'a,b', 'say "hi"', '"', '""', 'line\nbreak', 'cr\ronly', 'crlf\r\n', '\uFEFFbom', ' lead', 'trail ', ' ', '  both  ',
    'mid space', "'=quoted formula", 'tab\tinside', 'ünïcødé ✓ 😀', ',', ',,,', 'end,', '-1', '12.5', 'a;b', 'x"y,z\nw',
  ];

  it('quotes and escapes each tricky cell exactly as Papa.unparse does', () => {
    for (const cell of cells) expect(csvField(cell)).toBe(Papa.unparse([[cell]], { quotes: false, escapeFormulae: false }));
  });

  it('writes whole chunks identical to Papa.unparse with CRLF', () => {
    const rows = cells.map((a) => ({ a }));
    const expected = Papa.unparse(
      [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => neutralizeCell(c.value(r))))],
      { newline: '\r\n', quotes: false, escapeFormulae: false },
    );
    expect(csvChunk(columns, rows, true)).toBe(`${expected}\r\n`);
  });
});
