import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { safeNextPath } from '@/lib/auth/safe-next';
import { proxyHops } from '@/lib/security/forwarded';
import { contentSecurityPolicy, isHttps, isPublicPath, securityHeaders } from '@/lib/security/headers';
import { checkOrigin } from '@/lib/security/origin';

/**
 * Per request: a cross-site refusal for state-changing requests, a CSP nonce and security headers,
 * a request id, and an optimistic redirect to /login when there is no session cookie. Never the
 * only check: every page, action and route checks the session and permission itself. No database
 * call here.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hops = proxyHops();
  const https = isHttps(request.nextUrl, request.headers, hops);
  const baseHeaders = securityHeaders(https);

  const origin = checkOrigin(request.method, request.headers, request.nextUrl, { publicUrl: process.env.BETTER_AUTH_URL, proxyHops: hops });
  if (!origin.ok) {
    return Response.json(
      { error: 'This request came from another site and was refused.' },
      { status: 403, headers: { ...baseHeaders, 'Cache-Control': 'no-store' } },
    );
  }

  // The read API speaks JSON to programs: a missing Bearer token is a 401, never a redirect to /login.
  // The handler verifies the token itself (this runs without the database).
  if (isApiV1(pathname) && !/^Bearer\s+\S+$/i.test(request.headers.get('authorization') ?? '')) {
    return Response.json(
      { error: 'Send an API token: Authorization: Bearer <token>.' },
      { status: 401, headers: { ...baseHeaders, 'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer' } },
    );
  }

  if (!isPublicPath(pathname) && !getSessionCookie(request)) {
    const login = new URL('/login', request.url);
    const next = pathname === '/' ? null : safeNextPath(`${pathname}${search}`);
    if (next) login.searchParams.set('next', next);
    const redirect = NextResponse.redirect(login);
    for (const [k, v] of Object.entries(baseHeaders)) redirect.headers.set(k, v);
    redirect.headers.set('Cache-Control', 'no-store');
    return redirect;
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const requestId = crypto.randomUUID();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-request-id', requestId);
  requestHeaders.set('Content-Security-Policy', csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('x-request-id', requestId);
  for (const [k, v] of Object.entries(baseHeaders)) response.headers.set(k, v);
  // Pages and exports hold private data: never kept by browsers or shared caches (static assets
  // under /_next/static are not proxied and stay cacheable).
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** /api/v1 answers Bearer tokens only; its OpenAPI document is public. */
function isApiV1(pathname: string): boolean {
  return (pathname === '/api/v1' || pathname.startsWith('/api/v1/')) && pathname !== '/api/v1/openapi.json';
}

// A restore upload (multipart POST to /api/admin/backup) bypasses the proxy: Next.js buffers a proxied
// body in memory and cuts it at 10 MB (experimental.proxyClientMaxBodySize), while a backup may be far
// larger. That route checks the session, the permission and the origin itself and streams the upload.
// Usage files (POST /api/admin/usage/import, and /api/usage/import from `npm run usage`) bypass it for the same
// reason: a usage CSV may hold a million rows; both routes check who sends them themselves.
export const config = {
  matcher: [
    { source: '/((?!_next/static|_next/image|favicon.ico|api/admin/backup|api/admin/usage/import|api/usage/import).*)' },
    { source: '/api/admin/backup', missing: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
};
