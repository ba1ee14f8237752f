/**
 * `npm run usage -- import` on PGlite sends the file to the running server (which holds the database), signed with
 * the app secret like `npm run jobs` (lib/jobs/command-auth.ts): an HMAC of the source, the file name, the SHA-256 of
 * the file and the time, valid for five minutes, so a signature cannot carry another file.
 */
import crypto from 'node:crypto';

export const USAGE_SIGNATURE_HEADER = 'x-uplift-usage-signature';
const MAX_SKEW_MS = 5 * 60_000;

const mac = (secret: string, source: string, fileName: string, sha256: string, at: number) =>
  crypto.createHmac('sha256', secret).update(`uplift-usage-import\n${source}\n${fileName}\n${sha256}\n${at}`).digest('hex');

export function signUsageImport(secret: string, source: string, fileName: string, sha256: string, now = Date.now()): string {
  return `${now}.${mac(secret, source, fileName, sha256, now)}`;
}

export function verifyUsageImport(secret: string, source: string, fileName: string, sha256: string, header: string | null, now = Date.now()): boolean {
  const m = /^(\d{10,16})\.([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const at = Number(m[1]);
  if (Math.abs(now - at) > MAX_SKEW_MS) return false;
  return crypto.timingSafeEqual(Buffer.from(mac(secret, source, fileName, sha256, at), 'hex'), Buffer.from(m[2], 'hex'));
}
