/**
 * Where `npm start` listens. The demo accounts' password is published in the README, so while any of
 * them can sign in the server stays on this machine (127.0.0.1) unless HOST says otherwise, and a HOST
 * that other machines can reach needs UPLIFT_DEMO_PUBLIC=1 as a deliberate acceptance of that risk.
 */
export type ListenDecision = { host: string } | { refusal: string };

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

export function listenHost(env: Record<string, string | undefined>, demoAccounts: number): ListenDecision {
  const host = env.HOST?.trim();
  if (!host) return { host: demoAccounts > 0 ? '127.0.0.1' : '0.0.0.0' };
  const accepted = env.UPLIFT_DEMO_PUBLIC === '1' || env.UPLIFT_DEMO_PUBLIC === 'true';
  if (demoAccounts === 0 || isLoopback(host) || accepted) return { host };
  return {
    refusal: `HOST=${host} would put ${demoAccounts} demo account(s), whose password is published in the README, on the network: deactivate them on /admin (or start a new data folder with UPLIFT_DEMO=0), or accept the risk with UPLIFT_DEMO_PUBLIC=1.`,
  };
}
