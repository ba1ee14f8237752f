import { describe, expect, it } from 'vitest';
import { firstRows, PREVIEW_ROWS } from '@/lib/table/preview';

const rows = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('firstRows: a long table shows its first rows until expanded', () => {
  it('cuts a table of 50 rows to the first ten, in their order', () => {
    expect(PREVIEW_ROWS).toBe(10);
    expect(firstRows(rows(50), PREVIEW_ROWS, false)).toEqual(rows(10));
  });

  it('shows every row once expanded', () => {
    expect(firstRows(rows(50), PREVIEW_ROWS, true)).toEqual(rows(50));
  });

  it('does not hide one or two rows behind a button: twelve rows show whole, thirteen are cut', () => {
    expect(firstRows(rows(12), 10, false)).toEqual(rows(12));
    expect(firstRows(rows(13), 10, false)).toEqual(rows(10));
    expect(firstRows([], 10, false)).toEqual([]);
  });
});
