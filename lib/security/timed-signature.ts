/**
 * A request a command line sends the running server, signed with the app secret (lib/auth/secret.ts), which only
 * someone with the server's configuration or data folder has: `<ms>.<hex HMAC-SHA256>` of the purpose, the fields
 * that bind it (a job name; a source, file name and file hash) and the time, valid for five minutes either way.
 */
import crypto from 'node:crypto';

const MAX_SKEW_MS = 5 * 60_000;

const mac = (secret: string, purpose: string, fields: readonly string[], at: number) =>
  crypto.createHmac('sha256', secret).update([purpose, ...fields, String(at)].join('\n')).digest('hex');

export function signTimed(secret: string, purpose: string, fields: readonly string[], now = Date.now()): string {
  return `${now}.${mac(secret, purpose, fields, now)}`;
}

export function verifyTimed(secret: string, purpose: string, fields: readonly string[], header: string | null, now = Date.now()): boolean {
  const m = /^(\d{10,16})\.([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const at = Number(m[1]);
  if (Math.abs(now - at) > MAX_SKEW_MS) return false;
  return crypto.timingSafeEqual(Buffer.from(mac(secret, purpose, fields, at), 'hex'), Buffer.from(m[2], 'hex'));
}
