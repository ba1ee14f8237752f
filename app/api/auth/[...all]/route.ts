// /api/auth/* – only the better-auth endpoints the app needs over HTTP. Sign-in goes through the
// throttled server action, so better-auth's own sign-in, sign-up and reset endpoints are not exposed.
import { authFor } from '@/lib/auth/server';

// The OIDC callback finishes a single sign-on started at /api/sso/start (lib/auth/sso).
const ALLOWED = new Set(['/api/auth/get-session', '/api/auth/sign-out', '/api/auth/callback/oidc']);

async function handle(request: Request) {
  if (!ALLOWED.has(new URL(request.url).pathname)) return Response.json({ error: 'Not found' }, { status: 404 });
  return (await authFor(request.headers)).handler(request);
}

export { handle as GET, handle as POST };
