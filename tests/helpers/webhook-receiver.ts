/**
 * A webhook receiver on loopback (node:http, port 0) that records every request: method, path, headers and the
 * raw body. `status` sets what it answers. Tests that post to it allow loopback explicitly
 * (UPLIFT_WEBHOOKS_ALLOW_LOOPBACK=on), as a production install never does by default.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string };
export type Receiver = { url: (path?: string) => string; received: Received[]; status: number; close: () => Promise<void> };

export async function startWebhookReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const state = { status: 200 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = state.status;
      res.end(state.status < 300 ? 'ok' : 'receiver failed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref(); // never what keeps a test process alive
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    get status() {
      return state.status;
    },
    set status(s: number) {
      state.status = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let shared: Promise<Receiver> | undefined;

/** One receiver for the role × action table's webhook entries, started on first use; turns the loopback flag on. */
export function sharedWebhookReceiver(): Promise<Receiver> {
  process.env.UPLIFT_WEBHOOKS_ALLOW_LOOPBACK = 'on';
  shared ??= startWebhookReceiver();
  return shared;
}
