/**
 * Unpacking Epoch AI's benchmark_data.zip in memory, bounded. fflate (no dependencies, typed, maintained,
 * already in the tree through pdfkit) streams each entry, so the bytes are counted as they are inflated: a zip
 * whose headers understate its sizes (a "zip bomb") is stopped at the limit instead of trusted. Only CSV files
 * are inflated. Any problem gives one sentence. Pure.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { EPOCH_LIMITS } from '../epoch-import';

export type ZipResult = { ok: true; files: Record<string, string> } | { ok: false; error: string };

/** Local file header signature: every zip starts with it. */
export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function readZip(bytes: Uint8Array, fileName: string, maxTotalBytes: number = EPOCH_LIMITS.maxTotalChars): ZipResult {
  if (!isZip(bytes)) return { ok: false, error: `${fileName} is not a zip file.` };
  // A complete zip ends with its central directory's end record; a download cut short lacks it.
  if (!hasEndRecord(bytes)) return { ok: false, error: `${fileName} is cut short: the zip's table of contents is missing.` };
  const chunks = new Map<string, Uint8Array[]>();
  const done = new Set<string>();
  let total = 0;
  let error: string | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (error || file.name.endsWith('/') || !file.name.toLowerCase().endsWith('.csv')) return;
    if (file.compression !== 0 && file.compression !== 8) {
      error = `${fileName}: ${file.name} uses a compression method Uplift cannot read.`;
      return;
    }
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (err, data, final) => {
      if (error) return;
      if (err) {
        error = `${fileName} is damaged (${file.name}: ${err.message}); is the file cut short?`;
        return;
      }
      total += data.length;
      if (total > maxTotalBytes) {
        error = `${fileName} unpacks to more than ${maxTotalBytes / 1_000_000} MB; Epoch's benchmark data is a few MB.`;
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) done.add(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    return { ok: false, error: `${fileName} is damaged (${e instanceof Error ? e.message : String(e)}); is the file cut short?` };
  }
  if (error) return { ok: false, error };
  const unfinished = [...chunks.keys()].find((name) => !done.has(name));
  if (unfinished) return { ok: false, error: `${fileName} is cut short: ${unfinished} is incomplete.` };
  if (chunks.size === 0) return { ok: false, error: `${fileName} holds no CSV files.` };
  const decoder = new TextDecoder('utf-8');
  const files: Record<string, string> = {};
  for (const [name, parts] of chunks) files[name] = decoder.decode(concat(parts));
  return { ok: true, files };
}

/** The end-of-central-directory record (PK\x05\x06) sits in the last 22 bytes plus a comment of at most 64 KB. */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
