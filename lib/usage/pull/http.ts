/**
 * The one way a usage pull calls a vendor: bounded in time and size, retrying a 429 (after the Retry-After the
 * vendor asks for, capped) and a 5xx or a broken connection (with exponential backoff), a bounded number of
 * times. The wait is injectable so the tests' mock servers can answer 429 and 503 without the tests sleeping.
 * Error messages name the URL and the status, never the credential.
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { isForbiddenAddress } from './url-policy';

export type Sleep = (ms: number) => Promise<void>;

export type HttpOptions = {
  /** How to wait between attempts (default: setTimeout). */
  sleep?: Sleep;
  /** Attempts per request, the first included (default 5). */
  attempts?: number;
  /** First backoff after a 5xx; doubles each time (default 1 s). */
  backoffMs?: number;
  /** Longest wait honoured, Retry-After included (default 60 s). */
  maxWaitMs?: number;
  timeoutMs?: number;
  /** Largest response body read (default 50 MB). */
  maxBytes?: number;
};

export class PullHttpError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Refuses a host whose name resolves to a link-local or metadata address (a name can point anywhere). */
async function checkResolved(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.some(isForbiddenAddress)) throw new PullHttpError(`${url.origin} resolves to a link-local or metadata address, which a connection may not call.`, null);
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new PullHttpError(`The answer of ${url} is larger than ${maxBytes} bytes.`, response.status);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new PullHttpError(`The answer of ${url} is larger than ${maxBytes} bytes.`, response.status);
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** The URL as shown in messages: without its query string (signed download links carry tokens there). */
const shown = (url: URL) => `${url.origin}${url.pathname}`;

export type HttpAnswer = { status: number; headers: Headers; body: string };

/**
 * GETs `url` with `headers`, retrying 429, 5xx and network failures; returns the final 2xx or 404 answer
 * (a 404 means "no such report" to some vendors, so the caller decides) and throws PullHttpError otherwise.
 */
export async function getWithRetry(rawUrl: string, headers: Record<string, string>, options: HttpOptions = {}): Promise<HttpAnswer> {
  const { sleep = realSleep, attempts = 5, backoffMs = 1000, maxWaitMs = 60_000, timeoutMs = 60_000, maxBytes = 50 * 1024 * 1024 } = options;
  const url = new URL(rawUrl);
  await checkResolved(url);
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let response: Response;
    try {
      // Redirects are not followed: a vendor API answers in place, and a redirect could lead past the address check.
      response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      lastProblem = `could not be reached (${e instanceof Error && e.cause instanceof Error ? e.cause.message : e instanceof Error ? e.message : String(e)})`;
      // A server that is not there is rarely back a second later: one retry, not the whole series.
      if (attempt >= Math.min(attempts, 2)) return unreachable(url, lastProblem, attempt);
      await sleep(Math.min(maxWaitMs, backoffMs));
      continue;
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      lastProblem = `answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (attempt === attempts) break;
      const asked = response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : null;
      await sleep(Math.min(maxWaitMs, asked ?? backoffMs * 2 ** (attempt - 1)));
      continue;
    }
    if ((response.status >= 200 && response.status < 300) || response.status === 404) {
      return { status: response.status, headers: response.headers, body: await readBody(response, shown(url), maxBytes) };
    }
    await response.body?.cancel();
    const hint = response.status === 401 || response.status === 403 ? ': check the credential and its permissions' : '';
    throw new PullHttpError(`${shown(url)} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${hint}.`, response.status);
  }
  return unreachable(url, lastProblem, attempts);
}

function unreachable(url: URL, problem: string, attempts: number): never {
  throw new PullHttpError(`${shown(url)} ${problem} after ${attempts} attempts.`, null);
}

/** GETs JSON (see getWithRetry); a body that is not JSON is an error naming the URL. */
export async function getJson<T = unknown>(rawUrl: string, headers: Record<string, string>, options: HttpOptions = {}): Promise<{ status: number; headers: Headers; json: T | null }> {
  const answer = await getWithRetry(rawUrl, { accept: 'application/json', ...headers }, options);
  if (answer.status === 404) return { status: 404, headers: answer.headers, json: null };
  try {
    return { status: answer.status, headers: answer.headers, json: JSON.parse(answer.body) as T };
  } catch {
    throw new PullHttpError(`${shown(new URL(rawUrl))} did not answer JSON.`, answer.status);
  }
}
