import { describe, expect, it } from 'vitest';
import { isoTimestamp, KEYS, toRow } from '@/db/queries/reports/export-rows';
import { EXPERIMENT_COLUMNS } from '@/lib/export/columns';
import { csvFromBatches } from '@/lib/export/experiments-csv';
import { primedStream } from '@/lib/export/stream';

describe('export rows: the JSON array read by position', () => {
  it('toRow puts field i of the statement under KEYS[i] (the two lists cannot drift apart)', () => {
    const row = toRow(KEYS.map((_, i) => i)) as unknown as Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual([...KEYS].sort());
    KEYS.forEach((key, i) => expect(String(row[key])).toBe(String(i)));
  });

  it('exports the exploration flag and the target metric beside the mindset', () => {
    const headers = EXPERIMENT_COLUMNS.map((c) => c.header);
    expect(headers.slice(headers.indexOf('Mindset'), headers.indexOf('Mindset') + 3)).toEqual(['Mindset', 'Exploration', 'Target metric']);
    const row = { exploration: true, targetMetric: '' } as never;
    expect(EXPERIMENT_COLUMNS.filter((c) => c.header === 'Exploration' || c.header === 'Target metric').map((c) => c.value(row))).toEqual([true, '']);
  });

  it('turns JSON timestamps into what Date.toISOString() writes, truncating microseconds', () => {
    for (const text of ['2026-01-02T03:04:05', '2026-01-02T03:04:05.1', '2026-01-02T03:04:05.12', '2026-01-02T03:04:05.123', '2026-01-02T03:04:05.123999', '1999-12-31T23:59:59.9999'])
      expect(isoTimestamp(text)).toBe(new Date(`${text}Z`).toISOString());
    expect(isoTimestamp(null)).toBeNull();
    expect(isoTimestamp('infinity')).toBe('infinity');
  });
});

describe('streamed CSV: failures', () => {
  const columns = EXPERIMENT_COLUMNS.slice(0, 2);
  const row = { id: 1, title: 'x' } as never;

  async function* failingAfter(batches: number) {
    for (let i = 0; i < batches; i++) yield [row];
    throw new Error('database went away');
  }

  it('a query that fails at once rejects before any byte is sent (the route answers 500)', async () => {
    await expect(primedStream(csvFromBatches(columns, failingAfter(0)))).rejects.toThrow('database went away');
  });

  it('a batch that fails mid-download errors the stream instead of ending it as if complete', async () => {
    const reader = (await primedStream(csvFromBatches(columns, failingAfter(1)))).getReader();
    const first = await reader.read();
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(first.value)).toBe('\uFEFFID,Title\r\n1,x\r\n');
    await expect(reader.read()).rejects.toThrow('database went away');
  });
});
