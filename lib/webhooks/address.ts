/**
 * Which network addresses a webhook may never reach (issue 20 §3): link-local (169.254.0.0/16, fe80::/10, where
 * cloud metadata services answer), the named metadata endpoints of the big clouds, and "this host" (0.0.0.0, ::).
 * Loopback is refused too unless UPLIFT_WEBHOOKS_ALLOW_LOOPBACK=on (tests start their receiver on 127.0.0.1).
 * Private ranges (10/8, 172.16/12, 192.168/16, fc00::/7) stay allowed: a self-hosted install may well post to a
 * chat server on its own network. Pure.
 */
import net from 'node:net';

/** Host names that resolve to a metadata service inside a cloud (checked before any DNS lookup). */
export const METADATA_HOSTS = ['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.internal'];

/** Metadata addresses outside link-local: AWS's IPv6 endpoint, Alibaba Cloud, Oracle Cloud's. */
const METADATA_ADDRESSES = ['fd00:ec2::254', '100.100.100.200', '192.0.0.192'];

/** `reason` completes "it is …": a noun phrase. */
export type AddressVerdict = { ok: true } | { ok: false; reason: string };

const LOOPBACK = 'the server itself (loopback; UPLIFT_WEBHOOKS_ALLOW_LOOPBACK=on allows it, for tests)';

function ipv4Parts(ip: string): number[] | null {
  if (!net.isIPv4(ip)) return null;
  return ip.split('.').map(Number);
}

/** An IPv6 address as eight 16-bit groups (handles "::" and a trailing dotted IPv4). */
function ipv6Groups(ip: string): number[] | null {
  if (!net.isIPv6(ip)) return null;
  let s = ip.toLowerCase().split('%')[0];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const p = v4[1].split('.').map(Number);
    s = s.slice(0, -v4[1].length) + `${((p[0] << 8) | p[1]).toString(16)}:${((p[2] << 8) | p[3]).toString(16)}`;
  }
  const [head, tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const fill = tail !== undefined ? 8 - h.length - t.length : 0;
  const groups = [...h, ...Array(fill).fill('0'), ...t].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** The IPv4 address an IPv6 address carries (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d), if any. */
function embeddedIpv4(g: number[]): string | null {
  const first5Zero = g.slice(0, 5).every((x) => x === 0);
  const mapped = first5Zero && (g[5] === 0xffff || g[5] === 0);
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  if (!mapped && !nat64) return null;
  if (mapped && g[5] === 0 && g[6] === 0) return null; // :: and ::1 are not IPv4
  return [g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff].join('.');
}

function sameIpv6(a: number[], b: string): boolean {
  const gb = ipv6Groups(b);
  return Boolean(gb && gb.every((x, i) => x === a[i]));
}

/** Whether a webhook may connect to `ip` (an address, never a name). */
export function checkAddress(ip: string, allowLoopback: boolean): AddressVerdict {
  const refuse = (reason: string): AddressVerdict => ({ ok: false, reason });
  const v4 = ipv4Parts(ip);
  if (v4) {
    if (METADATA_ADDRESSES.includes(ip)) return refuse('a cloud metadata address');
    if (v4[0] === 169 && v4[1] === 254) return refuse('a link-local address (169.254.0.0/16), where cloud metadata services answer');
    if (v4[0] === 0) return refuse('an unroutable address');
    if (v4[0] === 127) return allowLoopback ? { ok: true } : refuse(LOOPBACK);
    if (v4[0] >= 224) return refuse('a multicast or reserved address');
    return { ok: true };
  }
  const g = ipv6Groups(ip);
  if (!g) return refuse('not an IP address');
  const inner = embeddedIpv4(g);
  if (inner) {
    const r = checkAddress(inner, allowLoopback);
    return r.ok ? r : refuse(`${inner} in IPv6 form, ${r.reason}`);
  }
  if (METADATA_ADDRESSES.some((m) => net.isIPv6(m) && sameIpv6(g, m))) return refuse('a cloud metadata address');
  if ((g[0] & 0xffc0) === 0xfe80) return refuse('a link-local address (fe80::/10)');
  if (g.every((x) => x === 0)) return refuse('an unroutable address');
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return allowLoopback ? { ok: true } : refuse(LOOPBACK);
  if ((g[0] & 0xff00) === 0xff00) return refuse('a multicast address');
  return { ok: true };
}

/** Whether a host name is refused before any lookup (a metadata name, or "localhost" without the loopback flag). */
export function checkHostName(host: string, allowLoopback: boolean): AddressVerdict {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (METADATA_HOSTS.includes(h)) return { ok: false, reason: 'a cloud metadata service' };
  if (!allowLoopback && (h === 'localhost' || h.endsWith('.localhost'))) return { ok: false, reason: LOOPBACK };
  return { ok: true };
}

/** UPLIFT_WEBHOOKS_ALLOW_LOOPBACK=on lets webhooks reach 127.0.0.0/8 and ::1 (for tests and a receiver on the same host). */
export function loopbackAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return ['on', 'true', '1'].includes((env.UPLIFT_WEBHOOKS_ALLOW_LOOPBACK ?? '').trim().toLowerCase());
}
