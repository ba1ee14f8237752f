/**
 * Where to go after sign-in: only a path of this app. Browsers read `/\evil.example` and
 * `//evil.example` as other hosts, strip tabs and newlines inside URLs, and some servers decode
 * `%5C` or `%2F` before redirecting again, so the path is checked as the browser parses it and
 * after every layer of percent-decoding. Anything doubtful gives null (the caller goes home).
 */
const BASE = 'http://uplift.invalid';
const MAX_LENGTH = 2048;
// C0 controls (tab, newline…), DEL, and the backslash that browsers treat as a slash.
const DANGEROUS = /[\u0000-\u001f\u007f\\]/;

export function safeNextPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  if (!raw.startsWith('/') || DANGEROUS.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  // Every decoding of the path must still be a plain same-origin path.
  let path = url.pathname;
  for (let layer = 0; layer < 4; layer++) {
    if (!path.startsWith('/') || path.startsWith('//') || DANGEROUS.test(path)) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    if (decoded === path) return `${url.pathname}${url.search}${url.hash}`;
    path = decoded;
  }
  return null; // encoded more deeply than any real link
}
