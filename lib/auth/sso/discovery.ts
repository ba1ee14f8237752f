/**
 * The provider's discovery document, read with a time limit. better-auth reads `discoveryUrl` when it builds its
 * providers and waits as long as the provider takes: a provider that accepts the connection and never answers
 * would hold every page (each reads the session through that build). So Uplift first reads the document itself,
 * within DISCOVERY_TIMEOUT_MS, and gives better-auth the provider only when it answered (lib/auth/server.ts).
 */
export const DISCOVERY_TIMEOUT_MS = 3000;

export type DiscoveryDocument = { issuer: string; authorization_endpoint: string; jwks_uri: string } & Record<string, unknown>;

export const discoveryUrl = (issuer: string) => `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;

/** The document, or null when the provider does not answer in time, answers an error, or sends no OpenID document. */
export async function readDiscovery(issuer: string, timeoutMs = DISCOVERY_TIMEOUT_MS): Promise<DiscoveryDocument | null> {
  try {
    const res = await fetch(discoveryUrl(issuer), { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    const doc = (await res.json()) as Partial<DiscoveryDocument> | null;
    const usable = typeof doc?.issuer === 'string' && typeof doc.authorization_endpoint === 'string' && typeof doc.jwks_uri === 'string';
    return usable ? (doc as DiscoveryDocument) : null;
  } catch {
    return null; // refused, timed out, or not JSON
  }
}
