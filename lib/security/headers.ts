import { forwardedValue } from './forwarded';

/** The Content-Security-Policy for one response: scripts only with this request's nonce. */
export function contentSecurityPolicy(nonce: string, isDev = process.env.NODE_ENV !== 'production'): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Recharts and React set inline style attributes; styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** Headers every response carries (CSP is added for pages by proxy.ts). */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Is this request served over HTTPS (directly, or as the trusted proxy, `hops` in front, reports)? */
export function isHttps(url: URL, headers: Headers, hops: number): boolean {
  if (url.protocol === 'https:') return true;
  return forwardedValue(headers, 'x-forwarded-proto', hops)?.toLowerCase() === 'https';
}

/** Public pages and routes (everything else needs a session). */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === '/login' ||
    pathname === '/setup' ||
    pathname === '/reset-password' ||
    pathname.startsWith('/api/')
  );
}
