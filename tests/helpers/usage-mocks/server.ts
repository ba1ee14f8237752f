/**
 * A vendor API on loopback for the usage pull tests: node:http on 127.0.0.1, on a free port in this branch's
 * range (3260-3299), recording every request and answering scripted faults (a 429 with Retry-After, a 503)
 * before its normal answer. Each vendor's mock (./openai.ts, …) supplies the handler serving its documented shapes.
 */
import http from 'node:http';

export type SeenRequest = { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders };
export type Fault = { path: string; status: number; retryAfter?: string };
export type Reply = { status: number; body: unknown; headers?: Record<string, string>; raw?: boolean };
export type Handler = (req: SeenRequest, origin: string) => Reply;

export type MockServer = {
  origin: string;
  requests: SeenRequest[];
  /** Scripted answers, taken in order by the first requests to their path (before the normal answer). */
  faults: Fault[];
  close: () => Promise<void>;
};

const FIRST_PORT = 3260;
const LAST_PORT = 3299;

async function listen(server: http.Server): Promise<number> {
  for (let port = FIRST_PORT; port <= LAST_PORT; port++) {
    const ok = await new Promise<boolean>((resolve, reject) => {
      const onError = (e: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (e.code === 'EADDRINUSE' || e.code === 'EACCES') resolve(false);
        else reject(e);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, '127.0.0.1');
    });
    if (ok) return port;
  }
  throw new Error(`No free port between ${FIRST_PORT} and ${LAST_PORT} for a mock vendor server.`);
}

export async function startMock(handler: Handler): Promise<MockServer> {
  const requests: SeenRequest[] = [];
  const faults: Fault[] = [];
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const seen: SeenRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers };
    requests.push(seen);
    const at = faults.findIndex((f) => f.path === url.pathname);
    let reply: Reply;
    if (at >= 0) {
      const [fault] = faults.splice(at, 1);
      reply = { status: fault.status, body: { error: { message: `scripted ${fault.status}` } }, headers: fault.retryAfter ? { 'retry-after': fault.retryAfter } : {} };
    } else {
      try {
        reply = handler(seen, origin);
      } catch (e) {
        reply = { status: 500, body: { error: String(e) } };
      }
    }
    const text = reply.raw ? String(reply.body) : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': reply.raw ? 'application/x-ndjson' : 'application/json', ...reply.headers });
    res.end(text);
  });
  const port = await listen(server);
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    faults,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Pages of `items`, `size` at a time, with an opaque cursor (base64 of the offset) as the vendors' next_page. */
export function pageOf<T>(items: T[], size: number, cursor: string | null): { slice: T[]; next: string | null } {
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0;
  const end = start + size;
  return { slice: items.slice(start, end), next: end < items.length ? Buffer.from(String(end), 'utf8').toString('base64url') : null };
}

export const unauthorized = (message = 'Invalid credential'): Reply => ({ status: 401, body: { error: { type: 'authentication_error', message } } });
