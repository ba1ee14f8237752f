/**
 * A real OpenID Connect provider on loopback for the SSO tests: the `oidc-provider` package (the
 * certified Node.js implementation) with a one-field login page (type the account id) and consent
 * granted automatically. `tamperIdToken` lets a test re-sign the ID token the token endpoint returns
 * with changed claims (another issuer or audience, an expired token, a wrong nonce) using the
 * provider's own key, so only the claim is wrong.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type IdpAccount = {
  email: string;
  email_verified: boolean;
  name: string;
  groups?: string[];
  hd?: string;
  tid?: string;
};

export type Idp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  /** Changes the claims of the next ID tokens (null: leave them alone). */
  tamperIdToken: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  close: () => Promise<void>;
};

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

/** Signs synchronously (node:crypto), so the token endpoint's response can be rewritten as it is sent. */
function signRs256(header: Record<string, unknown>, payload: Record<string, unknown>, key: crypto.KeyObject): string {
  const data = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${data}.${b64url(crypto.sign('sha256', Buffer.from(data), key))}`;
}

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startIdp(options: { port?: number; redirectUris: string[]; clientId?: string; clientSecret?: string }): Promise<Idp> {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key';
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = options.clientId ?? 'uplift-test';
  const clientSecret = options.clientSecret ?? 'uplift-test-secret-uplift-test-secret';
  const accounts = new Map<string, IdpAccount>();

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    pkce: { required: () => true },
    // Put the scope's claims in the ID token itself, as Entra, Google and Okta do.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups', 'hd', 'tid'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const a = accounts.get(sub);
      if (!a) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...a }) };
    },
  });

  const idp: Idp = { issuer, clientId, clientSecret, accounts, tamperIdToken: null, close: async () => {} };
  const callback = provider.callback();

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      const interaction = /^\/interaction\/([^/]+)$/.exec(url.pathname);
      if (interaction) {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          if (req.method === 'POST') {
            const login = (await formBody(req)).get('login') ?? '';
            if (!accounts.has(login)) {
              res.writeHead(200, { 'content-type': 'text/html' }).end(`<p role="alert">No account ${escapeHtml(login)}.</p>`);
              return;
            }
            await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
            return;
          }
          res.writeHead(200, { 'content-type': 'text/html' }).end(
            `<!doctype html><title>Test provider</title><h1>Test identity provider</h1><form method="post">` +
              `<label>Account <input name="login" autofocus></label><button type="submit">Continue</button></form>`,
          );
          return;
        }
        // Consent is granted for what was asked (a company's IdP usually pre-consents its own apps).
        const grant = details.grantId
          ? (await provider.Grant.find(details.grantId))!
          : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return;
      }
      if (url.pathname === '/token' && idp.tamperIdToken) rewriteIdToken(res, idp.tamperIdToken, privateKey, kid);
      callback(req, res);
    })().catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });

  idp.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return idp;
}

/** Rewrites the id_token of the token endpoint's JSON answer as it is sent. */
function rewriteIdToken(res: http.ServerResponse, tamper: (c: Record<string, unknown>) => Record<string, unknown>, key: crypto.KeyObject, kid: string) {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => (name.toLowerCase() === 'content-length' ? res : setHeader(name, value));
  const end = res.end.bind(res) as (chunk?: unknown) => http.ServerResponse;
  res.end = ((chunk?: unknown) => {
    if (chunk == null) return end();
    const body = JSON.parse(Buffer.from(chunk as Buffer | string).toString('utf8')) as { id_token?: string };
    if (body.id_token) {
      const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
      body.id_token = signRs256({ alg: 'RS256', typ: 'JWT', kid }, tamper(claims), key);
    }
    return end(JSON.stringify(body));
  }) as typeof res.end;
}
