// A provider that accepts connections and never answers must not hold the app: auth is built without SSO within
// the discovery time limit (passwords keep working), and SSO comes back once the provider answers again.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { getAuth, resetAuth } from '@/lib/auth/server';
import { DISCOVERY_TIMEOUT_MS, readDiscovery } from '@/lib/auth/sso/discovery';
import { describeEachDb } from './helpers/db';
import { startIdp, type Idp } from './helpers/oidc-idp';
import { APP_ORIGIN, installDb } from './helpers/security-harness';

let idp: Idp;
/** The issuer Uplift is told about: hangs, fails or serves the real provider's discovery document. */
/** `once`: serves the document to the first request (Uplift's probe), then hangs (better-auth's own read). */
let mode: 'hang' | 'fail' | 'serve' | 'once' = 'hang';
let front: http.Server;
let frontUrl: string;

beforeAll(async () => {
  idp = await startIdp({ redirectUris: [`${APP_ORIGIN}/api/auth/callback/oidc`] });
  front = http.createServer(async (req, res) => {
    if (mode === 'hang') return; // accept, read, never answer
    if (mode === 'fail') return void res.writeHead(503).end('down');
    if (mode === 'once') mode = 'hang';
    const doc = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).text();
    res.writeHead(200, { 'content-type': 'application/json' }).end(doc);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    UPLIFT_OIDC_ISSUER: frontUrl,
    UPLIFT_OIDC_CLIENT_ID: idp.clientId,
    UPLIFT_OIDC_CLIENT_SECRET: idp.clientSecret,
    UPLIFT_OIDC_ALLOWED_DOMAINS: 'corp.test',
  });
});
afterAll(async () => {
  for (const k of ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET', 'ALLOWED_DOMAINS']) delete process.env[`UPLIFT_OIDC_${k}`];
  front?.closeAllConnections();
  await new Promise((r) => front?.close(r));
  await idp?.close();
});

it('reads the discovery document within the time limit, or gives null', async () => {
  mode = 'hang';
  const started = Date.now();
  expect(await readDiscovery(frontUrl, 200)).toBeNull();
  expect(Date.now() - started).toBeLessThan(DISCOVERY_TIMEOUT_MS);
  mode = 'fail';
  expect(await readDiscovery(frontUrl, 200)).toBeNull();
  mode = 'serve';
  expect((await readDiscovery(frontUrl, 2000))?.issuer).toBe(idp.issuer);
});

/** Starts an SSO sign-in as the login page does; the status, and where the browser would be sent. */
async function startSso() {
  const auth = await getAuth();
  const res = await auth.handler(
    new Request(`${APP_ORIGIN}/api/auth/sign-in/social`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
      body: JSON.stringify({ provider: 'oidc', callbackURL: '/dashboard' }),
    }),
  );
  return { status: res.status, url: res.ok ? ((await res.json()) as { url: string }).url : null };
}

describeEachDb('a provider that does not answer', (ctx) => {
  beforeAll(() => installDb(ctx.db, ctx.kind));

  it('builds auth without SSO (sessions still read), then with it once the provider answers', async () => {
    mode = 'hang';
    resetAuth();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const auth = await getAuth(); // without the time limit this never resolves
    expect(await auth.api.getSession({ headers: new Headers() })).toBeNull();
    expect((await startSso()).status).not.toBe(200);

    // The provider is back; the next look (after the recheck interval) asks it again in the background.
    mode = 'serve';
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 16_000 });
    try {
      expect((await startSso()).status).not.toBe(200); // this request is served by the instance it already has
      await vi.waitFor(async () => expect((await startSso()).url ?? '').toMatch(new RegExp(`^${idp.issuer}/`)), { timeout: 5000 });
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });

  it('builds auth without SSO when the provider answers the check, then stalls', async () => {
    mode = 'once';
    resetAuth();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const started = Date.now();
      const auth = await getAuth(); // without the start time limit this never resolves
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(mode).toBe('hang'); // the probe was answered
      expect(await auth.api.getSession({ headers: new Headers() })).toBeNull();
      expect((await startSso()).status).not.toBe(200);
      expect(errors.mock.calls.map((c) => String(c[0])).some((m) => m.includes('stopped answering'))).toBe(true);
    } finally {
      vi.restoreAllMocks();
    }
  }, 20_000);
});
