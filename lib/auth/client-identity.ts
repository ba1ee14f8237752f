import { parseCookies } from 'better-auth/cookies';
import { clientIp, forwardedHttps } from '@/lib/security/forwarded';
import { DEVICE_COOKIE, trustedDeviceId } from './device-cookie';
import { publicUrl } from './secret';

/**
 * Who is trying to sign in to `account`, for throttling, strongest evidence first: a browser whose
 * device cookie is valid for this account (it signed in to it before), else the address a trusted
 * proxy reported, else nobody in particular — all such requests share one "unknown" client per
 * account, so an attacker without a cookie can only lock out other cookie-less browsers, never the
 * owner's own browser.
 */
export type ClientIdentity = { key: string; ip: string | null; trustedDevice: boolean };

export function deviceCookieOf(headers: Headers): string | undefined {
  return parseCookies(headers.get('cookie') ?? '').get(DEVICE_COOKIE);
}

export function identifyClient(headers: Headers, account: string, secret: string): ClientIdentity {
  const ip = clientIp(headers);
  const deviceId = trustedDeviceId(deviceCookieOf(headers), account, secret);
  if (deviceId) return { key: `device:${deviceId}`, ip, trustedDevice: true };
  if (ip) return { key: `ip:${ip}`, ip, trustedDevice: false };
  return { key: 'unknown', ip: null, trustedDevice: false };
}

/** Served over HTTPS: the public URL says so, or the trusted proxy does. */
export function requestIsHttps(headers: Headers): boolean {
  return publicUrl().startsWith('https:') || forwardedHttps(headers);
}
