import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The device cookie (OWASP's "device cookies" against online guessing): set at a successful sign-in,
 * it lets the browser that proved it knows an account's password be counted apart from everyone
 * else trying that account, so an attacker's failures cannot lock the owner out.
 *
 * Value: `<device id>.<tag>.<tag>…` where each tag is HMAC(app secret, device id + account) for one of
 * the last few accounts signed in from this browser. A tag can only be made with the secret, so a
 * forged, edited or foreign cookie is worth nothing for an account: it counts as no cookie.
 */
export const DEVICE_COOKIE = 'uplift_device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;
const MAX_ACCOUNTS = 5;
const ID = /^[A-Za-z0-9_-]{22}$/;

function signingKey(secret: string): Buffer {
  // A key of its own, derived from the app secret, so a device tag is never valid anywhere else.
  return createHmac('sha256', secret).update('uplift device cookie v1').digest();
}

export function deviceTag(secret: string, deviceId: string, account: string): string {
  return createHmac('sha256', signingKey(secret)).update(`${deviceId}\n${account}`).digest().subarray(0, 16).toString('base64url');
}

function parse(value: string | undefined | null): { deviceId: string; tags: string[] } | null {
  if (!value || value.length > 200) return null;
  const [deviceId, ...tags] = value.split('.');
  if (!ID.test(deviceId) || tags.length > MAX_ACCOUNTS || !tags.every((t) => ID.test(t))) return null;
  return { deviceId, tags };
}

/** The device id when the cookie carries a valid tag for this account, else null. */
export function trustedDeviceId(value: string | undefined | null, account: string, secret: string): string | null {
  const cookie = parse(value);
  if (!cookie) return null;
  const expected = Buffer.from(deviceTag(secret, cookie.deviceId, account));
  return cookie.tags.some((t) => timingSafeEqual(Buffer.from(t), expected)) ? cookie.deviceId : null;
}

/** The cookie to set after `account` signed in: same device id (or a new one), this account's tag first. */
export function deviceCookieAfterSignIn(value: string | undefined | null, account: string, secret: string): string {
  const cookie = parse(value);
  const deviceId = cookie?.deviceId ?? randomBytes(16).toString('base64url');
  const tag = deviceTag(secret, deviceId, account);
  const others = (cookie?.tags ?? []).filter((t) => t !== tag);
  return [deviceId, tag, ...others].slice(0, MAX_ACCOUNTS + 1).join('.');
}

export function deviceCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS };
}
