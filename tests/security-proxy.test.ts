// proxy.ts: cross-site refusal, security headers, CSP nonce, no-store, optimistic sign-in redirect.
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { contentSecurityPolicy } from '@/lib/security/headers';

const APP = 'http://uplift.test:3000';
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${APP}${path}`, { method: init.method ?? 'GET', headers: { host: 'uplift.test:3000', ...init.headers } });
}
const SESSION = { cookie: 'better-auth.session_token=abc.def' };

type OriginCase = { name: string; headers: Record<string, string>; trustProxy?: boolean; refused: boolean };
const ORIGIN_CASES: OriginCase[] = [
  { name: 'same origin', headers: { origin: APP }, refused: false },
  { name: 'no Origin from a non-browser client', headers: {}, refused: false },
  { name: 'the public URL (BETTER_AUTH_URL)', headers: { origin: 'https://uplift.example.com' }, refused: false },
  { name: 'foreign origin', headers: { origin: 'https://evil.example' }, refused: true },
  { name: 'Origin: null (sandboxed frame, data: URL)', headers: { origin: 'null' }, refused: true },
  { name: 'malformed Origin', headers: { origin: 'not a url' }, refused: true },
  { name: 'same host on another scheme', headers: { origin: 'https://uplift.test:3000' }, refused: true },
  { name: 'same host on another port', headers: { origin: 'http://uplift.test:4000' }, refused: true },
  { name: 'cross-site fetch without Origin', headers: { 'sec-fetch-site': 'cross-site' }, refused: true },
  {
    name: 'spoofed X-Forwarded-Host matching a foreign Origin (proxy not trusted)',
    headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    refused: true,
  },
  {
    name: 'forwarded host from a trusted proxy',
    headers: { origin: 'https://uplift.internal', 'x-forwarded-host': 'uplift.internal', 'x-forwarded-proto': 'https' },
    trustProxy: true,
    refused: false,
  },
];

describe('state-changing requests from another site are refused', () => {
  for (const c of ORIGIN_CASES) {
    for (const path of ['/admin', '/api/auth/sign-out', '/login']) {
      it(`${c.name}: POST ${path} ${c.refused ? 'refused' : 'passes'}`, async () => {
        process.env.BETTER_AUTH_URL = 'https://uplift.example.com';
        process.env.UPLIFT_TRUST_PROXY = c.trustProxy ? '1' : '0';
        const res = proxy(request(path, { method: 'POST', headers: { ...SESSION, ...c.headers } }));
        if (c.refused) {
          expect(res.status).toBe(403);
          expect(await res.json()).toEqual({ error: 'This request came from another site and was refused.' });
        } else {
          expect(res.status).not.toBe(403);
        }
      });
    }
  }

  it('answers /api/v1 without a Bearer token with a JSON 401, never a redirect, even with a session cookie', async () => {
    for (const headers of [{}, SESSION, { authorization: 'Basic abc' }] as Record<string, string>[]) {
      const res = proxy(request('/api/v1/experiments', { headers }));
      expect(res.status).toBe(401);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toEqual({ error: 'Send an API token: Authorization: Bearer <token>.' });
    }
    const bearer = proxy(request('/api/v1/experiments', { headers: { authorization: 'Bearer upl_x' } }));
    expect(bearer.status).toBe(200); // passed on: the handler checks the token
    expect(bearer.headers.get('location')).toBeNull();
    expect(proxy(request('/api/v1/openapi.json')).status).toBe(200); // the document holds no data
  });

  it('never refuses a GET, whatever its Origin', () => {
    const res = proxy(request('/dashboard', { headers: { ...SESSION, origin: 'https://evil.example' } }));
    expect(res.status).toBe(200);
  });
});

/** The Content-Security-Policy, written out: scripts only with the request's nonce, everything else from the app itself. */
const expectedPolicy = (nonce: string, dev: boolean) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

describe('security headers on every page', () => {
  it('a CSP with a fresh nonce per request, no inline scripts, no framing, no plugins', () => {
    const a = proxy(request('/dashboard', { headers: SESSION })).headers.get('content-security-policy')!;
    const b = proxy(request('/dashboard', { headers: SESSION })).headers.get('content-security-policy')!;
    const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
    // The whole policy, directive by directive: a loosened one (default-src *, an added host) fails here.
    expect(a).toBe(expectedPolicy(nonce(a)!, process.env.NODE_ENV !== 'production'));
  });

  it('in production the same policy without unsafe-eval', () => {
    expect(contentSecurityPolicy('n0nce', false)).toBe(expectedPolicy('n0nce', false));
    expect(contentSecurityPolicy('n0nce', false)).not.toContain('unsafe-eval');
  });

  it('nosniff, a referrer policy, no framing, no-store and a request id', () => {
    const res = proxy(request('/experiments', { headers: SESSION }));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('HSTS over HTTPS: forwarded proto counts only behind a trusted proxy', () => {
    const forwarded = { ...SESSION, 'x-forwarded-proto': 'https' };
    process.env.UPLIFT_TRUST_PROXY = '0';
    expect(proxy(request('/dashboard', { headers: forwarded })).headers.get('strict-transport-security')).toBeNull();
    process.env.UPLIFT_TRUST_PROXY = '1';
    expect(proxy(request('/dashboard', { headers: forwarded })).headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });

  it('the forwarded proto is the one the trusted proxy wrote (from the right), not what the client sent', () => {
    const hsts = (proto: string, hops: string) => {
      process.env.UPLIFT_TRUST_PROXY = hops;
      return proxy(request('/dashboard', { headers: { ...SESSION, 'x-forwarded-proto': proto } })).headers.get('strict-transport-security');
    };
    expect(hsts('https, http', '1')).toBeNull(); // the client claimed https, the proxy saw http
    expect(hsts('http, https', '1')).toMatch(/max-age/);
    expect(hsts('https, http', '2')).toMatch(/max-age/); // two proxies: the outer one saw https
  });
});

describe('signed-out requests', () => {
  it('a path that would leave the site is not remembered as where to return', () => {
    for (const path of ['//evil.example', '/%5Cevil.example', '/%2F/evil']) {
      const location = new URL(proxy(request(path)).headers.get('location')!);
      expect(location.origin).toBe(APP);
      expect(location.pathname).toBe('/login');
      expect(location.searchParams.has('next')).toBe(false);
    }
    expect(new URL(proxy(request('/experiments?team=3')).headers.get('location')!).searchParams.get('next')).toBe('/experiments?team=3');
  });

  for (const path of ['/dashboard', '/experiments', '/admin', '/models', '/reports', '/account', '/trends']) {
    it(`${path} redirects to /login without a session cookie, remembering where to return`, () => {
      const res = proxy(request(path));
      expect(res.status).toBe(307);
      const location = new URL(res.headers.get('location')!);
      expect(location.pathname).toBe('/login');
      expect(location.searchParams.get('next')).toBe(path);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });
  }
});
