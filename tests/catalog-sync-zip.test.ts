// Unpacking Epoch's zip: CSV files only, by path; the unpacked size is counted as it inflates (headers can lie),
// and a zip cut short is refused.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip } from '@/lib/catalog/sync/zip';

const zip = zipSync({ 'benchmark_data/gpqa_diamond.csv': strToU8('Model version,score\na,0.5\n'), 'benchmark_data/README.txt': strToU8('notes') });

describe('reading a zip', () => {
  it('returns the CSV files by their path', () => {
    expect(readZip(zip, 'benchmark_data.zip')).toEqual({ ok: true, files: { 'benchmark_data/gpqa_diamond.csv': 'Model version,score\na,0.5\n' } });
  });

  it('stops at the unpacked-size limit however small the zip is', () => {
    const bomb = zipSync({ 'a.csv': new Uint8Array(5_000_000) });
    expect(bomb.length).toBeLessThan(10_000);
    expect(readZip(bomb, 'bomb.zip', 1_000_000)).toEqual({ ok: false, error: "bomb.zip unpacks to more than 1 MB; Epoch's benchmark data is a few MB." });
    expect(readZip(bomb, 'bomb.zip', 6_000_000).ok).toBe(true);
  });

  it('refuses a zip cut short, a non-zip and a zip without CSV files', () => {
    expect(readZip(zip.subarray(0, zip.length - 30), 'x.zip')).toEqual({ ok: false, error: "x.zip is cut short: the zip's table of contents is missing." });
    expect(readZip(strToU8('{"a": 1}'), 'x.zip')).toEqual({ ok: false, error: 'x.zip is not a zip file.' });
    expect(readZip(zipSync({ 'a.txt': strToU8('x') }), 'x.zip')).toEqual({ ok: false, error: 'x.zip holds no CSV files.' });
  });
});
