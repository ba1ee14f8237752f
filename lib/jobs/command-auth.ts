/**
 * `npm run jobs` asks the running server (PGlite: the server holds the database) to run a job. The request is
 * signed with the app secret (lib/auth/secret.ts), which only someone with the server's configuration or data
 * folder has: an HMAC of the job and the time, valid for five minutes.
 */
import crypto from 'node:crypto';

export const SIGNATURE_HEADER = 'x-uplift-job-signature';
const MAX_SKEW_MS = 5 * 60_000;

const mac = (secret: string, job: string, at: number) => crypto.createHmac('sha256', secret).update(`uplift-jobs\n${job}\n${at}`).digest('hex');

export function signJobRequest(secret: string, job: string, now = Date.now()): string {
  return `${now}.${mac(secret, job, now)}`;
}

export function verifyJobRequest(secret: string, job: string, header: string | null, now = Date.now()): boolean {
  const m = /^(\d{10,16})\.([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const at = Number(m[1]);
  if (Math.abs(now - at) > MAX_SKEW_MS) return false;
  const expected = Buffer.from(mac(secret, job, at), 'hex');
  return crypto.timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}
