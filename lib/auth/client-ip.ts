/**
 * The client's address for throttling. Forwarded headers are trusted only when UPLIFT_TRUST_PROXY
 * says a proxy sets them; otherwise they could be forged, so per-address throttling is off
 * (per-account throttling still applies).
 */
export function clientIp(h: Headers, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!trustProxy(env)) return null;
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || h.get('x-real-ip') || null;
}

export function trustProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.UPLIFT_TRUST_PROXY === '1' || env.UPLIFT_TRUST_PROXY === 'true';
}
