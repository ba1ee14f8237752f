/**
 * Hostile inputs for the fuzz test: a seeded generator (FUZZ_SEED) that mutates a valid input
 * with wrong types, huge strings, control characters, unicode, SQL and HTML fragments, unknown
 * and duplicated keys. FUZZ_RUNS sets how many inputs each table entry gets.
 */
import type { Random } from '@/db/seed/random';

export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 20));
export const FUZZ_SEED = process.env.FUZZ_SEED === 'random' ? (Date.now() >>> 0) : Number(process.env.FUZZ_SEED ?? 20261128);

/** The demo seed's PRNG (mulberry32): the same inputs for the same FUZZ_SEED. */
export type Rng = Random;

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  'a'.repeat(300),
  'x'.repeat(10_000),
  'é'.repeat(100_000),
  'abc\u0000def',
  '\u0000',
  '\u0001\u0002\u001b[31m\u007f',
  '\u202eevil\u202c',
  '\ufeffBOM',
  '\ud800', // a lone surrogate: not valid UTF-8
  '😀'.repeat(200),
  'Z̷̢̛a̸̡͝l̵̨͠g̶̢͝o̵̧͠',
  "' OR '1'='1",
  "'; DROP TABLE \"user\"; --",
  '1; select pg_sleep(10)',
  '$1',
  '\\',
  '"',
  '%',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '-1',
  '0',
  '-0',
  '1.5',
  '1e308',
  '-1e308',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '0x10',
  '2024-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '2024-13-01',
  'yesterday',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{"role":"admin"}',
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '%00%2e%2e',
  'ADMIN@UPLIFT.DEMO',
  'admin@uplift.demo\u0000',
  'a@b',
  '@',
];

const HOSTILE_KEYS = ['__proto__', 'constructor', 'role', 'isAdmin', 'id', '$ACTION_KEY', 'userId', 'teamId', 'x'.repeat(500)];

export type FuzzValue = string | Blob | string[];
export type FuzzInput = Record<string, FuzzValue>;

function hostileValue(r: Rng): FuzzValue {
  const roll = r.next();
  if (roll < 0.06) return new Blob([r.pick(HOSTILE_STRINGS)], { type: 'application/octet-stream' }); // a file where text is expected
  if (roll < 0.1) return [r.pick(HOSTILE_STRINGS), r.pick(HOSTILE_STRINGS)]; // the same key twice
  if (roll < 0.18) {
    // random bytes as text
    return Array.from({ length: 1 + r.int(0, 63) }, () => String.fromCharCode(r.int(0, 0x2fff))).join('');
  }
  return r.pick(HOSTILE_STRINGS);
}

/** One hostile variant of a valid input. */
export function mutate(valid: Record<string, string | Blob>, r: Rng): FuzzInput {
  const keys = Object.keys(valid);
  const out: FuzzInput = { ...valid };
  const strategy = r.int(0, 5);
  if (strategy === 0 || keys.length === 0) {
    out[r.pick(HOSTILE_KEYS)] = hostileValue(r); // an unknown (or privileged-sounding) key
  } else if (strategy === 1) {
    delete out[r.pick(keys)]; // a missing field
  } else if (strategy === 2) {
    for (const k of keys) out[k] = hostileValue(r); // everything hostile
  } else if (strategy === 3) {
    const k = r.pick(keys);
    const v = valid[k];
    const tail = r.pick(HOSTILE_STRINGS);
    out[k] = typeof v === 'string' ? `${v}${tail}` : new Blob([v, tail], { type: v.type }); // valid prefix, hostile tail
  } else {
    out[r.pick(keys)] = hostileValue(r); // one field hostile
  }
  return out;
}
