/**
 * Which base URLs a usage connection may point at. Uplift calls them with an admin's credential from the server,
 * so a URL must not reach the cloud's metadata service (169.254.169.254 and friends hand out the server's own
 * cloud credentials) or anything else link-local. Loopback stays allowed on purpose: a LiteLLM proxy often runs
 * beside Uplift on 127.0.0.1, and the tests' mock vendor servers listen there. Pure.
 */
import net from 'node:net';

/** Host names that resolve to a metadata service on some cloud. */
const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

/** Metadata services outside 169.254.0.0/16 (Alibaba Cloud, Oracle Cloud's IPv4 alias, AWS over IPv6). */
const METADATA_ADDRESSES = new Set(['100.100.100.200', '192.0.0.192', 'fd00:ec2::254']);

function ipv4Parts(address: string): number[] | null {
  if (!net.isIPv4(address)) return null;
  return address.split('.').map(Number);
}

/** True for addresses a connection must never reach: link-local (v4 and v6) and known metadata addresses. */
export function isForbiddenAddress(address: string): boolean {
  let a = address.toLowerCase().replace(/^\[|\]$/g, '');
  // An IPv4 address written as IPv6 (::ffff:169.254.169.254, which URLs write ::ffff:a9fe:a9fe) is that IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (mapped) a = mapped[1];
  else if (mappedHex) {
    const [hi, lo] = [parseInt(mappedHex[1], 16), parseInt(mappedHex[2], 16)];
    a = [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  if (METADATA_ADDRESSES.has(a)) return true;
  const v4 = ipv4Parts(a);
  if (v4) return v4[0] === 169 && v4[1] === 254;
  if (net.isIPv6(a)) return /^fe[89ab][0-9a-f]:/.test(a);
  return false;
}

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * A base URL an admin typed: http or https only, no credentials in it, and not a link-local or metadata address
 * by name or number. (The pull checks the addresses a name resolves to again before each request: see
 * lib/usage/pull/http.ts.)
 */
export function checkBaseUrl(raw: string): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'Enter a full URL, e.g. https://api.openai.com.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'Only http and https URLs can be used.' };
  if (url.username || url.password) return { ok: false, reason: 'Leave the user name and password out of the URL: enter the credential in its own field.' };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (METADATA_HOSTS.has(host) || isForbiddenAddress(host))
    return { ok: false, reason: 'This address is link-local or a cloud metadata service, which a connection may not call.' };
  return { ok: true, url };
}

/** The URL with its trailing slashes removed, so paths can be appended. */
export function normalizedBaseUrl(raw: string): string {
  return raw.trim().replace(/\/+$/, '');
}
