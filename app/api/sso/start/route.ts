// GET /api/sso/start: begins single sign-on (a plain link from /login, so it works before any script
// runs and is not a form submission the CSP's form-action would stop at the provider's origin).
// better-auth sets the signed state cookie (state, PKCE verifier, nonce) and gives the provider's URL.
import { authFor } from '@/lib/auth/server';
import { OIDC_PROVIDER_ID } from '@/lib/auth/sso/config';
import { safeNextPath } from '@/lib/auth/safe-next';

export async function GET(request: Request): Promise<Response> {
  const auth = await authFor(request.headers);
  const next = safeNextPath(new URL(request.url).searchParams.get('next')) ?? '/';
  try {
    const { headers, response } = await auth.api.signInSocial({
      body: { provider: OIDC_PROVIDER_ID, callbackURL: next, errorCallbackURL: '/login' },
      headers: request.headers,
      returnHeaders: true,
    });
    if (!response.url) throw new Error('no provider URL');
    const out = new Headers({ Location: response.url, 'Cache-Control': 'no-store' });
    for (const c of headers.getSetCookie()) out.append('Set-Cookie', c);
    return new Response(null, { status: 302, headers: out });
  } catch {
    // Not configured, or the provider's discovery document cannot be read.
    return new Response(null, { status: 302, headers: { Location: '/login?error=sso_unavailable', 'Cache-Control': 'no-store' } });
  }
}
