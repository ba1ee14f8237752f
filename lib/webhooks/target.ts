/**
 * Where a webhook may post: an https URL (http only to loopback with the test flag), on no refused host or address
 * (./address.ts), checked on every address the name resolves to. The same check runs when an admin saves the
 * webhook and again at each connection (./post.ts passes it as the socket's lookup), so a name that later
 * resolves elsewhere (DNS rebinding) is still refused.
 */
import dns from 'node:dns';
import net from 'node:net';
import { checkAddress, checkHostName, loopbackAllowed } from './address';

export type Env = Record<string, string | undefined>;
export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

const LOOKUP_TIMEOUT_MS = 5_000;

export const systemResolve: Resolve = (host) =>
  Promise.race([
    dns.promises.lookup(host, { all: true, verbatim: true }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`looking up ${host} took too long`)), LOOKUP_TIMEOUT_MS).unref()),
  ]);

/** The URL's form alone (no lookup): a sentence saying what is wrong, or null. */
export function urlProblem(raw: string, env: Env = process.env): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter the full URL of the webhook, starting with https://.';
  }
  const allowLoopback = loopbackAllowed(env);
  if (url.username || url.password) return 'Put no user name or password in the URL: a webhook is authenticated by its signature.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol === 'http:') {
    const loopbackHost = host === 'localhost' || host === '::1' || /^127\./.test(host);
    if (!(allowLoopback && loopbackHost)) return 'Use an https:// URL: the alerts it carries must not travel in clear text.';
  } else if (url.protocol !== 'https:') return 'Use an https:// URL.';
  const name = checkHostName(host, allowLoopback);
  if (!name.ok) return `Uplift does not post to ${host}: it is ${name.reason}.`;
  if (net.isIP(host)) {
    const addr = checkAddress(host, allowLoopback);
    if (!addr.ok) return `Uplift does not post to ${host}: it is ${addr.reason}.`;
  }
  return null;
}

/** The addresses `host` resolves to, all of them allowed; throws one sentence otherwise. */
export async function allowedAddresses(host: string, env: Env = process.env, resolve: Resolve = systemResolve): Promise<{ address: string; family: number }[]> {
  const allowLoopback = loopbackAllowed(env);
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIP(bare)) {
    const v = checkAddress(bare, allowLoopback);
    if (!v.ok) throw new Error(`Uplift does not post to ${bare}: it is ${v.reason}.`);
    return [{ address: bare, family: net.isIP(bare) }];
  }
  let found: { address: string; family: number }[];
  try {
    found = await resolve(bare);
  } catch (err) {
    throw new Error(`${bare} could not be found (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (!found.length) throw new Error(`${bare} could not be found.`);
  for (const a of found) {
    const v = checkAddress(a.address, allowLoopback);
    if (!v.ok) throw new Error(`Uplift does not post to ${bare}: it resolves to ${a.address}, ${v.reason}.`);
  }
  return found;
}

/** The full check when an admin saves a URL: its form, then every address its host resolves to. Null when fine. */
export async function targetProblem(raw: string, env: Env = process.env, resolve: Resolve = systemResolve): Promise<string | null> {
  const form = urlProblem(raw, env);
  if (form) return form;
  try {
    await allowedAddresses(new URL(raw).hostname, env, resolve);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
