/**
 * Sends one webhook request: POST, JSON, signed, 10-second timeout, no redirects followed. The connection's DNS
 * lookup goes through the address check (./target.ts), so the address actually connected to is one that was
 * checked. A non-2xx answer is a failure (the outbox retries it).
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { allowedAddresses, urlProblem, type Env, type Resolve, systemResolve } from './target';
import { SIGNATURE_HEADER, signBody } from './sign';

export type WebhookRequest = { url: string; body: string; secret: string; event?: string; deliveryId?: string };
export type PostWebhook = (r: WebhookRequest) => Promise<{ status: number }>;

const TIMEOUT_MS = 10_000;

function checkedLookup(env: Env, resolve: Resolve): LookupFunction {
  return (hostname, options, callback) => {
    allowedAddresses(hostname, env, resolve).then(
      (found) => {
        const family = typeof options === 'object' && options ? (options as { family?: number }).family : undefined;
        const usable = family === 4 || family === 6 ? found.filter((a) => a.family === family) : found;
        if (!usable.length) return callback(Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' }), '', 0);
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
        callback(null, usable[0].address, usable[0].family);
      },
      (err: Error) => callback(Object.assign(err, { code: 'EREFUSED' }), '', 0),
    );
  };
}

export function webhookPoster(env: Env = process.env, resolve: Resolve = systemResolve): PostWebhook {
  return (r) =>
    new Promise((resolvePromise, reject) => {
      const problem = urlProblem(r.url, env);
      if (problem) return reject(new Error(problem));
      const url = new URL(r.url);
      const lib = url.protocol === 'https:' ? https : http;
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(r.body)),
        'user-agent': 'Uplift-Webhooks/1',
        [SIGNATURE_HEADER]: signBody(r.secret, r.body),
      };
      if (r.event) headers['x-uplift-event'] = r.event;
      if (r.deliveryId) headers['x-uplift-delivery'] = r.deliveryId;
      const req = lib.request(url, { method: 'POST', headers, lookup: checkedLookup(env, resolve), timeout: TIMEOUT_MS }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (text.length < 300) text += c;
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolvePromise({ status });
          else reject(new Error(`The webhook answered HTTP ${status}${text.trim() ? `: ${text.trim().slice(0, 200)}` : ''}.`));
        });
      });
      req.on('timeout', () => req.destroy(new Error(`The webhook did not answer within ${TIMEOUT_MS / 1000} seconds.`)));
      req.on('error', reject);
      req.end(r.body);
    });
}
