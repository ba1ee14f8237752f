import { ConfigError } from '@/db/config';

/**
 * Forwarded headers (X-Forwarded-For, -Proto, -Host) are believed only when UPLIFT_TRUST_PROXY says
 * how many proxies stand in front of Uplift: `1`/`true` for one, a number for a chain, `0`/unset for
 * none. Each proxy appends what it saw to the right, so the entry that many hops from the right is the
 * one our outermost proxy wrote; everything left of it came from the client and is never trusted
 * (the same rule as Express's `trust proxy = <hops>`).
 */
export function parseProxyHops(raw: string | undefined): number | null {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return 0;
  if (v === 'true') return 1;
  if (!/^[1-9]\d{0,1}$/.test(v)) return null;
  return Number(v);
}

/** For start-up: a value that is not a hop count stops the server with one sentence. */
export function checkProxyConfiguration(env: NodeJS.ProcessEnv = process.env): void {
  if (parseProxyHops(env.UPLIFT_TRUST_PROXY) === null) {
    throw new ConfigError(
      `UPLIFT_TRUST_PROXY must be 0, 1, true or the number of proxies in front of Uplift (1–99); it is "${env.UPLIFT_TRUST_PROXY}".`,
    );
  }
}

/** Hops to trust at runtime; an invalid value (already refused at start-up) trusts nothing. */
export function proxyHops(env: NodeJS.ProcessEnv = process.env): number {
  return parseProxyHops(env.UPLIFT_TRUST_PROXY) ?? 0;
}

export function trustProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  return proxyHops(env) > 0;
}

/**
 * The entry of a comma-separated forwarded header that the outermost trusted proxy wrote: `hops`
 * from the right, or the left-most when the list is shorter (the request met fewer proxies).
 */
export function forwardedValue(headers: Headers, name: string, hops: number): string | null {
  if (hops <= 0) return null;
  const entries = (headers.get(name) ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (!entries.length) return null;
  return entries[Math.max(0, entries.length - hops)];
}

/** The client's address as the trusted proxy saw it; without a trusted proxy there is none. */
export function clientIp(headers: Headers, env: NodeJS.ProcessEnv = process.env): string | null {
  const value = forwardedValue(headers, 'x-forwarded-for', proxyHops(env));
  // An address, not free text: it ends up in the database and on the admin page.
  return value && /^[0-9A-Fa-f:.[\]]{2,64}$/.test(value) ? value : null;
}

/** The trusted proxy says the client reached it over HTTPS. */
export function forwardedHttps(headers: Headers, env: NodeJS.ProcessEnv = process.env): boolean {
  return forwardedValue(headers, 'x-forwarded-proto', proxyHops(env))?.toLowerCase() === 'https';
}
