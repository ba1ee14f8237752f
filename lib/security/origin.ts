/**
 * Cross-site request refusal for every state-changing request (server actions and POST routes).
 * Next checks server-action origins against X-Forwarded-Host, which anyone can send; this check
 * trusts forwarded headers only when UPLIFT_TRUST_PROXY says a proxy sets them.
 */
import { forwardedValue } from './forwarded';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/** The origins this app answers on: its public URL, and the address the request was sent to. */
export function allowedOrigins(headers: Headers, requestUrl: URL, publicUrl: string | undefined, proxyHops: number): Set<string> {
  const out = new Set<string>();
  if (publicUrl) {
    try {
      out.add(new URL(publicUrl).origin);
    } catch {
      // a malformed BETTER_AUTH_URL is reported at start-up
    }
  }
  const proto = forwardedValue(headers, 'x-forwarded-proto', proxyHops) || requestUrl.protocol.replace(':', '');
  const host = forwardedValue(headers, 'x-forwarded-host', proxyHops) || headers.get('host');
  if (host) out.add(`${proto}://${host}`.toLowerCase());
  return out;
}

export function checkOrigin(
  method: string,
  headers: Headers,
  requestUrl: URL,
  options: { publicUrl?: string; proxyHops: number },
): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const origin = headers.get('origin');
  if (origin === null) {
    // Browsers send Origin on every cross-site POST; without it only a same-site page or a
    // non-browser client (no ambient cookies to abuse) can be the sender.
    return headers.get('sec-fetch-site') === 'cross-site' ? { ok: false, reason: 'cross-site request without Origin' } : { ok: true };
  }
  if (origin === 'null') return { ok: false, reason: 'opaque Origin (null)' };
  let normalised: string;
  try {
    normalised = new URL(origin).origin.toLowerCase();
  } catch {
    return { ok: false, reason: 'malformed Origin' };
  }
  const allowed = allowedOrigins(headers, requestUrl, options.publicUrl, options.proxyHops);
  return allowed.has(normalised) ? { ok: true } : { ok: false, reason: `foreign Origin ${normalised}` };
}
