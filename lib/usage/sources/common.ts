/**
 * What every usage parser shares: the result type, exact decimal → micro-unit conversion, UTC days, and the
 * size limit. Pure.
 */
import { isRealDay } from '@/lib/validation/day';
import type { UsageRecord } from '../record';

export type ParseResult = { ok: true; records: UsageRecord[] } | { ok: false; error: string };

/** A page or file larger than this is refused: a day's API page is kilobytes, a CSV streams (lib/usage/csv-stream.ts). */
export const MAX_PARSE_CHARS = 50_000_000;

export class UsageParseError extends Error {}

export const fail = (error: string): ParseResult => ({ ok: false, error });

/**
 * A decimal (string or JSON number) × 10^(6 + shift), rounded half away from zero, as an integer: exact, with no
 * float arithmetic (0.000123 → 123). `shift` is -2 for amounts in cents. Null when it is not a decimal.
 */
export function decimalToMicros(value: string | number, shift = 0): number | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const [, sign, int, frac = '', exp = '0'] = m;
  const digits = `${int}${frac}`.replace(/^0+(?=\d)/, '') || '0';
  // value = digits × 10^(exp - frac.length); micros = value × 10^(6 + shift)
  const power = Number(exp) - frac.length + 6 + shift;
  let n = BigInt(digits);
  if (power >= 0) n *= 10n ** BigInt(power);
  else {
    const div = 10n ** BigInt(-power);
    const q = n / div;
    n = (n % div) * 2n >= div ? q + 1n : q;
  }
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const out = Number(n);
  return sign === '-' && out !== 0 ? -out : out;
}

/** True for a real calendar day written YYYY-MM-DD. */
export const isDay = isRealDay;

/** The UTC day of a Unix time in seconds. */
export const dayOfUnix = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** The UTC day of an RFC 3339 timestamp or a plain day; null when it is neither. */
export function dayOfTimestamp(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  if (isDay(text)) return text;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/** A non-negative integer count, or 0 when absent (null); undefined when it is something else. */
export function count(value: unknown): number | undefined {
  if (value == null) return 0;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The refusal of a file with NUL bytes: PostgreSQL text cannot hold them, and UTF-8 text has none. */
export const NUL_ERROR = 'The file contains NUL bytes, so it is not UTF-8 text (a file saved as UTF-16 looks like this): save it as UTF-8 and try again.';
export const hasNul = (text: string) => text.includes('\u0000') || text.includes('\\u0000');

/** JSON text → value, or one sentence on what is wrong. */
export function readJson(text: string, what: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.length > MAX_PARSE_CHARS) return { ok: false, error: `The ${what} is larger than ${MAX_PARSE_CHARS / 1_000_000} MB; split it into smaller pages.` };
  if (hasNul(text)) return { ok: false, error: NUL_ERROR };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: `The ${what} is not valid JSON.` };
  }
}

/** The vendor a model id belongs to, from its provider prefix or its name (for LiteLLM, which proxies many). */
export function vendorOfModel(model: string, provider?: string | null): string {
  const p = (provider || (model.includes('/') ? model.split('/')[0] : '')).toLowerCase();
  const byProvider: Record<string, string> = { openai: 'OpenAI', azure: 'OpenAI', anthropic: 'Anthropic', bedrock: 'Amazon Bedrock', vertex_ai: 'Google', gemini: 'Google', mistral: 'Mistral AI', xai: 'xAI', deepseek: 'DeepSeek', groq: 'Groq' };
  if (p && byProvider[p]) return byProvider[p];
  const name = model.toLowerCase().split('/').pop() ?? '';
  if (/^(gpt|o\d|chatgpt|text-embedding|dall-e|whisper|tts)/.test(name)) return 'OpenAI';
  if (name.startsWith('claude')) return 'Anthropic';
  if (/^(gemini|gemma)/.test(name)) return 'Google';
  if (/^(mistral|codestral|magistral)/.test(name)) return 'Mistral AI';
  if (name.startsWith('grok')) return 'xAI';
  if (name.startsWith('deepseek')) return 'DeepSeek';
  if (/^(llama|muse)/.test(name)) return 'Meta';
  return p ? p : 'Other';
}

/**
 * Adds records that share (day, external team, model) into one: a page's hourly buckets or line items become one
 * daily row. Users are per-day figures, so the larger is kept rather than a sum.
 */
export class RecordMerger {
  private readonly rows = new Map<string, UsageRecord>();

  add(r: UsageRecord): void {
    const key = `${r.day}\u0000${r.externalTeam}\u0000${r.externalModel}`;
    const prev = this.rows.get(key);
    if (!prev) return void this.rows.set(key, { ...r, details: r.details ? { ...r.details } : null });
    prev.requests += r.requests;
    prev.inputTokens += r.inputTokens;
    prev.outputTokens += r.outputTokens;
    prev.costMicros += r.costMicros;
    prev.activeUsers = maxOrNull(prev.activeUsers, r.activeUsers);
    prev.engagedUsers = maxOrNull(prev.engagedUsers, r.engagedUsers);
    if (r.details) prev.details = sumDetails(prev.details ?? {}, r.details);
  }

  records(): UsageRecord[] {
    return [...this.rows.values()].sort((a, b) => (a.day + a.externalTeam + a.externalModel < b.day + b.externalTeam + b.externalModel ? -1 : 1));
  }
}

const maxOrNull = (a: number | null, b: number | null) => (a == null ? b : b == null ? a : Math.max(a, b));

/** Numbers with the same key are added; anything else keeps the first value. */
function sumDetails(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = typeof v === 'number' && typeof prev === 'number' ? prev + v : prev === undefined ? v : prev;
  }
  return out;
}

/** One day's figures of a vendor report for one team and model: nothing counted until the report says so. */
export function vendorRecord(day: string, vendor: string, externalTeam: string, externalModel: string, figures: Partial<UsageRecord>): UsageRecord {
  return { day, externalTeam, vendor, externalModel, requests: 0, inputTokens: 0, outputTokens: 0, costMicros: 0, currency: 'USD', activeUsers: null, engagedUsers: null, details: null, ...figures };
}

/**
 * A report page's day buckets and their results (OpenAI's and Anthropic's share this shape), each result read
 * into a record and merged; the first bucket or result that cannot be read fails the page with where it is.
 * `dayOf` gives a bucket (with its `results`) a day, or says what it lacks; `read` gives a record, or what is wrong
 * with it: each problem is the end of a sentence that starts with where it is.
 */
export function readDayBuckets(
  buckets: unknown[],
  page: string,
  dayOf: (bucket: unknown) => { day: string } | { problem: string },
  read: (day: string, result: Record<string, unknown>) => UsageRecord | { problem: string },
): ParseResult {
  const merged = new RecordMerger();
  for (const [i, bucket] of buckets.entries()) {
    const found = dayOf(bucket);
    if ('problem' in found) return fail(`Bucket ${i + 1} of the ${page} ${found.problem}`);
    const results = (bucket as Record<string, unknown>).results as unknown[];
    for (const [j, result] of results.entries()) {
      const where = `Bucket ${i + 1}, result ${j + 1} of the ${page}`;
      const record = isObject(result) ? read(found.day, result) : { problem: 'is not an object.' };
      if ('problem' in record) return fail(`${where}${record.problem.startsWith(':') ? '' : ' '}${record.problem}`);
      merged.add(record);
    }
  }
  return { ok: true, records: merged.records() };
}
