/**
 * Hostile inputs for the fuzz test: a seeded generator (FUZZ_SEED) that mutates a valid input
 * with NUL bytes, over-large and negative ids, wrong types, huge strings, control characters,
 * unicode, SQL and HTML fragments, unknown and duplicated keys. FUZZ_RUNS sets how many inputs
 * each table entry gets; the first runs of each entry go through every strategy once.
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
  '99999999999',
  '2147483648',
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

/** Ids beyond what an integer column holds, and other numbers no row has. */
export const HOSTILE_IDS: readonly string[] = ['99999999999', '2147483648', '9007199254740993', '1e30', '-2147483649', '-1', '0', '3.5'];

/** A value with a NUL byte before or after it (a file: appended), so a form that cleans it keeps a valid value. */
function withNul(v: string | Blob, r: Rng): string | Blob {
  if (typeof v !== 'string') return new Blob([v, '\u0000tail'], { type: v.type });
  return r.chance(0.5) ? `\u0000${v}` : `${v}\u0000`;
}

/** How an input is made hostile; the first runs of every entry take each in turn, later runs pick at random. */
export const STRATEGIES = ['nul', 'hugeId', 'oneHostile', 'hostileTail', 'allHostile', 'missing', 'unknownKey', 'huge'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** One hostile variant of a valid input (run `run` of an entry), and the strategy used. */
export function mutate(valid: Record<string, string | Blob>, r: Rng, run: number = STRATEGIES.length): { input: FuzzInput; strategy: Strategy } {
  const keys = Object.keys(valid);
  const out: FuzzInput = { ...valid };
  let strategy: Strategy = run < STRATEGIES.length ? (STRATEGIES as readonly Strategy[])[run] : r.pick(STRATEGIES);
  if (keys.length === 0 && strategy !== 'unknownKey') strategy = r.chance(0.5) ? 'unknownKey' : 'hugeId';
  const ids = keys.filter((k) => typeof valid[k] === 'string' && /^\d+$/.test(valid[k] as string));
  switch (strategy) {
    case 'nul':
      // Every field but the ids (they get hugeId) keeps its value with a NUL at one end: a form that cleans
      // text accepts it and writes, one that passes it on fails in the database (22021).
      for (const k of keys) if (!ids.includes(k)) out[k] = withNul(valid[k], r);
      break;
    case 'hugeId':
      if (ids.length) for (const k of ids) out[k] = r.pick(HOSTILE_IDS);
      else out[r.pick(['id', 'experimentId', 'teamId', 'modelId', 'userId'])] = r.pick(HOSTILE_IDS);
      break;
    case 'oneHostile':
      out[r.pick(keys)] = hostileValue(r);
      break;
    case 'hostileTail': {
      const k = r.pick(keys);
      const v = valid[k];
      const tail = r.pick(HOSTILE_STRINGS);
      out[k] = typeof v === 'string' ? `${v}${tail}` : new Blob([v, tail], { type: v.type }); // valid prefix, hostile tail
      break;
    }
    case 'allHostile':
      for (const k of keys) out[k] = hostileValue(r);
      break;
    case 'missing':
      delete out[r.pick(keys)];
      break;
    case 'unknownKey':
      out[r.pick(HOSTILE_KEYS)] = hostileValue(r); // an unknown (or privileged-sounding) key
      break;
    case 'huge':
      out[r.pick(keys)] = r.chance(0.5) ? 'x'.repeat(1_000_000) : 'é'.repeat(100_000);
      break;
  }
  return { input: out, strategy };
}
