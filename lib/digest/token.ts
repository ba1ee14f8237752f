/**
 * The token of a digest's unsubscribe link (issue 20 §4, RFC 8058): it names one person and expires, signed with
 * an HMAC under a key derived from the app secret for this purpose only, so it unsubscribes that person from the
 * digest and can do nothing else. `<user id, base64url>.<expiry, unix seconds>.<HMAC-SHA256, base64url>`.
 */
import crypto from 'node:crypto';

export const UNSUBSCRIBE_DAYS = 60;
const PURPOSE = 'uplift-digest-unsubscribe';

const keyOf = (secret: string) => Buffer.from(crypto.hkdfSync('sha256', secret, 'uplift-tokens', PURPOSE, 32));
const mac = (secret: string, userId: string, exp: number) => crypto.createHmac('sha256', keyOf(secret)).update(`${PURPOSE}\n${userId}\n${exp}`).digest('base64url');

export function unsubscribeToken(userId: string, secret: string, now: Date = new Date(), days = UNSUBSCRIBE_DAYS): string {
  const exp = Math.floor(now.getTime() / 1000) + days * 86_400;
  return `${Buffer.from(userId, 'utf8').toString('base64url')}.${exp}.${mac(secret, userId, exp)}`;
}

export type TokenVerdict = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' };

export function readUnsubscribeToken(token: string | null | undefined, secret: string, now: Date = new Date()): TokenVerdict {
  const m = /^([A-Za-z0-9_-]{1,200})\.(\d{9,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!m) return { ok: false, reason: 'invalid' };
  const userId = Buffer.from(m[1], 'base64url').toString('utf8');
  const exp = Number(m[2]);
  const expected = Buffer.from(mac(secret, userId, exp));
  const got = Buffer.from(m[3]);
  if (got.length !== expected.length || !crypto.timingSafeEqual(got, expected)) return { ok: false, reason: 'invalid' };
  if (exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId };
}

export const UNSUBSCRIBE_PATH = '/api/digest/unsubscribe';

export function unsubscribeUrl(baseUrl: string, token: string): string {
  const u = new URL(UNSUBSCRIBE_PATH, baseUrl);
  u.searchParams.set('token', token);
  return u.toString();
}
