import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Column } from '@/lib/export/columns';
import { csvChunk, csvField, csvRows, neutralizeCell, OTHER_SEPARATORS, UTF8_BOM } from '@/lib/export/csv';
import { importTemplateCsv } from '@/lib/validation/experiment-import';

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
  // Every rule papaparse applies — comma, quote, CR, LF, BOM, a space at either end — plus ; and tab.
  const cells = [
    '', 'plain', 'a,b', 'say "hi"', '"', '""', 'line\nbreak', 'cr\ronly', 'crlf\r\n', '\uFEFFbom', ' lead', 'trail ', ' ', '  both  ',
    'mid space', "'=quoted formula", 'tab\tinside', 'ünïcødé ✓ 😀', ',', ',,,', 'end,', '-1', '12.5', 'a;b', ';', 'x"y,z\nw', 'a;"b"',
  ];
  const papa = { quotes: (value: unknown) => OTHER_SEPARATORS.test(String(value)), escapeFormulae: false };

  it('quotes and escapes each tricky cell exactly as Papa.unparse does when told to quote ; and tab', () => {
    for (const cell of cells) expect(csvField(cell)).toBe(Papa.unparse([[cell]], papa));
  });

  it('writes whole chunks identical to Papa.unparse with CRLF', () => {
    const rows = cells.map((a) => ({ a }));
    const expected = Papa.unparse([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => neutralizeCell(c.value(r))))], { ...papa, newline: '\r\n' });
    expect(csvChunk(columns, rows, true)).toBe(`${expected}\r\n`);
  });
});

describe('cells a spreadsheet would split in a ; or tab locale', () => {
  it('quotes ; and tab, byte for byte, and leaves other cells bare', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('tab\tinside')).toBe('"tab\tinside"');
    expect(csvField('a;"b"')).toBe('"a;""b"""');
    expect(csvField('a:b|c')).toBe('a:b|c');
    expect(csvChunk(columns, [{ a: 'gpt-4o;claude' }, { a: 'plain' }], false)).toBe('"gpt-4o;claude",13\r\nplain,5\r\n');
  });

  it('still neutralises formulas, then quotes what has a separator', () => {
    expect(csvChunk(columns, [{ a: '=1;2' }, { a: '@SUM(A1;A2)' }, { a: '\t=cmd' }, { a: '-1;x' }], false)).toBe(
      `"'=1;2",4\r\n"'@SUM(A1;A2)",11\r\n"'\t=cmd",5\r\n"'-1;x",4\r\n`,
    );
  });

  it('outside quotes, a line holds no ; or tab a spreadsheet could split on', () => {
    const text = csvChunk(columns, ['x;y', 'semi;colon;s', 'tab\there', '=a;b', 'plain'].map((a) => ({ a })), true);
    for (const line of text.split('\r\n')) expect(line.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/[;\t]/);
  });

  it('the import template, written by the same rules, quotes its ;-separated model list and reads back', () => {
    const template = importTemplateCsv();
    expect(template.split('\r\n')[1]).toContain(',"gpt-4o;claude-3.5-sonnet",');
    expect(template.endsWith('\r\n')).toBe(true);
    expect(csvRows([['=SUM(1)', 'a;b', 'plain']])).toBe(`'=SUM(1),"a;b",plain\r\n`);
  });
});
